#!/usr/bin/env bash
# Benchmarks of the hot paths (not part of ./mvnw verify; see docs/benchmarks.md).
#
# Starts the gateway jar on PostgreSQL with the simulators answering at once, drives load from separate
# processes on 127.0.0.1 (wrk for every rate; benchmarks/src for preparing and waiting), and prints a table.
# Bounded: every wrk run has a fixed duration, every wait a timeout; the whole run takes about 25 minutes.
#
#   benchmarks/run.sh
#   BENCH_STEP_SECONDS=10 BENCH_WARMUP_SECONDS=120 BENCH_PENDING=10000 BENCH_BATCH_ROWS=100000 benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

port=${BENCH_PORT:-18080}
step=${BENCH_STEP_SECONDS:-10}
warmup=${BENCH_WARMUP_SECONDS:-120}
pending=${BENCH_PENDING:-10000}
limited=${BENCH_LIMITED:-1000}
batch_rows=${BENCH_BATCH_ROWS:-100000}
database=${BENCH_DATABASE:-gateway_bench}
p99_limit_ms=50
out=target/bench
base="http://127.0.0.1:$port"
mkdir -p "$out"

# --- tools: PostgreSQL, wrk, the jar, the helper -------------------------------------------------------------
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q; }
if ! pg_up && command -v pg_ctlcluster >/dev/null 2>&1; then
  for version in $(ls /etc/postgresql); do pg_ctlcluster --skip-systemctl-redirect "$version" main start || true; done
  for _ in $(seq 1 20); do pg_up && break; sleep 0.5; done
fi
pg_up || { echo "The benchmark needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth)"; exit 1; }
psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null || { echo "Install wrk (apt-get install wrk)"; exit 1; }

jar=$(ls target/mobile-money-gateway-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/mobile-money-gateway-*.jar | head -n 1)
fi
rm -rf "$out/classes" && javac -d "$out/classes" benchmarks/src/io/mmg/bench/*.java
steps() { java -cp "$out/classes" -Dgateway="$base" io.mmg.bench.BenchmarkSteps "$@" | tee -a "$out/results.log"; }
: > "$out/results.log"; : > "$out/gateway.log"
psql -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"

# --- the gateway ---------------------------------------------------------------------------------------------
gateway_pid=
startup_seconds=
start_gateway() {   # [java options --] [gateway arguments]; sets startup_seconds: launch to the first /api/v1/ping
  local java_options=()
  if [ "${1:-}" = "--java" ]; then java_options=($2); shift 2; fi
  local started=$(date +%s.%N)
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$database" SPRING_DATASOURCE_USERNAME=postgres \
    java ${BENCH_JAVA_OPTS:-} "${java_options[@]}" -jar "$launch_jar" --server.port="$port" \
      --spring.config.additional-location=file:benchmarks/benchmark.yaml "$@" >>"$out/gateway.log" 2>&1 &
  gateway_pid=$!
  until curl -sf "$base/api/v1/ping" >/dev/null; do
    kill -0 "$gateway_pid" 2>/dev/null || { echo "The gateway died; see $out/gateway.log" >&2; exit 1; }
    sleep 0.05
  done
  startup_seconds=$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN {printf "%.1f", a - b}')
}
stop_gateway() { if [ -n "$gateway_pid" ]; then kill "$gateway_pid" 2>/dev/null || true; wait "$gateway_pid" 2>/dev/null || true; fi; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$gateway_pid/status" 2>/dev/null; }
trap stop_gateway EXIT

# --- measurements --------------------------------------------------------------------------------------------
open_payments() { psql -d "$database" -c "SELECT count(*) FROM payment WHERE status IN ('PENDING', 'UNKNOWN')"; }
await_open() {   # at-most timeout: prints the epoch milliseconds at which at most that many payments were open
  local deadline=$(( $(date +%s) + $2 ))
  while [ "$(open_payments)" -gt "$1" ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.1; done
  date +%s%3N
}
ratio() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "?"}'; }
seconds_between() { awk -v a="$2" -v b="$1" 'BEGIN {printf "%.1f", (a - b) / 1000}'; }
value() { grep "^RESULT $1 " "$out/results.log" | tail -n 1 | grep -o " $2=[^ ]*" | cut -d= -f2; }
run_wrk() {   # name connections duration script base-url [wrk args]: one wrk run, its RESULT line kept
  local name=$1 connections=$2 duration=$3 script=$4 url=$5
  local threads=$(( connections < 2 ? 1 : 2 ))
  BENCH_NAME="$name" wrk -t"$threads" -c"$connections" -d"$duration" -s "$script" "$url" | grep '^RESULT' \
    | sed "s/\$/ connections=$connections/" | tee -a "$out/results.log"
}
# The knee: raise the connections (each waits for its answer before sending again) until p99 passes the limit
# or an answer is an error; the knee is the busiest step within the limit, "past" the first step beyond it.
knee() {   # name script url
  local name=$1 script=$2 url=$3 best=0
  for connections in 1 2 4 6 8 10 12 16 20 24 32 48 64; do
    line=$(run_wrk "$name.c$connections" "$connections" "${step}s" "$script" "$url")
    rate=$(grep -o ' rate=[0-9]*' <<<"$line" | cut -d= -f2)
    p99=$(grep -o ' p99=[0-9.]*' <<<"$line" | cut -d= -f2)
    errors=$(grep -o ' errors=[0-9]*' <<<"$line" | cut -d= -f2)
    if [ "$errors" -gt 0 ] || awk -v p="$p99" -v l="$p99_limit_ms" 'BEGIN {exit !(p > l)}'; then
      echo "RESULT past.$name ${line#RESULT * }" >> "$out/results.log"
      break
    fi
    if [ "$rate" -gt "$best" ]; then best=$rate; echo "RESULT knee.$name ${line#RESULT * }" >> "$out/results.log"; fi
  done
}

median_start() {   # [start_gateway arguments]: the median of three starts (stopped after), in seconds
  local times=()
  for _ in 1 2 3; do start_gateway "$@"; times+=("$startup_seconds"); stop_gateway; done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

launch_jar=$jar
psql -d postgres -c "CHECKPOINT"; sleep 2   # the dropped database's files are gone before anything is timed
start_gateway                                    # an empty database: Flyway migrates
first_start=$startup_seconds
stop_gateway
plain_start=$(median_start)                      # java -jar on the packaged jar

# The jar extracted (Spring Boot's tools mode), then with a class data sharing archive (docs/benchmarks.md): a
# training run writes it, then a start reads it. The Docker image starts the second way.
rm -rf "$out/cds" && java -Djarmode=tools -jar "$jar" extract --destination "$out/cds" >/dev/null
launch_jar=$out/cds/$(basename "$jar")
extracted_start=$(median_start)
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$database" SPRING_DATASOURCE_USERNAME=postgres \
  java -XX:ArchiveClassesAtExit="$out/cds/gateway.jsa" -Dspring.context.exit=onRefresh -jar "$launch_jar" \
    --server.port="$port" --spring.config.additional-location=file:benchmarks/benchmark.yaml >>"$out/gateway.log" 2>&1
cds_start=$(median_start --java "-XX:SharedArchiveFile=$out/cds/gateway.jsa")
start_gateway --java "-XX:SharedArchiveFile=$out/cds/gateway.jsa"
# Every later start uses the archive too, as the Docker image does.
sleep 5
idle_rss=$(rss_mb)

( peak=0; while kill -0 "$gateway_pid" 2>/dev/null; do
    now=$(rss_mb); [ "${now:-0}" -gt "$peak" ] && peak=$now && echo "$peak" > "$out/peak-rss"; sleep 0.5
  done ) &
sampler=$!

echo "Warming up (${warmup}s of collections, then the simulator and the health endpoint)"
run_wrk warmup.collections 12 "${warmup}s" benchmarks/wrk/collections.lua "$base" >/dev/null
# The token is not written to results.log (steps keeps everything it prints there).
export BENCH_MTN_TOKEN=$(java -cp "$out/classes" -Dgateway="$base" io.mmg.bench.BenchmarkSteps mtn-token | tail -n 1)
run_wrk warmup.simulator 8 10s benchmarks/wrk/simulator.lua "$base" >/dev/null
run_wrk warmup.health 8 10s benchmarks/wrk/report.lua "$base/api/v1/ping" >/dev/null

knee collections benchmarks/wrk/collections.lua "$base"
knee simulator benchmarks/wrk/simulator.lua "$base"
knee health benchmarks/wrk/report.lua "$base/api/v1/ping"

# Callbacks: wrk sends held-back callbacks, each once, for a fixed time (the file holds more than it can send);
# the payments left open are then settled by the poller before the poller is measured.
callbacks=${BENCH_CALLBACKS:-30000}
steps callbacks-file "$callbacks" "$out/callbacks.tsv"
BENCH_CALLBACKS="$out/callbacks.tsv" BENCH_THREADS=2 run_wrk callbacks 16 "${step}s" benchmarks/wrk/callbacks.lua "$base" >/dev/null
[ "$(value callbacks requests)" -lt "$callbacks" ] || echo "The callbacks ran out: raise BENCH_CALLBACKS" >&2
psql -d "$database" -c "UPDATE payment SET next_poll_at = now() WHERE status IN ('PENDING', 'UNKNOWN')"
await_open 0 300 >/dev/null

# The poller: payments whose callbacks never came, all due at once; timed from that moment to the last resolved.
already_open=$(open_payments)
steps pending "$pending"
due_ms=$(date +%s%3N)
psql -d "$database" -c "UPDATE payment SET next_poll_at = now() WHERE status IN ('PENDING', 'UNKNOWN')"
poller_seconds=$(seconds_between "$due_ms" "$(await_open "$already_open" 300)")
poller_left=$(( $(open_payments) - already_open ))

kill "$sampler" 2>/dev/null || true
peak_rss=$(cat "$out/peak-rss" 2>/dev/null || echo "?")

# The provider rate limit: the gateway paces MTN status queries to 40/s, the simulator refuses more than 50/s.
stop_gateway
start_gateway --java "-XX:SharedArchiveFile=$out/cds/gateway.jsa" --gateway.mtn.status-queries-per-second=40
already_open=$(open_payments)
steps pending "$limited"
steps simulator-settings '{"settings":{"status-rate-limit":50}}'
due_ms=$(date +%s%3N)
psql -d "$database" -c "UPDATE payment SET next_poll_at = now() WHERE status IN ('PENDING', 'UNKNOWN')"
limited_seconds=$(seconds_between "$due_ms" "$(await_open "$already_open" 300)")
steps status-queries

# A payout file of batch_rows rows dropped in the inbox: checked and stored (streamed), then paid.
stop_gateway
start_gateway --java "-XX:SharedArchiveFile=$out/cds/gateway.jsa" --gateway.batches.rate-per-second=5000 --gateway.batches.threads=16 --gateway.batches.inbox-poll-ms=250
client=$(psql -d "$database" -c "SELECT client_id FROM api_key WHERE key_prefix = 'sk_sandbox_d' LIMIT 1")
inbox=.gateway-data/batches/inbox/$client
mkdir -p "$inbox"
awk -v rows="$batch_rows" -v start="$RANDOM$RANDOM" 'BEGIN {
  print "external_id,phone_number,amount,currency,provider,narration"
  for (i = 1; i <= rows; i++) printf "BENCH-%s-%d,2567%08d,1000,UGX,,Benchmark\n", start, i, (start * 7 + i) % 100000000
}' > "$out/payouts.part"
mv "$out/payouts.part" "$inbox/bench-payouts.csv"
steps await-batch bench-payouts.csv 1200
batch_peak_rss=$(rss_mb)

# --- the table -----------------------------------------------------------------------------------------------
row() {   # label, result name
  if ! grep -q "^RESULT $2 " "$out/results.log"; then printf '| %s | none | | | | |\n' "$1"; return; fi
  printf '| %s | %s/s | %s ms | %s ms | %s | %s |\n' "$1" "$(value "$2" rate)" "$(value "$2" p50)" "$(value "$2" p99)" \
    "$(value "$2" errors)" "$(value "$2" connections)"
}
{
  echo
  echo "Benchmark, $(date -u +%Y-%m-%d), $(nproc) cores: gateway, PostgreSQL $(psql -d postgres -c 'SHOW server_version' | cut -d' ' -f1), simulators and wrk on one machine"
  echo
  echo "| measurement | rate | p50 | p99 | errors | connections |"
  echo "|---|---|---|---|---|---|"
  row "bare health endpoint (GET /api/v1/ping), knee" knee.health
  row "MTN simulator direct (POST requesttopay, no callback), knee" knee.simulator
  row "collection initiation (POST /api/v1/collections), knee" knee.collections
  row "collection initiation, first step past the knee" past.collections
  row "MTN callbacks ingested (PUT of the simulator's status body)" callbacks
  echo
  echo "| measurement | value |"
  echo "|---|---|"
  echo "| collection initiation / direct simulator | $(ratio "$(value knee.collections rate)" "$(value knee.simulator rate)") |"
  echo "| collection initiation / health endpoint | $(ratio "$(value knee.collections rate)" "$(value knee.health rate)") |"
  echo "| $pending pending payments made due at once, resolved by the poller | $poller_seconds s ($poller_left left) |"
  queries=$(value status-queries count)
  echo "| status queries at \`status-queries-per-second=40\` (simulator refuses above 50/s) | $(ratio "$limited" "$limited_seconds")/s over $limited payments; $((queries - limited)) refused and asked again |"
  echo "| payout file of $(value batch rows) rows: checked and stored | $(value batch imported) s ($(ratio "$(value batch rows)" "$(value batch imported)") rows/s) |"
  echo "| the same file paid ($(value batch successful) successful) | $(value batch completed) s ($(ratio "$(value batch rows)" "$(value batch completed)") rows/s); peak heap $(value batch peakHeapMb) MB |"
  echo "| start-up, empty database (migrations) | $first_start s |"
  echo "| start-up, existing database (median of 3) | $plain_start s |"
  echo "| start-up, existing database, jar extracted (median of 3) | $extracted_start s |"
  echo "| start-up, existing database, jar extracted, class data sharing archive (median of 3) | $cds_start s |"
  echo "| resident memory: idle / peak under load / after the payout file | $idle_rss MB / $peak_rss MB / $batch_peak_rss MB |"
} | tee "$out/table.md"
