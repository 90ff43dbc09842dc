-- wrk script: GET /api/v1/children/{id} for random children of the pilot, with a bearer token.
-- Usage: TOKEN=... wrk -t2 -c32 -d60s --latency -s child-ids.lua http://localhost:8080  (ids in ./child-ids.txt)
local ids = {}
for line in io.lines(os.getenv("IDS") or "child-ids.txt") do ids[#ids + 1] = line end
local token = os.getenv("TOKEN")
math.randomseed(42)

request = function()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/api/v1/children/" .. id, {["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json"})
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s %.0f  p50 %.2f ms  p99 %.2f ms  non-2xx %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status))
end
