#!/usr/bin/env bash
# A B A B of Cairn builds: each VARIANT is a directory holding a copy of one build's cli/target/{cairn.jar,lib,
# jvm.options} (save one with: mkdir -p /tmp/ab/NAME && cp -r cli/target/{cairn.jar,lib,jvm.options} /tmp/ab/NAME).
# For each variant in order: a fresh `cairn saio --no-daemons` on a free loopback port, WARMUP seconds of the
# workload (unmeasured: the JIT needs 60-90 s to settle on 2 cores), then DURATION measured seconds with server CPU
# split by thread group; the SAIO is stopped by its PID. Prints each run's result lines. Every run's data stays until
# the script ends: on this machine's ext4 without a journal, creating inodes soon after many were deleted is slower
# (the allocator skips recently deleted inodes: `recently_deleted` showed at about 10 % of a PUT run's CPU), so
# removing one run's objects would slow the next run's PUTs. 1 MiB and 64 MiB workloads write tens of GB per run, so their
# data goes after each run (AB_KEEP_DATA=yes|no overrides).
#
# Access logs are off on every server, as in compare.sh; AB_ACCESS_LOGS=on keeps them on.
# usage: bench/ab-builds.sh WORKLOAD DURATION WARMUP DIR_A DIR_B [DIR_A DIR_B ...]
#   e.g. bench/ab-builds.sh 4k-put 20 90 /tmp/ab/before /tmp/ab/after /tmp/ab/before /tmp/ab/after
set -euo pipefail
if [[ $# -lt 4 ]]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
wl=$1 dur=$2 warm=$3
shift 3
# shellcheck source=bench/build-saio-lib.sh
. "$root/bench/build-saio-lib.sh"
# access logs off on every server, as in compare.sh (Swift's log_level = WARNING); AB_ACCESS_LOGS=on keeps them
[[ ${AB_ACCESS_LOGS:-off} == on ]] && write_logging INFO
run=0
for v in "$@"; do
  name=$(basename "$v")
  run=$((run + 1))
  start_saio "$v" "$work/data-$run" "$work/saio-$name.log"
  java -jar "$bench_jar" --workload "$wl" --auth-url "$auth" --duration "${warm}s" --warmup 2s --progress 0 \
    > /dev/null 2>&1
  java -jar "$bench_jar" --workload "$wl" --auth-url "$auth" --duration "${dur}s" --warmup 3s --progress 0 \
    --server-pids "$pid" --proxy-threads proxy- --label "$name" 2>&1 \
    | grep -E '^(PUT|GET|HEAD|DELETE|LIST|server CPU|proxy CPU|CPU by|!!!!!)' | sed "s/^/$name /"
  stop_saio
  keep=${AB_KEEP_DATA:-auto}
  [[ $keep == auto ]] && { [[ $wl == 64m-* || $wl == 1m-* ]] && keep=no || keep=yes; }
  [[ $keep == no ]] && rm -rf "$work/data-$run"
done
