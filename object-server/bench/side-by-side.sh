#!/usr/bin/env bash
# 4 KiB backend PUT and GET ops/s of Cairn's object server vs Debian's swift-object-server (2.30.1), same box,
# same filesystem, one device each, same wrk concurrency, A B A B interleaved; server CPU seconds per op from
# /proc/<pid>/stat. Usage: object-server/bench/side-by-side.sh [SECONDS=12] [CONNECTIONS=16] [WORKDIR=/work/tmp]
# Needs: wrk, /usr/bin/python3 with swift, cli/target/cairn.jar (mvn -pl cli -am package -DskipTests).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
secs="${1:-12}"; conns="${2:-16}"; base="${3:-/work/tmp}"
mkdir -p "$base"; work="$(mktemp -d "$base/cairn-bench.XXXXXX")"
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cport=$(free_port); sport=$(free_port)
mkdir -p "$work/etc" "$work/cairn/sda" "$work/swift/sda"
printf '[swift-hash]\nswift_hash_path_prefix = benchpre\nswift_hash_path_suffix = benchsuf\n[storage-policy:0]\nname = gold\ndefault = yes\n' > "$work/etc/swift.conf"
conf() { # $1 devices $2 port
  printf '[DEFAULT]\ndevices = %s\nmount_check = false\nbind_ip = 127.0.0.1\nbind_port = %s\nworkers = 0\nuser = %s\nswift_dir = %s\nlog_address = /nonexistent\n[pipeline:main]\npipeline = object-server\n[app:object-server]\nuse = egg:swift#object\nlog_requests = false\n' "$1" "$2" "$(id -un)" "$work/etc"
}
conf "$work/cairn" "$cport" > "$work/etc/cairn.conf"
conf "$work/swift" "$sport" > "$work/etc/swift-object.conf"
read -r -a jflags < "$repo/cli/target/jvm.options"
java ${jflags[@]} -cp "$repo/cli/target/cairn.jar:$repo/cli/target/lib/*" io.cairn.cli.ObjectServerCommand \
  --config "$work/etc/cairn.conf" > "$work/cairn.log" 2>&1 &
cpid=$!
/usr/bin/python3 "$here/swift_object_server.py" "$work/etc/swift.conf" "$work/etc/swift-object.conf" > "$work/swift.log" 2>&1 &
spid=$!
cleanup() { kill "$cpid" "$spid" 2>/dev/null || true; wait "$cpid" "$spid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for port in "$cport" "$sport"; do
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/sda/1/a/c/none" && break; sleep 0.2; done
done
head -c 4096 /dev/zero | tr '\0' 'g' > "$work/body"
for port in "$cport" "$sport"; do
  for i in $(seq 0 255); do
    curl -s -o /dev/null -X PUT -H "X-Timestamp: $(date +%s).00000" -H 'Content-Type: application/octet-stream' \
      --data-binary @"$work/body" "http://127.0.0.1:$port/sda/1/a/c/get-$i"
  done
done
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
run() { # $1 name $2 pid $3 port $4 lua
  local before after out rps reqs
  before=$(ticks "$2")
  out=$(wrk -t 4 -c "$conns" -d "${secs}s" -s "$here/$4" "http://127.0.0.1:$3")
  after=$(ticks "$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  awk -v n="$1" -v l="$4" -v r="$rps" -v q="$reqs" -v t="$((after - before))" -v hz="$hz" -v e="${non2xx:-0}" \
    'BEGIN {printf "%-6s %-8s %10.0f ops/s  %8d reqs  non-2xx %s  cpu %.3f ms/op\n", n, l, r, q, e, 1000 * t / hz / q}'
}
for lua in put.lua get.lua; do
  for round in 1 2; do
    run cairn "$cpid" "$cport" "$lua"
    run swift "$spid" "$sport" "$lua"
  done
done
