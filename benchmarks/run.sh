#!/usr/bin/env bash
# Benchmarks of the hot paths (not part of ./mvnw verify; see docs/benchmarks.md).
# Starts the gateway jar on PostgreSQL with the simulators answering at once, drives load from a separate
# process (benchmarks/src, JDK only) on 127.0.0.1, and prints a table. Bounded: every step has a fixed
# request count, the whole run takes about 10 minutes.
#   benchmarks/run.sh            BENCH_STEP_SECONDS=10 BENCH_PENDING=10000 BENCH_PORT=18080
set -euo pipefail
cd "$(dirname "$0")/.."

port=${BENCH_PORT:-18080}
step_seconds=${BENCH_STEP_SECONDS:-10}
pending=${BENCH_PENDING:-10000}
database=${BENCH_DATABASE:-gateway_bench}
out=target/bench
mkdir -p "$out"
base="http://127.0.0.1:$port"

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q; }
if ! pg_up && command -v pg_ctlcluster >/dev/null 2>&1; then
  for version in $(ls /etc/postgresql); do pg_ctlcluster --skip-systemctl-redirect "$version" main start || true; done
  for _ in $(seq 1 20); do pg_up && break; sleep 0.5; done
fi
pg_up || { echo "The benchmark needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth)"; exit 1; }
psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

jar=$(ls target/mobile-money-gateway-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/mobile-money-gateway-*.jar | head -n 1)
fi
javac -d "$out/classes" benchmarks/src/io/mmg/bench/*.java
load() { java -cp "$out/classes" -Dgateway="$base" io.mmg.bench.LoadGenerator "$@" | tee -a "$out/load.log"; }

psql -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
: > "$out/load.log"

gateway_pid=
startup_seconds=
start_gateway() {   # sets startup_seconds: from launch to the first answer of /api/v1/ping
  local started=$(date +%s.%N)
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$database" SPRING_DATASOURCE_USERNAME=postgres \
    java ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" \
      --spring.config.additional-location=file:benchmarks/benchmark.yaml "$@" >>"$out/gateway.log" 2>&1 &
  gateway_pid=$!
  until curl -sf "$base/api/v1/ping" >/dev/null; do
    kill -0 "$gateway_pid" 2>/dev/null || { echo "The gateway died; see $out/gateway.log" >&2; exit 1; }
    sleep 0.05
  done
  startup_seconds=$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN {printf "%.1f", a - b}')
}
stop_gateway() { kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null || true; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$gateway_pid/status"; }
trap stop_gateway EXIT

: > "$out/gateway.log"
start_gateway                      # empty database: Flyway migrates
first_start=$startup_seconds
stop_gateway
start_gateway                      # the start-up a deployment sees
restart=$startup_seconds
sleep 5
idle_rss=$(rss_mb)

# Peak resident memory while load runs.
( peak=0; while kill -0 "$gateway_pid" 2>/dev/null; do
    now=$(rss_mb 2>/dev/null); [ "${now:-0}" -gt "$peak" ] && peak=$now && echo "$peak" > "$out/peak-rss"; sleep 0.5
  done ) &
sampler=$!

load knee health 1000,2000,3000,4000,6000,8000 "$step_seconds" 50
load knee simulator 500,1000,1500,2000,3000,4000,5000 "$step_seconds" 50
load knee collections 250,500,750,1000,1250,1500,2000,2500 "$step_seconds" 50
load callbacks 5000 16

load pending "$pending"
psql -d "$database" -c "UPDATE payment SET next_poll_at = now() WHERE status IN ('PENDING', 'UNKNOWN')"
load await-resolved 120

kill "$sampler" 2>/dev/null || true
peak_rss=$(cat "$out/peak-rss" 2>/dev/null || echo "?")

# The provider rate limit: the gateway paces MTN status queries to 40/s, the simulator refuses more than 50/s.
stop_gateway
start_gateway --gateway.mtn.status-queries-per-second=40
limited=${BENCH_LIMITED:-1000}
load pending "$limited"
load simulator-settings '{"settings":{"status-rate-limit":50}}'
psql -d "$database" -c "UPDATE payment SET next_poll_at = now() WHERE status IN ('PENDING', 'UNKNOWN')"
load await-resolved 120 limited
load status-queries

value() { grep "^RESULT $1 " "$out/load.log" | tail -n 1 | grep -o "$2=[^ ]*" | cut -d= -f2; }
row() {   # name, result key
  if grep -q "^RESULT $2 none" "$out/load.log"; then printf '| %s | none passed | | | |\n' "$1"; return; fi
  printf '| %s | %s/s | %s ms | %s ms | %s |\n' "$1" "$(value "$2" rate)" "$(value "$2" p50)" "$(value "$2" p99)" "$(value "$2" errors)"
}
ratio() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "?"}'; }
gateway_rate=$(value knee.collections rate); simulator_rate=$(value knee.simulator rate); health_rate=$(value knee.health rate)
{
  echo
  echo "Benchmark on $(nproc) cores, $(date -u +%Y-%m-%d), gateway, PostgreSQL, simulator and load generator on one machine"
  echo
  echo "| measurement | rate | p50 | p99 | errors |"
  echo "|---|---|---|---|---|"
  row "bare health endpoint (GET /api/v1/ping), knee" knee.health
  row "MTN simulator direct (POST requesttopay), knee" knee.simulator
  row "collection initiation (POST /api/v1/collections), knee" knee.collections
  row "collection initiation, first step past the knee" beyond.collections
  row "MTN callbacks ingested (16 senders)" callbacks
  echo
  echo "| measurement | value |"
  echo "|---|---|"
  echo "| gateway / direct simulator | $(ratio "$gateway_rate" "$simulator_rate") |"
  echo "| gateway / health endpoint | $(ratio "$gateway_rate" "$health_rate") |"
  echo "| $(value resolved initial) pending payments resolved by the poller | $(value resolved seconds) s ($(value resolved left) left) |"
  queries=$(value status-queries count); initial=$(value limited initial)
  echo "| status queries with gateway.mtn.status-queries-per-second=40 (simulator refuses above 50/s) | $(ratio "$initial" "$(value limited seconds)")/s over $initial payments, $((queries - initial)) refused and asked again |"
  echo "| start-up, empty database (migrations) | $first_start s |"
  echo "| start-up, existing database | $restart s |"
  echo "| resident memory idle / peak under load | $idle_rss MB / $peak_rss MB |"
} | tee "$out/table.md"
