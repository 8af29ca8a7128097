#!/usr/bin/env bash
# Live payment status under load (docs/benchmarks.md "Live status"; not part of ./mvnw verify): 5,000 open WebSocket
# subscriptions on one gateway, the time from a status change to its message (p50/p99), memory per connection.
#
#   benchmarks/live-status.sh                 # 5,000 subscriptions on port 18170, database gateway_bench_live
#   LIVE_SUBSCRIPTIONS=1000 LIVE_PORT=18171 benchmarks/live-status.sh
set -euo pipefail
cd "$(dirname "$0")/.."

n=${LIVE_SUBSCRIPTIONS:-5000}
port=${LIVE_PORT:-18170}
database=${LIVE_DATABASE:-gateway_bench_live}
out=target/bench-live
mkdir -p "$out"
psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

jar=$(ls target/mobile-money-gateway-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/mobile-money-gateway-*.jar | head -n 1)
fi
driver=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -n 1)
rm -rf "$out/classes" && javac -d "$out/classes" benchmarks/src/io/mmg/bench/LiveStatusBench.java

psql -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"
psql -d postgres -c "CREATE DATABASE $database"
java -Xmx512m -jar "$jar" --server.port="$port" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$database" --spring.datasource.username=postgres \
  --gateway.poller.first-delay=1h --gateway.live.max-per-merchant=$((n + 100)) --gateway.live.sender-threads=4 \
  >"$out/gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/api/v1/ping" >/dev/null && break
  sleep 1
done

client=$(psql -d "$database" -c "SELECT client_id FROM api_key WHERE key_prefix = 'sk_sandbox_d' LIMIT 1")
psql -d "$database" -c "
  INSERT INTO payment (id, client_id, type, provider, product, status, amount, currency, country, phone_number,
                       external_id, next_poll_at)
  SELECT gen_random_uuid(), '$client', 'COLLECTION', 'MPESA', 'STK_PUSH', 'PENDING', 100, 'KES', 'KE',
         '254722' || lpad(i::text, 6, '0'), 'live-bench-' || i, now() + interval '1 hour'
    FROM generate_series(1, $n) AS i"

java -Xmx1g -cp "$out/classes:$driver" -Dgateway="ws://127.0.0.1:$port" \
  -Djdbc="jdbc:postgresql://127.0.0.1:5432/$database" -Dpid="$gateway" -Dclient="$client" \
  io.mmg.bench.LiveStatusBench | tee "$out/results.log"
