-- wrk: 4 KiB backend PUTs, unique names per thread, X-Timestamp and Content-Type as a proxy sends them
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  prefix = "p" .. tostring(tid) .. "-" .. tostring(math.random(1, 1000000000))
  n = 0
  body = string.rep("x", 4096)
end
function request()
  n = n + 1
  local headers = {
    ["X-Timestamp"] = string.format("%d.%05d", os.time(), n % 100000),
    ["Content-Type"] = "application/octet-stream",
    ["Content-Length"] = "4096",
  }
  return wrk.format("PUT", "/sda/1/a/c/" .. prefix .. "-" .. n, headers, body)
end
