#!/usr/bin/python3
"""Prints the CPU seconds (user + system) used so far by the given processes and all their descendants.

usage: proc_cpu.py PID [...]
"""
import os
import sys

tick = os.sysconf("SC_CLK_TCK")
stats = {}
for entry in os.listdir("/proc"):
    if entry.isdigit():
        try:
            with open("/proc/%s/stat" % entry) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # after the command: state ppid ... utime(12) stime(13) cutime(14) cstime(15), 0-based from state
        stats[int(entry)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
roots = {int(p) for p in sys.argv[1:]}
total, frontier = 0, set(roots)
seen = set()
while frontier:
    pid = frontier.pop()
    if pid in seen or pid not in stats:
        continue
    seen.add(pid)
    total += stats[pid][1]
    frontier |= {child for child, (ppid, _) in stats.items() if ppid == pid}
print("%.2f" % (total / tick))
