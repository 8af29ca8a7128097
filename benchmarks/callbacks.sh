#!/usr/bin/env bash
# The callback step of benchmarks/ratios.sh on its own, with the process's CPU time per callback and the statements
# PostgreSQL ran per callback (docs/benchmarks.md "The gateway against its floor", callbacks):
#
#   benchmarks/callbacks.sh                                   # target/'s jar; about 3 minutes
#   BENCH_JAR=../old/target/mobile-money-gateway-0.1.0-SNAPSHOT.jar benchmarks/callbacks.sh   # another build
#
# BENCH_CALLBACKS (20000) callbacks are held back by the simulator, half of them sent first to warm the callback path
# up, the other half measured; then the floor's one conditional update per callback (benchmarks/src/io/mmg/bench/Floor.java).
# Also: BENCH_STEP_SECONDS (6), BENCH_WARMUP_SECONDS (20, collections), BENCH_PORT (18080, uses 3 ports),
# BENCH_DATABASE (gateway_bench_callbacks), BENCH_OUT, BENCH_JAVA_OPTS, BENCH_PROFILER (the path of async-profiler's
# libasyncProfiler.so, e.g. from Maven Central's tools.profiler:async-profiler: the gateway's CPU while it takes the
# measured callbacks, as collapsed stacks in $BENCH_OUT/callbacks.collapsed).
set -euo pipefail
cd "$(dirname "$0")/.."

port=${BENCH_PORT:-18080}
step=${BENCH_STEP_SECONDS:-6}
warmup=${BENCH_WARMUP_SECONDS:-20}
callbacks=${BENCH_CALLBACKS:-20000}
database=${BENCH_DATABASE:-gateway_bench_callbacks}
out=${BENCH_OUT:-target/bench-callbacks}
base="http://127.0.0.1:$port"
simulators="http://127.0.0.1:$((port + 1))"
floor="http://127.0.0.1:$((port + 2))"
mkdir -p "$out"

psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
jar=${BENCH_JAR:-$(ls target/mobile-money-gateway-*.jar | head -n 1)}
echo "Measuring $jar"
rm -rf "$out/classes" "$out/lib" && mkdir -p "$out/lib"
unzip -q -j -o "$jar" 'BOOT-INF/lib/postgresql-*.jar' -d "$out/lib"
javac -d "$out/classes" benchmarks/src/io/mmg/bench/*.java
steps() { java -cp "$out/classes" -Dgateway="$base" -Dsimulator="$simulators" io.mmg.bench.BenchmarkSteps "$@" | tee -a "$out/results.log"; }
: > "$out/results.log"
psql -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"

pids=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_all EXIT
await_up() { until curl -sf "$1" >/dev/null; do kill -0 "$2" 2>/dev/null || { echo "A process died; see $out/*.log" >&2; exit 1; }; sleep 0.1; done; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }
# Statements PostgreSQL ran in the benchmark database (transactions: each sql step is one, autocommit).
xacts() { psql -d postgres -c "SELECT pg_stat_clear_snapshot(); SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$database'" | tail -n 1; }

java -jar "$jar" --spring.profiles.active=simulators --server.port=$((port + 1)) --logging.level.root=WARN \
  --gateway.sandbox.mtn.callback-delay=0ms --gateway.sandbox.mtn.max-transactions=50000 >"$out/simulators.log" 2>&1 &
simulators_pid=$!; pids+=("$simulators_pid")
await_up "$simulators/sandbox/control/mtn/stats" "$simulators_pid"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$database" SPRING_DATASOURCE_USERNAME=postgres \
  GATEWAY_ADMIN_API_KEY=sk_admin_benchmark_key_0123456789abcdef GATEWAY_MTN_BASE_URL="$simulators/sandbox/mtn" \
  GATEWAY_MPESA_BASE_URL="$simulators/sandbox/mpesa" \
  java ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --gateway.public-url="http://localhost:$port" \
    --spring.config.additional-location=file:benchmarks/benchmark.yaml >"$out/gateway.log" 2>&1 &
gateway_pid=$!; pids+=("$gateway_pid")
await_up "$base/api/v1/ping" "$gateway_pid"
java -cp "$out/classes:$out/lib/*" io.mmg.bench.Floor $((port + 2)) "jdbc:postgresql://127.0.0.1:5432/$database" \
  "$simulators/sandbox/mtn" >"$out/floor.log" 2>&1 &
floor_pid=$!; pids+=("$floor_pid")
await_up "$floor/ping" "$floor_pid"

run_wrk() {   # name connections duration script url
  BENCH_NAME="$1" wrk -t2 -c"$2" -d"$3" -s "$4" "$5" | grep '^RESULT' | sed "s/\$/ connections=$2/"
}
field() { grep -o " $2=[0-9.]*" <<<"$1" | head -n 1 | cut -d= -f2; }
measured() {   # name file url pid: one callback run, with CPU ms and statements per callback
  local before_cpu before_x line
  before_cpu=$(cpu_ms "$4"); before_x=$(xacts)
  line=$(BENCH_CALLBACKS="$2" BENCH_THREADS=2 run_wrk "$1" 16 "${step}s" benchmarks/wrk/callbacks.lua "$3")
  local cpu=$(( $(cpu_ms "$4") - before_cpu ))
  sleep 11   # a backend reports its transactions to pg_stat_database within 10 s of going idle
  awk -v line="$line" -v cpu="$cpu" -v x="$(( $(xacts) - before_x ))" \
      -v n="$(field "$line" requests)" 'BEGIN {printf "%s cpu_ms=%.3f statements=%.2f\n", line, cpu / n, x / n}' \
    | tee -a "$out/results.log"
}

BENCH_NAME=warmup wrk -t2 -c8 -d"${warmup}s" -s benchmarks/wrk/collections.lua "$base" >/dev/null
steps callbacks-file $((callbacks * 2)) "$out/all-callbacks.tsv" >/dev/null
head -n "$callbacks" "$out/all-callbacks.tsv" > "$out/warm-callbacks.tsv"
tail -n "$callbacks" "$out/all-callbacks.tsv" > "$out/callbacks.tsv"
BENCH_CALLBACKS="$out/warm-callbacks.tsv" BENCH_THREADS=2 run_wrk callbacks.warmup 16 "${step}s" benchmarks/wrk/callbacks.lua "$base" >/dev/null
sleep 11   # the warm-up's transactions reach pg_stat_database (within 10 s of a backend going idle)
profiler=${BENCH_PROFILER:-}
agent() { java -cp "$out/classes" io.mmg.bench.LoadAgent "$gateway_pid" "$profiler" "$1"; }
[ -n "$profiler" ] && agent start,event=cpu,interval=1ms
measured callbacks.gateway "$out/callbacks.tsv" "$base" "$gateway_pid"
[ -n "$profiler" ] && agent "stop,collapsed,file=$(realpath "$out")/callbacks.collapsed"

psql -d "$database" -c "INSERT INTO floor_payment (id, client_id, status, amount, currency, phone_number)
  SELECT gen_random_uuid(), 'bench', 'PENDING', 1000, 'EUR', '256700000000' FROM generate_series(1, $((callbacks * 10)))"
floor_body='{"financialTransactionId":"1","amount":"1000","currency":"EUR","payer":{"partyIdType":"MSISDN","partyId":"256700000000"},"status":"SUCCESSFUL"}'
psql -d "$database" -c "SELECT '/callback/' || id || E'\t' || '$floor_body' FROM floor_payment WHERE status = 'PENDING'" > "$out/floor-callbacks.tsv"
head -n $((callbacks * 5)) "$out/floor-callbacks.tsv" > "$out/floor-warm.tsv"
tail -n $((callbacks * 5)) "$out/floor-callbacks.tsv" > "$out/floor-measured.tsv"
BENCH_CALLBACKS="$out/floor-warm.tsv" BENCH_THREADS=2 run_wrk callbacks.floor-warmup 16 "${step}s" benchmarks/wrk/callbacks.lua "$floor" >/dev/null
measured callbacks.floor "$out/floor-measured.tsv" "$floor" "$floor_pid"

gateway=$(grep '^RESULT callbacks.gateway ' "$out/results.log" | tail -n 1)
floor_line=$(grep '^RESULT callbacks.floor ' "$out/results.log" | tail -n 1)
[ "$(field "$gateway" requests)" -gt "$callbacks" ] && echo "The gateway's callbacks ran out: raise BENCH_CALLBACKS"
echo "| | callbacks/s | CPU ms / callback | statements / callback |"
echo "|---|---|---|---|"
echo "| gateway | $(field "$gateway" rate) | $(field "$gateway" cpu_ms) | $(field "$gateway" statements) |"
echo "| floor | $(field "$floor_line" rate) | $(field "$floor_line" cpu_ms) | $(field "$floor_line" statements) |"
awk -v a="$(field "$gateway" rate)" -v b="$(field "$floor_line" rate)" 'BEGIN {printf "callbacks / floor callbacks: %.2f\n", a / b}'
