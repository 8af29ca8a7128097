-- POST /api/v1/collections with the sandbox key: a fresh Ugandan number and Idempotency-Key per request,
-- so daily limits and idempotent replays never come into it.
dofile("benchmarks/wrk/report.lua")

local sent = 0
local run
function init(args)
  math.randomseed(os.time() * 1000 + id)
  run = string.format("%08x", math.random(0, 0x7fffffff))
  -- Numbers 2567 + 8 digits: each thread counts up from its own random start.
  sent = math.random(0, 80000000)
end

function request()
  sent = sent + 1
  local body = string.format('{"amount":"1000","phoneNumber":"2567%08d","externalId":"wrk-%d"}', sent % 100000000, sent)
  return wrk.format("POST", "/api/v1/collections", {
    ["Authorization"] = "Bearer sk_sandbox_demo_key_0123456789",
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = run .. "-" .. id .. "-" .. sent,
  }, body)
end
