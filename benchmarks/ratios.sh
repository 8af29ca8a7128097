#!/usr/bin/env bash
# The gateway against its floor (docs/benchmarks.md "The gateway against its floor"), in one run.
#
# The floor (benchmarks/src/io/mmg/bench/Floor.java) does a collection's durable work with no framework. It and the
# gateway both send to one MTN simulator in its own process (the jar's simulators profile, answering at once), on
# one PostgreSQL, and every load step runs them one after the other, so every figure is a ratio from this run.
#
#   benchmarks/ratios.sh                                   # about 12 minutes
#   BENCH_STEP_SECONDS=20 BENCH_WARMUP_SECONDS=120 BENCH_RSS_SECONDS=300 BENCH_BATCH_ROWS=100000 benchmarks/ratios.sh
#   BENCH_COMPARE_JAR=../old/target/mobile-money-gateway-0.1.0-SNAPSHOT.jar benchmarks/ratios.sh   # a second gateway
#                                                          # (another build) measured in the same steps
# Also: BENCH_JAR (the jar measured; default target/, built if older than src), BENCH_BATCH_BEFORE_JAR (another build
# pays the same payout file after), BENCH_STARTS (3), BENCH_SINGLE_SECONDS (15), BENCH_CALLBACKS (20000),
# BENCH_PORT (18080, uses 4 ports), BENCH_DATABASE, BENCH_COMPARE_DATABASE, BENCH_BATCH_DIR, BENCH_OUT, BENCH_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${BENCH_PORT:-18080}            # the gateway; +1 the simulators, +2 the floor, +3 the compared gateway
step=${BENCH_STEP_SECONDS:-6}
warmup=${BENCH_WARMUP_SECONDS:-60}
single=${BENCH_SINGLE_SECONDS:-15}   # one request at a time
rss_seconds=${BENCH_RSS_SECONDS:-60}
batch_rows=${BENCH_BATCH_ROWS:-10000}
callbacks=${BENCH_CALLBACKS:-20000}
database=${BENCH_DATABASE:-gateway_bench}
compare_jar=${BENCH_COMPARE_JAR:-}
batch_dir=${BENCH_BATCH_DIR:-.gateway-data/batches}
compare_database=${BENCH_COMPARE_DATABASE:-${database}_compare}
p99_limit_ms=50
out=${BENCH_OUT:-target/bench-ratios}
base="http://127.0.0.1:$port"
simulators="http://127.0.0.1:$((port + 1))"
floor="http://127.0.0.1:$((port + 2))"
compare="http://127.0.0.1:$((port + 3))"
admin_key=sk_admin_benchmark_key_0123456789abcdef
mkdir -p "$out"

psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "The benchmark needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth)"; exit 1; }
command -v wrk >/dev/null || { echo "Install wrk (apt-get install wrk)"; exit 1; }

jar=${BENCH_JAR:-$(ls target/mobile-money-gateway-*.jar 2>/dev/null | head -n 1 || true)}   # BENCH_JAR: another build
if [ -z "${BENCH_JAR:-}" ] && { [ -z "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; } || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/mobile-money-gateway-*.jar | head -n 1)
fi
echo "Measuring $jar${compare_jar:+ and $compare_jar}"
# The floor's only library is the PostgreSQL driver the gateway ships with.
rm -rf "$out/classes" "$out/lib" && mkdir -p "$out/lib"
unzip -q -j -o "$jar" 'BOOT-INF/lib/postgresql-*.jar' -d "$out/lib"
javac -d "$out/classes" benchmarks/src/io/mmg/bench/*.java
steps() { java -cp "$out/classes" -Dgateway="$base" -Dsimulator="$simulators" io.mmg.bench.BenchmarkSteps "$@" | tee -a "$out/results.log"; }
: > "$out/results.log"
for db in "$database" ${compare_jar:+"$compare_database"}; do
  psql -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
done

# --- processes ---------------------------------------------------------------------------------------------------
pids=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_all EXIT
await_up() {   # url pid: until the url answers
  local started=$(date +%s.%N)
  until curl -sf "$1" >/dev/null; do
    kill -0 "$2" 2>/dev/null || { echo "A process died; see $out/*.log" >&2; exit 1; }
    sleep 0.05
  done
  awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN {printf "%.1f", a - b}'
}
seconds_since() { awk -v a="$(date +%s.%N)" -v b="$1" 'BEGIN {printf "%.1f", a - b}'; }
launch_gateway() {   # jar port database log [arguments]: starts a gateway, sets launched_pid
  local jar=$1 port=$2 db=$3 log=$4; shift 4
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME=postgres \
    GATEWAY_ADMIN_API_KEY=$admin_key GATEWAY_MTN_BASE_URL="$simulators/sandbox/mtn" \
    GATEWAY_MPESA_BASE_URL="$simulators/sandbox/mpesa" \
    java ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --gateway.public-url="http://localhost:$port" \
      --spring.config.additional-location=file:benchmarks/benchmark.yaml "$@" >>"$log" 2>&1 &
  launched_pid=$!
}
start_gateway() {   # [arguments]: the gateway under test; sets gateway_pid and startup_seconds (launch to first ping)
  local started=$(date +%s.%N)
  launch_gateway "$jar" "$port" "$database" "$out/gateway.log" "$@"
  gateway_pid=$launched_pid; pids+=("$gateway_pid")
  await_up "$base/api/v1/ping" "$gateway_pid" >/dev/null
  startup_seconds=$(seconds_since "$started")
}
stop_gateway() { kill "$gateway_pid" 2>/dev/null || true; wait "$gateway_pid" 2>/dev/null || true; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) * 1000 / hz}' "/proc/$1/stat" 2>/dev/null; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null; }

java -jar "$jar" --spring.profiles.active=simulators --server.port=$((port + 1)) --logging.level.root=WARN \
  --gateway.sandbox.mtn.callback-delay=0ms --gateway.sandbox.mtn.max-transactions=50000 >"$out/simulators.log" 2>&1 &
simulators_pid=$!; pids+=("$simulators_pid")
await_up "$simulators/sandbox/control/mtn/stats" "$simulators_pid" >/dev/null

# --- start-up: an empty database (Flyway migrates), then java -jar on the existing one (median of 3) ----------------
: > "$out/gateway.log"
start_gateway; first_start=$startup_seconds; stop_gateway
starts=()
for _ in $(seq 1 "${BENCH_STARTS:-3}"); do start_gateway; starts+=("$startup_seconds"); stop_gateway; done
plain_start=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n "$(( (${#starts[@]} + 1) / 2 ))p")

start_gateway
java -cp "$out/classes:$out/lib/*" io.mmg.bench.Floor $((port + 2)) "jdbc:postgresql://127.0.0.1:5432/$database" \
  "$simulators/sandbox/mtn" >"$out/floor.log" 2>&1 &
floor_pid=$!; pids+=("$floor_pid")
await_up "$floor/ping" "$floor_pid" >/dev/null
targets=(gateway floor)
declare -A url=([gateway]=$base [floor]=$floor) pid=([gateway]=$gateway_pid [floor]=$floor_pid)
if [ -n "$compare_jar" ]; then
  launch_gateway "$compare_jar" $((port + 3)) "$compare_database" "$out/compare.log"
  compare_pid=$launched_pid; pids+=("$compare_pid")
  await_up "$compare/api/v1/ping" "$compare_pid" >/dev/null
  targets+=(compare); url[compare]=$compare; pid[compare]=$compare_pid
fi

# --- load ------------------------------------------------------------------------------------------------------------
value() { { grep "^RESULT $1 " "$out/results.log" || true; } | tail -n 1 | { grep -o " $2=[^ ]*" || true; } | cut -d= -f2; }
ratio() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "?"}'; }
minus() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN {printf "%+.1f", a - b}'; }
run_wrk() {   # name connections duration script url: one wrk run, its RESULT line kept
  local name=$1 connections=$2 duration=$3 script=$4 target=$5
  local threads=$(( connections < 2 ? 1 : 2 ))
  BENCH_NAME="$name" wrk -t"$threads" -c"$connections" -d"$duration" -s "$script" "$target" | grep '^RESULT' \
    | sed "s/\$/ connections=$connections/" | tee -a "$out/results.log"
}
field() { grep -o " $2=[0-9.]*" <<<"$1" | head -n 1 | cut -d= -f2; }

echo "Warming up: ${warmup}s of collections on each"
for target in "${targets[@]}"; do run_wrk "warmup.$target" 8 "${warmup}s" benchmarks/wrk/collections.lua "${url[$target]}" >/dev/null; done

# The knee of each, side by side: at every step each target in turn, until its p99 passes the limit or an answer fails.
declare -A done_with=() best=()
for target in "${targets[@]}"; do best[$target]=0; done
for connections in 1 2 4 6 8 12 16 24 32 48 64; do
  for target in "${targets[@]}"; do
    [ -n "${done_with[$target]:-}" ] && continue
    cpu_before=$(cpu_ms "${pid[$target]}")
    line=$(run_wrk "collections.$target.c$connections" "$connections" "${step}s" benchmarks/wrk/collections.lua "${url[$target]}")
    # The process's own CPU time per request (user + system): what a collection costs it, whatever the machine's load.
    line="$line cpu_ms=$(awk -v a="$(cpu_ms "${pid[$target]}")" -v b="$cpu_before" -v n="$(field "$line" requests)" \
      'BEGIN {if (n > 0) printf "%.2f", (a - b) / n; else print 0}')"
    if [ "$(field "$line" errors)" -gt 0 ] || awk -v p="$(field "$line" p99)" -v l=$p99_limit_ms 'BEGIN {exit !(p > l)}'; then
      echo "RESULT past.$target ${line#RESULT * }" >> "$out/results.log"; done_with[$target]=1
    elif [ "$(field "$line" rate)" -gt "${best[$target]}" ]; then
      best[$target]=$(field "$line" rate); echo "RESULT knee.$target ${line#RESULT * }" >> "$out/results.log"
    fi
  done
  [ "${#done_with[@]}" -eq "${#targets[@]}" ] && break
done

# One request at a time (the simulator answers at once): what the gateway adds to each request.
for target in "${targets[@]}"; do run_wrk "single.$target" 1 "${single}s" benchmarks/wrk/collections.lua "${url[$target]}" >/dev/null; done
if [ -n "$compare_jar" ]; then kill "$compare_pid" 2>/dev/null || true; fi   # the rest measures this gateway only

# The per-client rate-limit check (README "Rate limits"): the sandbox merchant limited (limits too high to refuse) against
# unlimited, alternately, twice each, at the gateway's knee.
knee_connections=$(value knee.gateway connections || true); knee_connections=${knee_connections:-1}
client=$(psql -d "$database" -c "SELECT client_id FROM api_key WHERE key_prefix = 'sk_sandbox_d' LIMIT 1")
limits() {
  curl -sf -X PUT "$base/api/v1/admin/clients/$client/settings" -H "Authorization: Bearer $admin_key" \
    -H 'Content-Type: application/json' -d "$1" >/dev/null
}
for round in 1 2; do
  limits '{"initiationsPerMinute":0,"readsPerMinute":0}'
  run_wrk "limits-off.$round" "$knee_connections" "${step}s" benchmarks/wrk/collections.lua "$base" >/dev/null
  limits '{"initiationsPerMinute":100000000,"readsPerMinute":100000000}'
  run_wrk "limits-on.$round" "$knee_connections" "${step}s" benchmarks/wrk/collections.lua "$base" >/dev/null
done
limits '{"initiationsPerMinute":0,"readsPerMinute":0}'
mean_of() { awk '{s += $1} END {if (NR) printf "%.2f", s / NR}'; }
limits_p50() { for round in 1 2; do value "limits-$1.$round" p50; done | mean_of; }
limits_rate() { for round in 1 2; do value "limits-$1.$round" rate; done | mean_of; }

# Callbacks: the gateway's held-back MTN callbacks against the floor's conditional update of as many rows.
steps callbacks-file "$callbacks" "$out/callbacks.tsv" >/dev/null
psql -d "$database" -c "INSERT INTO floor_payment (id, client_id, status, amount, currency, phone_number)
  SELECT gen_random_uuid(), 'bench', 'PENDING', 1000, 'EUR', '256700000000' FROM generate_series(1, $((callbacks * 10)))"   # the floor takes them faster
floor_body='{"financialTransactionId":"1","amount":"1000","currency":"EUR","payer":{"partyIdType":"MSISDN","partyId":"256700000000"},"status":"SUCCESSFUL"}'   # one line: wrk reads a callback per line
psql -d "$database" -c "SELECT '/callback/' || id || E'\t' || '$floor_body'
  FROM floor_payment WHERE status = 'PENDING'" > "$out/floor-callbacks.tsv"
BENCH_CALLBACKS="$out/callbacks.tsv" BENCH_THREADS=2 run_wrk callbacks.gateway 16 "${step}s" benchmarks/wrk/callbacks.lua "$base" >/dev/null
BENCH_CALLBACKS="$out/floor-callbacks.tsv" BENCH_THREADS=2 run_wrk callbacks.floor 16 "${step}s" benchmarks/wrk/callbacks.lua "$floor" >/dev/null

# Resident memory after a while at the knee.
run_wrk rss.gateway "$knee_connections" "${rss_seconds}s" benchmarks/wrk/collections.lua "$base" >/dev/null
rss_gateway=$(rss_mb "$gateway_pid"); rss_floor=$(rss_mb "$floor_pid")

# Bulk payouts, the batch pace off (5,000/s on 16 threads): a file of batch_rows rows dropped in the inbox.
stop_gateway
start_gateway --gateway.batches.rate-per-second=5000 --gateway.batches.threads=16 --gateway.batches.inbox-poll-ms=250 --gateway.batches.dir="$batch_dir"
inbox=$batch_dir/inbox/$client
mkdir -p "$inbox"
pay_file() {   # name: a file of batch_rows rows dropped in the inbox, awaited until every row is paid
  awk -v rows="$batch_rows" -v start="$RANDOM$RANDOM" 'BEGIN {
    print "external_id,phone_number,amount,currency,provider,narration"
    for (i = 1; i <= rows; i++) printf "RATIO-%s-%d,2567%08d,1000,UGX,,Benchmark\n", start, i, (start * 7 + i) % 100000000
  }' > "$out/payouts.part"
  mv "$out/payouts.part" "$inbox/$1.csv"
  steps await-batch "$1.csv" 1200 >/dev/null
}
pay_file ratio-payouts
batch_rate=$(ratio "$(value batch rows)" "$(value batch completed)")
batch_rss=$(rss_mb "$gateway_pid"); batch_heap=$(value batch peakHeapMb)
# BENCH_BATCH_BEFORE_JAR: another build (same migrations) pays a file of the same size on the same database, after.
if [ -n "${BENCH_BATCH_BEFORE_JAR:-}" ]; then
  stop_gateway
  saved_jar=$jar; jar=$BENCH_BATCH_BEFORE_JAR
  start_gateway --gateway.batches.rate-per-second=5000 --gateway.batches.threads=16 --gateway.batches.inbox-poll-ms=250 --gateway.batches.dir="$batch_dir"
  jar=$saved_jar
  pay_file ratio-payouts-before
  before_batch_rate=$(ratio "$(value batch rows)" "$(value batch completed)")
fi

# --- the table -------------------------------------------------------------------------------------------------------
knee_row() {   # label name
  grep -q "^RESULT $2 " "$out/results.log" || { printf '| %s | none | | | | |\n' "$1"; return; }
  printf '| %s | %s/s | %s ms | %s ms | %s | %s |\n' "$1" "$(value "$2" rate)" "$(value "$2" p50)" "$(value "$2" p99)" \
    "$(value "$2" connections)" "$(value "$2" cpu_ms)"
}
{
  echo
  echo "Gateway against its floor, $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| measurement | rate | p50 | p99 | connections | CPU ms per request |"
  echo "|---|---|---|---|---|---|"
  for target in "${targets[@]}"; do
    knee_row "$target: collections, knee (p99 < ${p99_limit_ms} ms, no errors)" "knee.$target"
    knee_row "$target: first step past the knee" "past.$target"
    knee_row "$target: one request at a time" "single.$target"
  done
  knee_row "gateway: callbacks ingested" callbacks.gateway
  knee_row "floor: callbacks (one conditional update)" callbacks.floor
  for round in 1 2; do
    knee_row "gateway: rate limits off, round $round" "limits-off.$round"
    knee_row "gateway: rate limits on, round $round" "limits-on.$round"
  done
  echo
  echo "| ratio | goal | measured |"
  echo "|---|---|---|"
  echo "| collection knee / floor knee | ≥ 0.7 | $(ratio "$(value knee.gateway rate)" "$(value knee.floor rate)") |"
  # Where the machine is too busy for any step within the p99 limit, the rates at the same load still compare.
  same_steps=$(for c in 1 2 4 6 8 12 16 24 32 48 64; do
    g=$(value "collections.gateway.c$c" rate); f=$(value "collections.floor.c$c" rate)
    if [ -n "$g" ] && [ -n "$f" ]; then printf '%s conn. %s, ' "$c" "$(ratio "$g" "$f")"; fi; done)
  echo "| collection rate / floor rate at the same connections | | ${same_steps%, } |"
  cpu_of() { local v; v=$(value "knee.$1" cpu_ms); [ -n "$v" ] || v=$(value "past.$1" cpu_ms); echo "$v"; }
  echo "| CPU per collection at the knee (or the first step past it), gateway / floor | | $(ratio "$(cpu_of gateway)" "$(cpu_of floor)") ($(cpu_of gateway) / $(cpu_of floor) ms) |"
  echo "| one at a time: gateway p50 − floor p50 | ≤ 5 ms | $(minus "$(value single.gateway p50)" "$(value single.floor p50)") ms |"
  echo "| one at a time: gateway p99 − floor p99 | ≤ 15 ms | $(minus "$(value single.gateway p99)" "$(value single.floor p99)") ms |"
  ran_out=
  [ "$(value callbacks.gateway requests)" -gt "$callbacks" ] && ran_out=" (the gateway's callbacks ran out: raise BENCH_CALLBACKS)"
  [ "$(value callbacks.floor requests)" -gt $((callbacks * 10)) ] && ran_out=" (the floor's callbacks ran out: raise BENCH_CALLBACKS)"
  echo "| callbacks / floor callbacks | ≥ 0.7 | $(ratio "$(value callbacks.gateway rate)" "$(value callbacks.floor rate)")$ran_out |"
  echo "| bulk payouts / collection knee | ≥ 0.8 | $(ratio "$batch_rate" "$(value knee.gateway rate)") ($batch_rate rows/s, $(value batch rows) rows, peak heap $batch_heap MB, RSS after $batch_rss MB) |"
  echo "| start-up, java -jar on an existing database (median of ${#starts[@]}) | < 6 s | $plain_start s (${starts[*]}; empty database $first_start s) |"
  echo "| resident memory after ${rss_seconds} s at the knee | ≤ 512 MB | $rss_gateway MB (floor $rss_floor MB) |"
  echo "| rate-limit check: p50 on − off (mean of 2 each) | ≤ 1 ms | $(minus "$(limits_p50 on)" "$(limits_p50 off)") ms (rate $(limits_rate on)/s on, $(limits_rate off)/s off) |"
  if [ -n "${before_batch_rate:-}" ]; then
    echo "| bulk payouts, $BENCH_BATCH_BEFORE_JAR (after this one, same database) / this one | | $(ratio "$before_batch_rate" "$batch_rate") ($before_batch_rate rows/s) |"
  fi
  if [ -n "$compare_jar" ]; then
    echo "| compared gateway knee / this gateway knee | | $(ratio "$(value knee.compare rate)" "$(value knee.gateway rate)") |"
    echo "| compared gateway one at a time: p50 − this p50 | | $(minus "$(value single.compare p50)" "$(value single.gateway p50)") ms |"
  fi
} | tee "$out/table.md"
