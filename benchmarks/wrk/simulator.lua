-- POST /sandbox/mtn/collection/v1_0/requesttopay straight to the MTN simulator, as the gateway sends it but
-- without a callback URL. BENCH_MTN_TOKEN is a collection token from /sandbox/mtn/collection/token/.
dofile("benchmarks/wrk/report.lua")

local token = os.getenv("BENCH_MTN_TOKEN")
local sent = 0
function init(args)
  math.randomseed(os.time() * 1000 + id)
  sent = math.random(0, 80000000)
end

local function uuid4()
  local r = math.random
  return string.format("%04x%04x-%04x-4%03x-%x%03x-%04x%04x%04x", r(0, 0xffff), r(0, 0xffff), r(0, 0xffff),
    r(0, 0xfff), 8 + r(0, 3), r(0, 0xfff), r(0, 0xffff), r(0, 0xffff), r(0, 0xffff))
end

function request()
  sent = sent + 1
  local body = string.format('{"amount":"1000","currency":"EUR","externalId":"wrk-%d","payer":{"partyIdType":"MSISDN",'
    .. '"partyId":"2567%08d"},"payerMessage":"Benchmark","payeeNote":"Benchmark"}', sent, sent % 100000000)
  return wrk.format("POST", "/sandbox/mtn/collection/v1_0/requesttopay", {
    ["Authorization"] = "Bearer " .. token,
    ["Ocp-Apim-Subscription-Key"] = "sandbox-collection-key",
    ["X-Target-Environment"] = "sandbox",
    ["X-Reference-Id"] = uuid4(),
    ["Content-Type"] = "application/json",
  }, body)
end
