-- Shared by the wrk scripts: each thread numbered (id, from 1), and one RESULT line when a run ends.
-- BENCH_NAME names the measurement; any answer outside 2xx, and any socket error, is an error.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT %s rate=%.0f p50=%.2f p99=%.2f errors=%d requests=%d\n",
    os.getenv("BENCH_NAME") or "wrk", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
end
