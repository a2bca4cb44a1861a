#!/usr/bin/python3
"""Prints the Cairn vs Swift table of replication-pass.sh and writes the results JSON.

usage: report.py RUN_DIR OUT_JSON SETUP_JSON

RUN_DIR holds <system>/{measure,relay,server_cpu,warmup_relay,warmup_measure}.json for system in cairn, swift.
"""
import json
import os
import re
import sys

if len(sys.argv) != 4:
    sys.exit(__doc__)
run, out, setup_path = sys.argv[1:]


def load(system, name):
    with open(os.path.join(run, system, name + ".json")) as f:
        return json.load(f)


PASS_TIME = {  # the pass as the daemon itself reports it (no process start-up); Swift's has 0.6 s resolution
    "cairn": (re.compile(r"object-replicator: (?:completed|INCOMPLETE) in (\d+) ms"), 0.001),
    "swift": (re.compile(r"Object replication complete \(once\)\. \(([\d.]+) minutes\)"), 60.0),
}


def pass_time(system):
    pattern, scale = PASS_TIME[system]
    with open(os.path.join(run, system, "replicator.log"), errors="replace") as f:
        match = pattern.search(f.read())
    return round(float(match.group(1)) * scale, 3) if match else None


results = {}
for system in ("cairn", "swift"):
    m, relay = load(system, "measure"), load(system, "relay")["total"]
    wm, wrelay = load(system, "warmup_measure"), load(system, "warmup_relay")["total"]
    results[system] = {
        "wall_s": m["wall_s"], "daemon_pass_s": pass_time(system), "cpu_s": m["cpu_s"], "cpu_user_s": m["cpu_user_s"], "cpu_sys_s": m["cpu_sys_s"],
        "max_rss_kib": m["max_rss_kib"], "exit_code": m["exit_code"],
        "bytes_sent": relay["bytes_sent"], "bytes_received": relay["bytes_received"],
        "connections": relay["connections"], "replicate_requests": relay["replicate_requests"],
        "ssync_sessions": relay["ssync_sessions"], "server_cpu_s": load(system, "server_cpu")["cpu_s"],
        "warmup": {"wall_s": wm["wall_s"], "cpu_s": wm["cpu_s"], "exit_code": wm["exit_code"],
                   "bytes_sent": wrelay["bytes_sent"], "replicate_requests": wrelay["replicate_requests"],
                   "ssync_sessions": wrelay["ssync_sessions"]},
        "command": m["command"],
    }
rows = [("wall time, process (s)", "wall_s"), ("pass time, daemon's (s)", "daemon_pass_s"), ("replicator CPU (s)", "cpu_s"), ("peer servers' CPU (s)", "server_cpu_s"),
        ("bytes sent", "bytes_sent"), ("bytes received", "bytes_received"), ("TCP connections", "connections"),
        ("REPLICATE requests", "replicate_requests"), ("SSYNC sessions", "ssync_sessions"),
        ("replicator max RSS (KiB)", "max_rss_kib")]
ratios = {}
lines = ["%-26s %14s %14s %14s" % ("measured pass", "Cairn", "Swift 2.30.1", "Cairn/Swift")]
for label, key in rows:
    c, s = results["cairn"][key], results["swift"][key]
    if c is None or s is None:
        lines.append("%-26s %14s %14s %14s" % (label, c, s, "-"))
        continue
    ratio = (c / s) if s else None
    ratios[key] = round(ratio, 4) if ratio is not None else None
    fmt = (lambda v: "%.2f" % v) if isinstance(c, float) or isinstance(s, float) else (lambda v: "%d" % v)
    lines.append("%-26s %14s %14s %14s" % (label, fmt(c), fmt(s), "%.3f" % ratio if ratio is not None else "-"))
with open(setup_path) as f:
    setup = json.load(f)
print("\n".join(lines))
print("warm-up passes (not counted): Cairn %.2f s / %d SSYNC, Swift %.2f s / %d SSYNC"
      % (results["cairn"]["warmup"]["wall_s"], results["cairn"]["warmup"]["ssync_sessions"],
         results["swift"]["warmup"]["wall_s"], results["swift"]["warmup"]["ssync_sessions"]))
with open(out, "w") as f:
    json.dump({"setup": setup, "results": results, "ratios_cairn_over_swift": ratios}, f, indent=1)
print("results: " + out)
