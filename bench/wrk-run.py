#!/usr/bin/env python3
"""One load run with Debian's wrk (C, one Lua state per wrk thread) instead of cairn-bench: compare.sh's --client
wrk. Logs in with tempauth, creates a container of its own, prefills a pool of objects for GET workloads, runs wrk
once unmeasured (--warmup) and once measured (--duration) with a Lua script, and writes the result in cairn-bench's
JSON shape (the fields compare_report.py reads) plus "client": "wrk".

PUT bodies are built once per wrk thread (string.rep at init) and every request gets its own object name, so the
generator copies each body once into its request (wrk.format) and hashes nothing. Server CPU is read from /proc
(the given PIDs and their descendants, all threads) around the measured run; wrk itself is not counted.

    wrk-run.py --workload 4k-put --label cairn --auth-url http://127.0.0.1:PORT/auth/v1.0 --server-pids P[,P]
               [--duration 15] [--warmup 15] [--concurrency N] [--json FILE]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

WORKLOADS = {  # op, body bytes, connections (as cairn-bench's standard workloads), GET pool
    "4k-put": ("put", 4096, 16, 0),
    "4k-get": ("get", 4096, 16, 1000),
    "1m-put": ("put", 1 << 20, 16, 0),
    "1m-get": ("get", 1 << 20, 16, 64),
    "64m-put": ("put", 64 << 20, 4, 0),
    "64m-get": ("get", 64 << 20, 4, 8),
}

LUA = r'''
local op, size, token, base, pool = nil, 0, nil, nil, 0
local counter = 0
local threads = {}
local body = nil

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  op, size, token, base, pool = args[1], tonumber(args[2]), args[3], args[4], tonumber(args[5])
  wrk.headers["X-Auth-Token"] = token
  if op == "put" then
    body = string.rep("x", size)
    wrk.headers["Content-Type"] = "application/octet-stream"
  end
end

function request()
  counter = counter + 1
  if op == "put" then
    return wrk.format("PUT", base .. "/w" .. id .. "-" .. counter, nil, body)
  end
  return wrk.format("GET", base .. "/pool-" .. ((counter * 7919 + id) % pool))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRKJSON {\"requests\": %d, \"durationUs\": %d, \"bytes\": %d, \"connect\": %d, \"read\": %d, " ..
    "\"write\": %d, \"status\": %d, \"timeout\": %d, \"p50\": %d, \"p99\": %d, \"p999\": %d}\n",
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
end
'''


def login(auth_url, user, key):
    req = urllib.request.Request(auth_url, headers={"X-Auth-User": user, "X-Auth-Key": key})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.headers["X-Storage-Url"], r.headers["X-Auth-Token"]


def put(url, token, body):
    req = urllib.request.Request(url, data=body, method="PUT",
                                 headers={"X-Auth-Token": token, "Content-Type": "application/octet-stream"})
    with urllib.request.urlopen(req, timeout=300) as r:
        if r.status // 100 != 2:
            raise RuntimeError(f"PUT {url}: {r.status}")


def cpu_ticks(pids):
    """utime+stime of the PIDs and every descendant process (all their threads), in clock ticks."""
    children = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(d))
            except OSError:
                pass
    seen, todo, total = set(), list(pids), 0
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            continue
        todo.extend(children.get(p, []))
    return total


def run_wrk(script, url, args, seconds, connections, op, size, token, base, pool):
    threads = min(2, connections)
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "120s",
           "--latency", "-s", script, url, "--", op, str(size), token, base, str(pool)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    m = re.search(r"^WRKJSON (.*)$", out, re.M)
    if not m:
        raise RuntimeError("wrk printed no summary:\n" + out)
    return json.loads(m.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workload", required=True, choices=sorted(WORKLOADS))
    ap.add_argument("--label", required=True)
    ap.add_argument("--auth-url", required=True)
    ap.add_argument("--user", default="test:tester")
    ap.add_argument("--key", default="testing")
    ap.add_argument("--server-pids", required=True)
    ap.add_argument("--duration", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=15)
    ap.add_argument("--concurrency", type=int, default=0)
    ap.add_argument("--clock-ticks", type=int, default=os.sysconf("SC_CLK_TCK"))
    ap.add_argument("--json")
    a = ap.parse_args()
    op, size, connections, pool = WORKLOADS[a.workload]
    connections = a.concurrency or connections
    storage_url, token = login(a.auth_url, a.user, a.key)
    container = f"wrk-{a.label}-{a.workload}-{int(time.time() * 1000)}"
    put(f"{storage_url}/{container}", token, b"")
    base = "/" + storage_url.split("/", 3)[3] + "/" + container
    prefilled = 0
    if op == "get":
        body = os.urandom(size)
        for i in range(pool):
            put(f"{storage_url}/{container}/pool-{i}", token, body)
            prefilled += 1
    url = storage_url.split("/v1/")[0]
    pids = [int(p) for p in a.server_pids.split(",") if p]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(LUA)
        script = f.name
    try:
        if a.warmup > 0:
            run_wrk(script, url, [], a.warmup, connections, op, size, token, base, pool)
        before, t0 = cpu_ticks(pids), time.monotonic()
        r = run_wrk(script, url, [], a.duration, connections, op, size, token, base, pool)
        cpu_ms = (cpu_ticks(pids) - before) * 1000.0 / a.clock_ticks
        elapsed = r["durationUs"] / 1e6 if r["durationUs"] else time.monotonic() - t0
    finally:
        os.unlink(script)
    errors = r["connect"] + r["read"] + r["write"] + r["status"] + r["timeout"]
    ok = max(r["requests"] - r["status"], 0)
    result = {
        "client": "wrk",
        "workload": a.workload,
        "label": a.label,
        "concurrency": connections,
        "total": {
            "ops": r["requests"],
            "opsPerSecond": ok / elapsed,
            "megabytesPerSecond": ok * size / elapsed / 1e6,
            "latencyMs": {"p50": r["p50"] / 1000.0, "p99": r["p99"] / 1000.0, "p99.9": r["p999"] / 1000.0},
        },
        "serverCpu": {"cpuMillisPerOp": cpu_ms / ok if ok else None},
        "errors": errors,
        "errorsByKind": {k: r[k] for k in ("connect", "read", "write", "status", "timeout")},
        "prefill": {"requested": pool, "done": prefilled},
    }
    print(f"{a.label} {a.workload} (wrk, {connections} connections, {a.duration} s): "
          f"{result['total']['opsPerSecond']:.1f} ops/s, {result['total']['megabytesPerSecond']:.1f} MB/s, "
          f"p50 {result['total']['latencyMs']['p50']:.2f} ms, p99 {result['total']['latencyMs']['p99']:.2f} ms, "
          f"server CPU {result['serverCpu']['cpuMillisPerOp'] or 0:.3f} ms/op, errors {errors}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(result, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
