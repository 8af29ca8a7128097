#!/usr/bin/env bash
# The payout-file step of benchmarks/ratios.sh on its own (docs/benchmarks.md "Bulk payouts"): the same simulators,
# the same benchmark.yaml and batch settings (5,000 rows/s on 16 threads), a file of BENCH_BATCH_ROWS rows dropped in
# the inbox, awaited until every row is paid. Prints rows/s, the gateway's CPU per row, PostgreSQL transactions per
# row (each autocommit statement is one), peak heap (sampled every 250 ms) and peak resident memory (VmHWM).
#
#   benchmarks/payouts.sh                        # 10,000 rows, a minute or two
#   BENCH_BATCH_ROWS=100000 benchmarks/payouts.sh
#   BENCH_JAR=/path/to/other.jar benchmarks/payouts.sh   # another build, same step
# Also: BENCH_PORT (18280, uses 2 ports), BENCH_DATABASE (payouts_bench), BENCH_BATCH_RATE (5000),
# BENCH_BATCH_THREADS (16), BENCH_JAVA_OPTS, BENCH_OUT (target/bench-payouts), BENCH_PROFILER (the path of async-profiler's
# libasyncProfiler.so: profiles the gateway while it pays, collapsed stacks in $BENCH_OUT/profile-<event>.txt) with
# BENCH_PROFILE_EVENT (itimer for CPU, the default; wall for where threads wait).
set -euo pipefail
cd "$(dirname "$0")/.."

port=${BENCH_PORT:-18280}
rows=${BENCH_BATCH_ROWS:-10000}
database=${BENCH_DATABASE:-payouts_bench}
rate=${BENCH_BATCH_RATE:-5000}
threads=${BENCH_BATCH_THREADS:-16}
out=${BENCH_OUT:-target/bench-payouts}
base="http://127.0.0.1:$port"
simulators="http://127.0.0.1:$((port + 1))"
batch_dir="$out/batches"
mkdir -p "$out"

psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "The benchmark needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth)"; exit 1; }
jar=${BENCH_JAR:-$(ls target/mobile-money-gateway-*.jar 2>/dev/null | head -n 1 || true)}
if [ -z "${BENCH_JAR:-}" ] && { [ -z "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; }; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/mobile-money-gateway-*.jar | head -n 1)
fi
echo "Measuring $jar: $rows rows at up to $rate/s on $threads threads"
rm -rf "$out/classes" "$batch_dir" && javac -d "$out/classes" benchmarks/src/io/mmg/bench/*.java
steps() { java -cp "$out/classes" -Dgateway="$base" -Dsimulator="$simulators" io.mmg.bench.BenchmarkSteps "$@"; }
psql -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"

pids=()
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_all EXIT
await_up() { until curl -sf "$1" >/dev/null; do kill -0 "$2" 2>/dev/null || { echo "A process died; see $out/*.log" >&2; exit 1; }; sleep 0.1; done; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }
commits() { psql -d postgres -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$database'"; }

java -jar "$jar" --spring.profiles.active=simulators --server.port=$((port + 1)) --logging.level.root=WARN \
  --gateway.sandbox.mtn.callback-delay=0ms --gateway.sandbox.mtn.max-transactions=50000 >"$out/simulators.log" 2>&1 &
simulators_pid=$!; pids+=("$simulators_pid")
await_up "$simulators/sandbox/control/mtn/stats" "$simulators_pid"

SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$database" SPRING_DATASOURCE_USERNAME=postgres \
  GATEWAY_MTN_BASE_URL="$simulators/sandbox/mtn" GATEWAY_MPESA_BASE_URL="$simulators/sandbox/mpesa" \
  java ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --gateway.public-url="http://localhost:$port" \
    --spring.config.additional-location=file:benchmarks/benchmark.yaml \
    --gateway.batches.rate-per-second="$rate" --gateway.batches.threads="$threads" \
    --gateway.batches.inbox-poll-ms=250 --gateway.batches.dir="$batch_dir" >"$out/gateway.log" 2>&1 &
gateway_pid=$!; pids+=("$gateway_pid")
await_up "$base/api/v1/ping" "$gateway_pid"
sleep 5   # past start-up's own work
client=$(psql -d "$database" -c "SELECT client_id FROM api_key WHERE key_prefix = 'sk_sandbox_d' LIMIT 1")
inbox=$batch_dir/inbox/$client
mkdir -p "$inbox"
awk -v rows="$rows" -v start="$RANDOM$RANDOM" 'BEGIN {
  print "external_id,phone_number,amount,currency,provider,narration"
  for (i = 1; i <= rows; i++) printf "PAYOUTS-%s-%d,2567%08d,1000,UGX,,Benchmark\n", start, i, (start * 7 + i) % 100000000
}' > "$out/payouts.part"

cpu_before=$(cpu_ms "$gateway_pid"); commits_before=$(commits)
mv "$out/payouts.part" "$inbox/payouts.csv"
event=${BENCH_PROFILE_EVENT:-itimer}
if [ -n "${BENCH_PROFILER:-}" ]; then
  jcmd "$gateway_pid" JVMTI.agent_load "$BENCH_PROFILER" "\"start,event=$event,threads,interval=10ms\"" >/dev/null
fi
line=$(steps await-batch payouts.csv 3600 | grep '^RESULT')
if [ -n "${BENCH_PROFILER:-}" ]; then
  jcmd "$gateway_pid" JVMTI.agent_load "$BENCH_PROFILER" "\"stop,collapsed,file=$PWD/$out/profile-$event.txt\"" >/dev/null
fi
cpu_after=$(cpu_ms "$gateway_pid"); commits_after=$(commits)
hwm=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$gateway_pid/status"); rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$gateway_pid/status")
field() { grep -o " $1=[^ ]*" <<<"$line" | cut -d= -f2; }
echo "$line"
awk -v n="$(field rows)" -v imported="$(field imported)" -v completed="$(field completed)" -v ok="$(field successful)" \
    -v cpu=$((cpu_after - cpu_before)) -v tx=$((commits_after - commits_before)) -v heap="$(field peakHeapMb)" \
    -v hwm="$hwm" -v rss="$rss" -v status="$(field status)" 'BEGIN {
  printf "rows %d (%d successful, batch %s)\n", n, ok, status
  printf "rows/s from the drop to the last payment final: %.1f (%.1f s; checked and stored after %.1f s)\n", n / completed, completed, imported
  printf "rows/s while paying: %.1f\n", n / (completed - imported)
  printf "gateway CPU per row: %.2f ms\n", cpu / n
  printf "PostgreSQL transactions per row (the whole database, callbacks and background included): %.2f\n", tx / n
  printf "peak heap %d MB, peak RSS %d MB, RSS at the end %d MB\n", heap, hwm, rss
}' | tee "$out/summary.txt"
