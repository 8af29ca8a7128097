-- MTN callbacks (PUT <callback URL>, the simulator's status body) read from BENCH_CALLBACKS, one per line:
-- "<path>\t<body>", prepared by BenchmarkSteps callbacks-file. Each thread sends its share once, then stops.
dofile("benchmarks/wrk/report.lua")

local requests = {}
local next_request = 1
function init(args)
  local n = 0
  local count = tonumber(os.getenv("BENCH_THREADS") or "1")
  for line in io.lines(os.getenv("BENCH_CALLBACKS")) do
    n = n + 1
    if n % count == id - 1 then
      local path, body = line:match("^([^\t]+)\t(.*)$")
      table.insert(requests, wrk.format("PUT", path, {["Content-Type"] = "application/json"}, body))
    end
  end
end

-- The file holds more callbacks than a run sends; should it run out, the health endpoint fills in (and the
-- request count, above the file's line count, says so).
function request()
  local r = requests[next_request]
  next_request = next_request + 1
  return r or wrk.format("GET", "/api/v1/ping")
end
