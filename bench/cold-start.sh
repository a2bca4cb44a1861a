#!/usr/bin/env bash
# Cold start (issue 21, goal 5): how a freshly started `cairn saio --no-daemons` performs in its first minute
# against itself warm. Starts the SAIO from a saved build (a directory holding cli/target's cairn.jar, lib/ and
# jvm.options; default: cli/target), then runs PASSES back-to-back wrk passes of PASS_SECONDS each (bench/wrk-run.py,
# Debian's wrk: a C client, so only the server is cold; no warm-up), printing every pass. The first
# 60 / PASS_SECONDS passes are "the first minute"; the last two passes are "warm". Access logs off, as compare.sh.
# CAIRN_JAVA_OPTS adds JVM flags to the SAIO (as the launcher does).
#
# STARTS > 1 stops the SAIO after its passes and starts it again on the same data: a restarted node (a cold JVM on
# a disk whose partition and suffix directories exist) rather than a new cluster.
#
# usage: bench/cold-start.sh [BUILD_DIR] [WORKLOAD] [PASSES] [PASS_SECONDS] [STARTS]  (defaults: cli/target 4k-put 8 15 2)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/cli/target} wl=${2:-4k-put} passes=${3:-8} secs=${4:-15} starts=${5:-2}
command -v wrk > /dev/null || { echo "cold-start.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }
# shellcheck source=bench/build-saio-lib.sh
. "$root/bench/build-saio-lib.sh"
# shellcheck disable=SC2086 # CAIRN_JAVA_OPTS is a list of flags
start_saio_with() { JAVA_TOOL_OPTIONS="${CAIRN_JAVA_OPTS:-}" start_saio "$@"; }
# one start of the SAIO on the data dir (fresh the first time, the previous start's data after), PASSES passes
run_start() { # START_NUMBER
  local t0 line i
  t0=$(date +%s%N)
  start_saio_with "$build" "$work/data" "$work/saio-$1.log"
  echo "start $1: ready after $((($(date +%s%N) - t0) / 1000000)) ms (pid $pid${CAIRN_JAVA_OPTS:+, CAIRN_JAVA_OPTS=$CAIRN_JAVA_OPTS})"
  grep -h 'warm-up:' "$work/saio-$1.log" | sed 's/^/  /' || true
  rates=()
  for i in $(seq "$passes"); do
    line=$(/usr/bin/python3 "$root/bench/wrk-run.py" --workload "$wl" --label "s$1p$i" --auth-url "$auth" \
      --server-pids "$pid" --duration "$secs" --warmup 0 2>&1 | tail -1)
    echo "  pass $i: ${line#*: }"
    rates+=("$(sed -E 's/.*: ([0-9.]+) ops\/s.*/\1/' <<< "$line")")
  done
  stop_saio
  /usr/bin/python3 - "$secs" "${rates[@]}" <<'PY'
import sys
secs = int(sys.argv[1]); r = [float(x) for x in sys.argv[2:]]
first = r[:max(1, 60 // secs)]
warm = r[-2:]
fm, w = sum(first) / len(first), sum(warm) / len(warm)
print(f"  first pass {r[0]:.1f} ops/s = {r[0] / w:.2f}x warm; first minute {fm:.1f} ops/s = {fm / w:.2f}x warm "
      f"(warm = mean of the last two passes, {w:.1f} ops/s)")
PY
}
for s in $(seq "$starts"); do run_start "$s"; done
