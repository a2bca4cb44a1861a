#!/usr/bin/python3
"""Compute API figures against a running `cairn cloud` (fake driver): create -> ACTIVE time, and requests per
second of server show / list / detail with N servers. Stdlib only; loopback; cleans up what it creates.

usage: bench/compute-api.py OPENRC [--servers 1000] [--threads 4] [--seconds 10]
The cloud's fake host must hold N servers, e.g.
  CAIRN_JAVA_OPTS="-Dcairn.compute.fake-vcpus=100000 -Dcairn.compute.fake-memory-mb=10000000" ./cairn cloud ...
"""
import argparse, json, random, statistics, threading, time, urllib.error, urllib.parse, urllib.request

def env(openrc):
    out = {}
    for line in open(openrc):
        if line.startswith("export "):
            k, v = line[7:].strip().split("=", 1)
            out[k] = v
    return out

def call(method, url, token=None, body=None, version="2.37"):
    req = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    req.add_header("X-OpenStack-Nova-API-Version", version)
    if token:
        req.add_header("X-Auth-Token", token)
    with urllib.request.urlopen(req, timeout=120) as r:
        data = r.read()
        return r.status, r.headers, (json.loads(data) if data else None)

def main():
    p = argparse.ArgumentParser()
    p.add_argument("openrc"); p.add_argument("--servers", type=int, default=1000)
    p.add_argument("--threads", type=int, default=4); p.add_argument("--seconds", type=float, default=10)
    a = p.parse_args()
    e = env(a.openrc)
    auth = {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": e["OS_USERNAME"],
            "domain": {"name": "Default"}, "password": e["OS_PASSWORD"]}}},
            "scope": {"project": {"name": e["OS_PROJECT_NAME"], "domain": {"name": "Default"}}}}}
    _, h, body = call("POST", e["OS_AUTH_URL"] + "/auth/tokens", body=auth)
    token = h["X-Subject-Token"]
    project = body["token"]["project"]["id"]
    compute = [c for c in body["token"]["catalog"] if c["type"] == "compute"][0]["endpoints"][0]["url"]
    image_url = [c for c in body["token"]["catalog"] if c["type"] == "image"][0]["endpoints"][0]["url"]
    call("PUT", f"{compute}/os-quota-sets/{project}", token,
         {"quota_set": {"instances": -1, "cores": -1, "ram": -1}})
    _, _, img = call("POST", image_url + "/v2/images", token,
                     {"name": "bench-image", "disk_format": "raw", "container_format": "bare"})
    req = urllib.request.Request(f"{image_url}/v2/images/{img['id']}/file", method="PUT", data=b"\0" * 4096)
    req.add_header("X-Auth-Token", token); req.add_header("Content-Type", "application/octet-stream")
    urllib.request.urlopen(req).read()
    try:
        call("POST", compute + "/flavors", token,
             {"flavor": {"name": "bench.nano", "id": "bench-nano", "ram": 1, "vcpus": 1, "disk": 0}})
    except urllib.error.HTTPError:
        pass  # left from an earlier run

    def create(n, name):
        t0 = time.monotonic()
        _, _, r = call("POST", compute + "/servers", token, {"server": {"name": name, "imageRef": img["id"],
                       "flavorRef": "bench-nano", "networks": "none", "min_count": n, "max_count": n}})
        while True:
            _, _, page = call("GET", f"{compute}/servers/detail?name={urllib.parse.quote('^' + name)}&limit=1000", token)
            states = [s["status"] for s in page["servers"]]
            if len(states) == n and all(s == "ACTIVE" for s in states):
                return time.monotonic() - t0, [s["id"] for s in page["servers"]]
            if "ERROR" in states:
                raise SystemExit("a server went to ERROR")
            time.sleep(0.01)

    singles = [create(1, f"single{i}-")[0] for i in range(5)]
    print(f"create -> ACTIVE, one server (5 runs): median {statistics.median(singles)*1000:.0f} ms,"
          f" min {min(singles)*1000:.0f} ms, max {max(singles)*1000:.0f} ms")
    batch, ids = create(a.servers, "bench-")
    print(f"create -> ACTIVE, {a.servers} servers in one request (min_count): {batch:.1f} s")

    def load(label, url_of):
        lat, stop = [], time.monotonic() + a.seconds
        lock = threading.Lock()
        def worker():
            mine = []
            while time.monotonic() < stop:
                t = time.monotonic(); call("GET", url_of(), token); mine.append(time.monotonic() - t)
            with lock:
                lat.extend(mine)
        ts = [threading.Thread(target=worker) for _ in range(a.threads)]
        [t.start() for t in ts]; [t.join() for t in ts]
        lat.sort()
        print(f"{label}: {len(lat)/a.seconds:.0f} req/s, p50 {lat[len(lat)//2]*1000:.1f} ms,"
              f" p99 {lat[int(len(lat)*0.99)]*1000:.1f} ms ({a.threads} threads, {a.seconds:.0f} s)")

    load("GET /servers/{id}", lambda: f"{compute}/servers/{random.choice(ids)}")
    load(f"GET /servers (all {a.servers}, brief)", lambda: f"{compute}/servers")
    load("GET /servers/detail?limit=100", lambda: f"{compute}/servers/detail?limit=100")
    load(f"GET /servers/detail (all {a.servers})", lambda: f"{compute}/servers/detail")

    _, _, page = call("GET", f"{compute}/servers?limit=1000", token)
    for s in page["servers"]:
        call("DELETE", f"{compute}/servers/{s['id']}", token)

if __name__ == "__main__":
    main()
