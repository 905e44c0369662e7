-- wrk script: every request checks in a different person (cookie and CSRF token of person N).
-- FIRST: the first person number; THREADS: wrk's -t value.
local first = tonumber(os.getenv("FIRST") or "1")
local nthreads = tonumber(os.getenv("THREADS") or "2")
-- tid and errors are globals of each thread's Lua state: setup() sets tid with thread:set and done()
-- reads errors with thread:get, which see globals only (a `local` here would hide them).
local counter = 0
tid = 0
errors = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function request()
  local n = first + counter * nthreads + tid
  counter = counter + 1
  return wrk.format("POST", "/api/presence/checkin", {
    ["content-type"] = "application/json",
    ["cookie"] = "congvu_session=tok" .. n,
    ["x-csrf-token"] = "csrf" .. n,
  }, '{"place":"registered"}')
end

function response(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
  local e = 0
  for _, t in ipairs(threads) do e = e + (t:get("errors") or 0) end
  io.write(string.format("WRK_JSON {\"requests\":%d,\"seconds\":%.1f,\"non200\":%d,\"p50\":%.1f,\"p95\":%.1f,\"p99\":%.1f}\n",
    summary.requests, summary.duration / 1e6, e, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
