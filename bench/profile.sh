#!/usr/bin/env bash
# Where a workload's CPU goes, by thread and frame: a fresh `cairn saio --no-daemons` from BUILD_DIR (a directory
# holding cli/target's cairn.jar, lib/ and jvm.options, or the repo root), WARMUP seconds of the workload
# unmeasured, then async-profiler (tools.profiler:async-profiler from Maven Central, attached with the JDK's attach
# API) sampling CPU while cairn-bench runs the workload for DURATION seconds. Writes OUT (collapsed stacks, one line
# per stack: `thread;frame;...;frame count`, for flame graphs) and prints the CPU by thread group and the top frames.
# Access logs are off (as in compare.sh). The SAIO and its data go when the script ends.
#
# usage: bench/profile.sh BUILD_DIR WORKLOAD WARMUP DURATION OUT
#   e.g. flock -x /work/bench.lock bench/profile.sh . 64m-put 20 20 /tmp/put64.collapsed
# EVENT=itimer when perf events are not allowed (/proc/sys/kernel/perf_event_paranoid > 2); INTERVAL in ns.
set -euo pipefail
if [[ $# -ne 5 ]]; then sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2; fi
root=$(cd "$(dirname "$0")/.." && pwd)
v=$1 wl=$2 warm=$3 dur=$4 out=$5
[[ -f $v/cli/target/cairn.jar ]] && v=$v/cli/target
# shellcheck source=bench/build-saio-lib.sh
. "$root/bench/build-saio-lib.sh"
ap_version=4.1
ap_jar="$HOME/.m2/repository/tools/profiler/async-profiler/$ap_version/async-profiler-$ap_version.jar"
[[ -f $ap_jar ]] || mvn -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$ap_version"
(cd "$work" && unzip -q "$ap_jar" 'linux-x64/*')
lib="$work/linux-x64/libasyncProfiler.so"
start_saio "$v" "$work/data" "$work/saio.log"
java -jar "$bench_jar" --workload "$wl" --auth-url "$auth" --duration "${warm}s" --warmup 2s --progress 0 > /dev/null
java "$root/bench/profile/Attach.java" "$pid" "$lib" "start,event=${EVENT:-cpu},interval=${INTERVAL:-1000000},threads"
java -jar "$bench_jar" --workload "$wl" --auth-url "$auth" --duration "${dur}s" --warmup 1s --progress 0 \
  --server-pids "$pid" --proxy-threads proxy- --label profiled 2>&1 | grep -E '^(PUT|GET|HEAD|DELETE|LIST|server CPU|proxy CPU|CPU by)'
java "$root/bench/profile/Attach.java" "$pid" "$lib" "stop,file=$out,collapsed"
/usr/bin/python3 - "$out" <<'PY'
import collections, re, sys
by_thread, by_frame, total = collections.Counter(), collections.Counter(), 0
for line in open(sys.argv[1]):
    stack, n = line.rstrip().rsplit(" ", 1)
    frames, n = stack.split(";"), int(n)
    total += n
    by_thread[re.sub(r"[-#]?\d+.*$", "", frames[0].strip("[]"))] += n
    by_frame[frames[-1]] += n
print(f"{total} samples; by thread group:")
for k, v in by_thread.most_common(8):
    print(f"  {v * 100 / total:5.1f}% {k}")
print("top frames (self):")
for k, v in by_frame.most_common(20):
    print(f"  {v * 100 / total:5.1f}% {k[:120]}")
PY
