#!/usr/bin/python3
"""Runs a command and writes its wall time, CPU seconds and exit code as JSON.

usage: measure.py OUT_JSON LOG_FILE COMMAND [ARGS...]

CPU is user + system time of the command and every descendant it waited for (getrusage of the children),
so a launcher script that execs java counts the whole JVM. stdout and stderr go to LOG_FILE.
"""
import json
import os
import resource
import subprocess
import sys
import time

if len(sys.argv) < 4:
    sys.exit(__doc__)
out, log, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(log, "w") as f:
    started = time.monotonic()
    rc = subprocess.call(cmd, stdout=f, stderr=subprocess.STDOUT)
    wall = time.monotonic() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as f:
    json.dump({"wall_s": round(wall, 3), "cpu_user_s": round(usage.ru_utime, 3), "cpu_sys_s": round(usage.ru_stime, 3),
               "cpu_s": round(usage.ru_utime + usage.ru_stime, 3), "max_rss_kib": usage.ru_maxrss, "exit_code": rc,
               "command": cmd}, f, indent=1)
sys.exit(0)
