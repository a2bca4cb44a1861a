#!/usr/bin/env bash
# One object replication pass over data that is already in sync: Cairn's `./cairn replicator --once` vs
# Swift 2.30.1's `swift-object-replicator --once` (sync_method = ssync), on the SAME device directories.
# Wall time, replicator CPU, bytes sent/received (counted by a TCP relay in front of each object server),
# REPLICATE requests and SSYNC sessions, and the Cairn/Swift ratios. Loopback only. See README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: replicator/bench/replication-pass.sh [--objects N] [--size BYTES] [--part-power P] [--keep]
  --objects N      objects to create, each on all 3 primaries (100000)
  --size BYTES     object size (1024)
  --part-power P   object ring part power (10); 3 replicas on 3 devices, one device per node
  --keep           keep the temp dir (configs, logs, data) and print its path
USAGE
}

objects=100000 size=1024 part_power=10 keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --objects) objects="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --part-power) part_power="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
py=/usr/bin/python3
"$py" -c 'import swift' 2>/dev/null || { echo "needs Debian's python3 with Swift 2.30.1 (apt-get install swift-object)" >&2; exit 2; }
command -v swift-ring-builder >/dev/null || { echo "needs swift-ring-builder" >&2; exit 2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/cairn-repl-bench.XXXXXX")"
pids=()
cleanup() {
  local rc=$? pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$keep" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { echo "replication-pass: $*" >&2; exit 1; }

stop_pid() { # pid: TERM it, wait for it, forget it
  local pid="$1" p kept=()
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${pids[@]}"; do [ "$p" = "$pid" ] || kept+=("$p"); done
  pids=("${kept[@]+"${kept[@]}"}")
}

wait_port() { # ip port seconds what
  local deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || die "$4 did not listen on $1:$2 within $3 s (logs in $tmp)"
    sleep 0.2
  done
}

# Ports free on both 127.0.0.1 (servers) and 127.0.0.2 (relays): the ring says 127.0.0.2:P, the relay listens
# there and forwards to the server on 127.0.0.1:P, so a replicator configured with bind_ip 127.0.0.2 and
# bind_port P finds its own device in the ring while all its traffic to peers crosses a relay.
free_ports() {
  "$py" - "$1" <<'PY'
import socket, sys
ports, held = [], []
while len(ports) < int(sys.argv[1]):
    a = socket.socket(); a.bind(("127.0.0.1", 0)); port = a.getsockname()[1]
    b = socket.socket()
    try:
        b.bind(("127.0.0.2", port))
    except OSError:
        a.close(); b.close(); continue
    held += [a, b]; ports.append(port)
print(" ".join(map(str, ports)))
PY
}

# --- cluster layout ---------------------------------------------------------------------------------------------
etc="$tmp/etc" run="$tmp/run"
mkdir -p "$etc" "$run/cairn" "$run/swift" "$tmp/cache"
printf '[swift-hash]\nswift_hash_path_prefix = %s\nswift_hash_path_suffix = %s\n\n[storage-policy:0]\nname = Policy-0\ndefault = yes\n' \
  "$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')" "$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  > "$etc/swift.conf"
read -r -a ports <<< "$(free_ports 9)"
obj_ports=("${ports[@]:0:3}")
me="$(id -un)"
swift-ring-builder "$etc/object.builder" create "$part_power" 3 1 >/dev/null
for n in 1 2 3; do
  swift-ring-builder "$etc/object.builder" add "r1z$n-127.0.0.2:${obj_ports[$((n - 1))]}/d$n" 100 >/dev/null
  mkdir -p "$tmp/srv/node$n/d$n"
done
swift-ring-builder "$etc/object.builder" rebalance >/dev/null || true
[ -f "$etc/object.ring.gz" ] || die "swift-ring-builder rebalance wrote no ring"

# A Cairn node.conf for node $1 bound to $2, with any extra sections on stdin appended.
# The [DEFAULT] section of a Swift server/daemon conf for node n: node bind-ip port log-name [key=value ...]
swift_defaults() {
  local n=$1 ip=$2 port=$3 name=$4
  shift 4
  printf '[DEFAULT]\ndevices = %s\nmount_check = false\nswift_dir = %s\nbind_ip = %s\nbind_port = %s\nuser = %s\n' \
    "$tmp/srv/node$n" "$etc" "$ip" "$port" "$me"
  local kv
  for kv in "$@"; do printf '%s = %s\n' "${kv%%=*}" "${kv#*=}"; done
  printf 'recon_cache_path = %s\nlog_name = %s\n' "$tmp/cache" "$name"
}

cairn_node_conf() {
  local n=$1 ip=$2
  cat <<CONF
[DEFAULT]
devices = $tmp/srv/node$n
mount_check = false
swift_dir = $etc
bind_ip = $ip

[object-server]
bind_port = ${obj_ports[$((n - 1))]}

[container-server]
bind_port = ${ports[$((1 + 2 * n))]}

[account-server]
bind_port = ${ports[$((2 + 2 * n))]}
CONF
  cat
}

for n in 1 2 3; do
  p=${obj_ports[$((n - 1))]}
  # Cairn: the servers of node n (no daemon sections: nothing runs in the background) ...
  cairn_node_conf "$n" 127.0.0.1 </dev/null > "$etc/cairn-node-$n.conf"
  # ... and its replicator, which must see itself as 127.0.0.2:p (the ring's address for d$n)
  cairn_node_conf "$n" 127.0.0.2 > "$etc/cairn-replicator-$n.conf" <<CONF

[object-replicator]
interval = 30
concurrency = 1
replicator_workers = 0
CONF
  # Swift: object server of node n, and its replicator (same devices)
  swift_defaults "$n" 127.0.0.1 "$p" "object-server-$n" workers=auto > "$etc/swift-object-server-$n.conf"
  cat >> "$etc/swift-object-server-$n.conf" <<CONF

[pipeline:main]
pipeline = object-server

[app:object-server]
use = egg:swift#object
CONF
  swift_defaults "$n" 127.0.0.2 "$p" "object-replicator-$n" > "$etc/swift-object-replicator-$n.conf"
  cat >> "$etc/swift-object-replicator-$n.conf" <<CONF

[object-replicator]
sync_method = ssync
concurrency = 1
replicator_workers = 0
CONF
done

# --- data -------------------------------------------------------------------------------------------------------
# Every partition has a replica on every device (3 replicas, 3 devices): write d1 with Swift's DiskFileManager,
# then copy the tree with its xattrs to d2 and d3.
log "writing $objects objects of $size bytes to node1/d1 with Swift's DiskFileManager"
"$py" "$here/make_objects.py" "$etc" "$tmp/srv/node1" d1 "$objects" "$size"
for n in 2 3; do
  cp -a "$tmp/srv/node1/d1/objects" "$tmp/srv/node$n/d$n/"
done
log "copied to node2/d2 and node3/d3 (cp -a, xattrs kept); $(du -sh "$tmp/srv" | cut -f1) on disk"

relay_start() { # stats-json
  rm -f "$1" "$1.ready"
  local pairs=() p
  for p in "${obj_ports[@]}"; do pairs+=("127.0.0.2:$p=127.0.0.1:$p"); done
  "$py" "$here/relay.py" "$1" "${pairs[@]}" > "$1.log" 2>&1 &
  relay_pid=$!
  pids+=("$relay_pid")
  local deadline=$((SECONDS + 20))
  until [ -f "$1.ready" ]; do
    [ $SECONDS -lt $deadline ] || die "relay did not start (see $1.log)"
    sleep 0.1
  done
}

relay_stop() { stop_pid "$relay_pid"; }

check_sync() { # system
  local args=() n
  for n in 1 2 3; do args+=("127.0.0.1:${obj_ports[$((n - 1))]}/d$n"); done
  "$py" "$here/check_sync.py" "$part_power" "${args[@]}" > "$run/$1/sync-check.json" \
    || die "devices not in sync before the measured $1 pass: $(cat "$run/$1/sync-check.json")"
  log "in sync before the measured pass (REPLICATE on every partition of every device): $(cat "$run/$1/sync-check.json")"
}

# pass <system> <name> <command...>: one replicator run through fresh relays
pass() {
  local system="$1" name="$2"; shift 2
  relay_start "$run/$system/${name}relay.json"
  "$py" "$here/measure.py" "$run/$system/${name}measure.json" "$run/$system/${name}replicator.log" "$@"
  relay_stop
  local rc
  rc=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["exit_code"])' "$run/$system/${name}measure.json")
  [ "$rc" = 0 ] || die "$system ${name}pass exited $rc: $(tail -5 "$run/$system/${name}replicator.log")"
}

measured_pass() { # system server-pids... -- command...
  local system="$1"; shift
  local spids=()
  while [ "$1" != "--" ]; do spids+=("$1"); shift; done
  shift
  local before after
  before=$("$py" "$here/proc_cpu.py" "${spids[@]}")
  pass "$system" "" "$@"
  after=$("$py" "$here/proc_cpu.py" "${spids[@]}")
  "$py" -c 'import json,sys; json.dump({"cpu_s": round(float(sys.argv[2]) - float(sys.argv[1]), 2)}, open(sys.argv[3], "w"))' \
    "$before" "$after" "$run/$system/server_cpu.json"
}

# --- Swift ------------------------------------------------------------------------------------------------------
log "Swift: starting 3 swift-object-server (workers = auto)"
swift_pids=()
for n in 1 2 3; do
  "$py" "$here/swift_with_conf.py" "$etc" /usr/bin/swift-object-server "$etc/swift-object-server-$n.conf" -v \
    > "$run/swift/object-server-$n.log" 2>&1 &
  pids+=($!); swift_pids+=($!)
done
for n in 1 2 3; do wait_port 127.0.0.1 "${obj_ports[$((n - 1))]}" 60 "swift-object-server $n"; done
swift_cmd=("$py" "$here/swift_with_conf.py" "$etc" /usr/bin/swift-object-replicator "$etc/swift-object-replicator-1.conf" --once -v)
log "Swift: warm-up pass of node1 (builds hashes.pkl on all devices; not counted)"
pass swift warmup_ "${swift_cmd[@]}"
check_sync swift
log "Swift: measured pass of node1"
measured_pass swift "${swift_pids[@]}" -- "${swift_cmd[@]}"
for pid in "${swift_pids[@]}"; do stop_pid "$pid"; done

# --- Cairn ------------------------------------------------------------------------------------------------------
# Build once up front so the launcher's staleness check is not inside a measured run.
"$root/cairn" --help > /dev/null 2>&1 || true
[ -f "$root/cli/target/cairn.jar" ] || die "no cli/target/cairn.jar (build: mvn -B -q -DskipTests -pl cli -am package)"
log "Cairn: starting 3 cairn node (servers only, no daemon sections)"
cairn_pids=()
for n in 1 2 3; do
  "$root/cairn" node --config "$etc/cairn-node-$n.conf" > "$run/cairn/node-$n.log" 2>&1 &
  pids+=($!); cairn_pids+=($!)
done
for n in 1 2 3; do wait_port 127.0.0.1 "${obj_ports[$((n - 1))]}" 120 "cairn node $n"; done
cairn_cmd=("$root/cairn" replicator --once --config "$etc/cairn-replicator-1.conf")
log "Cairn: warm-up pass of node1 (fills the suffix-hash stores on all devices; not counted)"
pass cairn warmup_ "${cairn_cmd[@]}"
check_sync cairn
log "Cairn: measured pass of node1"
measured_pass cairn "${cairn_pids[@]}" -- "${cairn_cmd[@]}"
for pid in "${cairn_pids[@]}"; do stop_pid "$pid"; done

# --- report -----------------------------------------------------------------------------------------------------
mkdir -p "$here/results"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
"$py" -c 'import json,sys; json.dump(dict(objects=int(sys.argv[1]), object_size=int(sys.argv[2]), part_power=int(sys.argv[3]),
  replicas=3, devices=3, measured="one --once pass of node1 (device d1: every partition, 2 peers each), after one warm-up pass",
  cairn_replicator="concurrency 1, replicator_workers 0 (defaults)", swift_replicator="sync_method ssync, concurrency 1, replicator_workers 0",
  swift_object_server_workers="auto", load_at_end=open("/proc/loadavg").read().strip(), nproc=int(sys.argv[4]),
  commit=sys.argv[5]), open(sys.argv[6], "w"), indent=1)' \
  "$objects" "$size" "$part_power" "$(nproc)" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" "$run/setup.json"
echo
echo "One replication pass over $objects objects of $size bytes already in sync (3 replicas, part power $part_power, node1's pass):"
"$py" "$here/report.py" "$run" "$here/results/replication-pass-$stamp.json" "$run/setup.json"
echo "Cairn pass report: $(grep -m1 -i 'object-replicator' "$run/cairn/replicator.log" || true)"
echo "Swift: $(grep -m1 'replication complete' "$run/swift/replicator.log" || true)"
echo "load: $(cat /proc/loadavg)"
