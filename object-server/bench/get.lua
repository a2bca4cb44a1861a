-- wrk: backend GETs of 256 pre-written 4 KiB objects (get-0 .. get-255)
function request()
  return wrk.format("GET", "/sda/1/a/c/get-" .. math.random(0, 255))
end
