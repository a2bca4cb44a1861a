#!/usr/bin/env bash
# Issue 16's expirer figure: how fast each object expirer clears N expired objects (default 10,000), Cairn's
# (`cairn expirer --once --saio`) against Swift 2.30.1's (`swift-object-expirer --once`, run from Debian's python3-swift), each on its own SAIO of
# the same shape (1 proxy, 4 storage nodes, 3 replicas, part power 10) on this machine, loopback only.
#
#   bench/expirer.sh [--objects N] [--concurrency C] [--keep]
#
# Both SAIOs get N zero-byte objects in 10 containers, each PUT with X-Delete-At = its PUT time + 5 s (so every task
# is due once the fill is over); both expirers run with tasks_per_second = 0 (unpaced) and the same concurrency.
# Swift's expirer needs the .expiring_objects listing, which its container updater builds: one untimed
# `swift-container-updater --once` per container server runs first (Cairn's container servers report a task
# container to its account when they create it). Printed: each expirer's wall time (process start to exit, so
# Python's and the JVM's start-up included) and rate, the remaining listing entries (must be 0), the ratio, and the
# machine's load average before and after the timed runs.
set -euo pipefail

objects=10000
concurrency=16
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --objects) objects="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "expirer.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
py=/usr/bin/python3
log() { echo "expirer-bench: $*" >&2; }
die() { echo "expirer-bench: ERROR: $*" >&2; exit 1; }
"$py" -c 'import swift.obj.expirer' 2>/dev/null || die "Swift 2.30.1 (Debian's python3-swift) is missing"
# bin/swift-object-expirer's body (Debian ships it in swift-object-expirer; the module is in python3-swift)
swift_expirer_main='from swift.common.utils import parse_options
from swift.common.daemon import run_daemon
from swift.obj.expirer import ObjectExpirer
conf_file, options = parse_options(once=True)
run_daemon(ObjectExpirer, conf_file, **options)'
command -v memcached >/dev/null || die "memcached is missing"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cairn-expirer-bench.XXXXXX")
pids=()
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ "$keep" -eq 1 ] || [ "$rc" -ne 0 ]; then log "temp dir kept: $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_ports() {
  "$py" - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

wait_auth() { # auth-url seconds what
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null -H 'X-Auth-User: test:tester' -H 'X-Auth-Key: testing' "$1"; do
    [ $SECONDS -lt $deadline ] || die "$3 did not accept test:tester at $1 within $2 s (logs in $tmp)"
    sleep 0.5
  done
}

# --- Swift SAIO (as bench/compare.sh builds it) ---------------------------------------------------------------------
s="$tmp/swift"
mkdir -p "$s/etc" "$s/run"
printf '[swift-hash]\nswift_hash_path_prefix = %s\nswift_hash_path_suffix = %s\n\n[storage-policy:0]\nname = Policy-0\ndefault = yes\n' \
  "$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')" "$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  > "$s/etc/swift.conf"
read -r -a ports <<< "$(free_ports 15)"
swift_port=${ports[12]}
memcache_port=${ports[13]}
cairn_port=${ports[14]}
i=0
for type in account container object; do
  swift-ring-builder "$s/etc/$type.builder" create 10 3 1 >/dev/null
  for n in 1 2 3 4; do
    port=${ports[$i]}; i=$((i + 1))
    swift-ring-builder "$s/etc/$type.builder" add "r1z$n-127.0.0.1:$port/sdb$n" 1 >/dev/null
    mkdir -p "$s/srv/node$n/sdb$n"
    cat > "$s/etc/$type-server-$n.conf" <<EOF
[DEFAULT]
devices = $s/srv/node$n
mount_check = false
bind_ip = 127.0.0.1
bind_port = $port
workers = 1
user = $(id -un)
swift_dir = $s/etc
log_level = WARNING

[pipeline:main]
pipeline = $type-server

[app:$type-server]
use = egg:swift#$type

[$type-updater]
EOF
  done
  swift-ring-builder "$s/etc/$type.builder" rebalance >/dev/null || true
done
proxy_common="
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$memcache_port

[filter:catch_errors]
use = egg:swift#catch_errors

[filter:gatekeeper]
use = egg:swift#gatekeeper

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:proxy-logging]
use = egg:swift#proxy_logging
"
cat > "$s/etc/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $swift_port
workers = $(nproc)
user = $(id -un)
swift_dir = $s/etc
log_level = WARNING

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache tempauth proxy-logging proxy-server

[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = testing .admin
$proxy_common
EOF
# the legacy object-expirer.conf: its own internal client's proxy (a file name with "expirer" dequeues the queue)
cat > "$s/etc/object-expirer.conf" <<EOF
[DEFAULT]
swift_dir = $s/etc
user = $(id -un)
log_level = INFO

[object-expirer]
interval = 300
tasks_per_second = 0
concurrency = $concurrency

[pipeline:main]
pipeline = catch_errors proxy-logging cache proxy-server
$proxy_common
EOF
memcached -l 127.0.0.1 -p "$memcache_port" -U 0 -m 64 -u "$(id -un)" > "$s/run/memcached.log" 2>&1 &
pids+=($!)
for type in account container object; do
  for n in 1 2 3 4; do
    "swift-$type-server" "$s/etc/$type-server-$n.conf" -v > "$s/run/$type-$n.log" 2>&1 &
    pids+=($!)
  done
done
swift-proxy-server "$s/etc/proxy-server.conf" -v > "$s/run/proxy.log" 2>&1 &
pids+=($!)

# --- Cairn SAIO ---------------------------------------------------------------------------------------------------
if [ ! -f "$root/cli/target/cairn.jar" ]; then
  (cd "$root" && mvn -B -q -o -DskipTests package -pl cli -am >&2) || die "build failed"
fi
printf '%s\n' 'handlers = java.util.logging.ConsoleHandler' '.level = INFO' \
  'io.cairn.proxy.access.level = WARNING' 'io.cairn.object.access.level = WARNING' \
  'io.cairn.container.access.level = WARNING' 'io.cairn.account.access.level = WARNING' > "$tmp/logging.properties"
export CAIRN_JAVA_OPTS="-Djava.util.logging.config.file=$tmp/logging.properties ${CAIRN_JAVA_OPTS:-}"
"$root/cairn" saio --data "$tmp/cairn" --port "$cairn_port" --no-daemons > "$tmp/cairn-saio.log" 2>&1 &
cairn_saio=$!
pids+=("$cairn_saio")

wait_auth "http://127.0.0.1:$swift_port/auth/v1.0" 300 swift
wait_auth "http://127.0.0.1:$cairn_port/auth/v1.0" 300 cairn
for n in 1 2 3 4; do # unpaced, same concurrency; each node keeps its quarter of the queue
  conf="$tmp/cairn/etc/object-server-$n.conf"
  "$py" - "$conf" "$concurrency" <<'EOF'
import sys
path, concurrency = sys.argv[1], sys.argv[2]
text = open(path).read().replace("[object-expirer]\n",
    "[object-expirer]\ntasks_per_second = 0\nconcurrency = %s\n" % concurrency, 1)
open(path, "w").write(text)
EOF
done

# --- fill: N zero-byte objects, each expiring 5 s after its PUT ----------------------------------------------------
fill() { # label port
  "$py" - "$1" "$2" "$objects" <<'EOF'
import http.client, sys, time, concurrent.futures, threading
label, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
c = http.client.HTTPConnection("127.0.0.1", port)
c.request("GET", "/auth/v1.0", headers={"X-Auth-User": "test:tester", "X-Auth-Key": "testing"})
r = c.getresponse(); r.read()
token, url = r.getheader("X-Auth-Token"), r.getheader("X-Storage-Url")
path = url.split(str(port), 1)[1]
for k in range(10):
    c.request("PUT", "%s/exp%d" % (path, k), headers={"X-Auth-Token": token, "Content-Length": "0"})
    c.getresponse().read()
local = threading.local()
def put(i):
    conn = getattr(local, "conn", None)
    if conn is None:
        conn = local.conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("PUT", "%s/exp%d/o%06d" % (path, i % 10, i), body=b"", headers={
        "X-Auth-Token": token, "Content-Length": "0", "X-Delete-At": str(int(time.time()) + 5)})
    resp = conn.getresponse(); resp.read()
    if resp.status != 201:
        raise SystemExit("%s PUT o%06d: %d" % (label, i, resp.status))
start = time.time()
with concurrent.futures.ThreadPoolExecutor(16) as pool:
    list(pool.map(put, range(n)))
print("%s: %d expiring objects written in %.1f s" % (label, n, time.time() - start), file=sys.stderr)
EOF
}
tree_cpu() { # pid...: CPU seconds (user + system) of these processes and all their descendants so far
  "$py" - "$@" <<'EOF2'
import os, sys
hz = os.sysconf("SC_CLK_TCK")
stats = {}
for d in os.listdir("/proc"):
    if d.isdigit():
        try:
            f = open("/proc/%s/stat" % d).read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(d)] = (int(f[1]), int(f[11]) + int(f[12]))  # ppid, utime + stime
roots = set(int(p) for p in sys.argv[1:])
total, changed = 0, True
tree = set(roots)
while changed:
    changed = False
    for pid, (ppid, _) in stats.items():
        if ppid in tree and pid not in tree:
            tree.add(pid); changed = True
print("%.2f" % (sum(stats[p][1] for p in tree if p in stats) / hz))
EOF2
}
remaining() { # port: listing entries left over the 10 containers
  "$py" - "$1" <<'EOF'
import http.client, json, sys
port = int(sys.argv[1])
c = http.client.HTTPConnection("127.0.0.1", port)
c.request("GET", "/auth/v1.0", headers={"X-Auth-User": "test:tester", "X-Auth-Key": "testing"})
r = c.getresponse(); r.read()
token, url = r.getheader("X-Auth-Token"), r.getheader("X-Storage-Url")
path = url.split(str(port), 1)[1]
total = 0
for k in range(10):
    marker = ""
    while True:
        c.request("GET", "%s/exp%d?format=json&marker=%s" % (path, k, marker), headers={"X-Auth-Token": token})
        resp = c.getresponse(); rows = json.loads(resp.read() or b"[]")
        if not rows:
            break
        total += len(rows); marker = rows[-1]["name"]
print(total)
EOF
}

log "filling $objects expiring objects into each SAIO"
fill swift "$swift_port"
fill cairn "$cairn_port"
sleep 6 # every X-Delete-At is at most 5 s after its PUT

log "swift: container updaters once (untimed: they list the task containers in .expiring_objects)"
for n in 1 2 3 4; do swift-container-updater "$s/etc/container-server-$n.conf" --once -v > "$s/run/cupd-$n.log" 2>&1; done

log "swift: swift-object-expirer --once"
load0=$(cut -d' ' -f1-3 /proc/loadavg)
swift_servers=("${pids[@]:0:${#pids[@]}-1}") # every Swift process started above (the Cairn SAIO is the last pid)
sc0=$(tree_cpu "${swift_servers[@]}")
t0=$(date +%s.%N)
/usr/bin/time -f '%U %S' -o "$tmp/swift-expirer.cpu" \
  "$py" -c "$swift_expirer_main" "$s/etc/object-expirer.conf" --once -v > "$s/run/expirer.log" 2>&1 \
  || die "swift expirer failed"
t1=$(date +%s.%N)
sc1=$(tree_cpu "${swift_servers[@]}")
cc0=$(tree_cpu "$cairn_saio")
log "cairn: cairn expirer --once --saio"
/usr/bin/time -f '%U %S' -o "$tmp/cairn-expirer.cpu" \
  "$root/cairn" expirer --once --saio "$tmp/cairn" > "$tmp/cairn-expirer.log" 2>&1 || die "cairn expirer failed"
t2=$(date +%s.%N)
cc1=$(tree_cpu "$cairn_saio")

swift_left=$(remaining "$swift_port")
cairn_left=$(remaining "$cairn_port")
"$py" - "$objects" "$t0" "$t1" "$t2" "$swift_left" "$cairn_left" \
  "$(cat "$tmp/swift-expirer.cpu")" "$(cat "$tmp/cairn-expirer.cpu")" "$sc0" "$sc1" "$cc0" "$cc1" <<'EOF'
import sys
n, t0, t1, t2, sl, cl = int(sys.argv[1]), *map(float, sys.argv[2:5]), int(sys.argv[5]), int(sys.argv[6])
se, ce = (sum(map(float, a.split())) for a in sys.argv[7:9])
ss, cs = float(sys.argv[10]) - float(sys.argv[9]), float(sys.argv[12]) - float(sys.argv[11])
sw, ca = t1 - t0, t2 - t1
print("%-6s %8s %10s %12s %10s %14s %14s" % ("", "objects", "wall s", "objects/s", "left", "expirer CPU s", "servers CPU s"))
print("%-6s %8d %10.1f %12.1f %10d %14.1f %14.1f" % ("swift", n, sw, n / sw, sl, se, ss))
print("%-6s %8d %10.1f %12.1f %10d %14.1f %14.1f" % ("cairn", n, ca, n / ca, cl, ce, cs))
print("ratio (cairn/swift objects/s): %.2fx; CPU per expired object (expirer + servers), cairn/swift: %.2fx"
      % (sw / ca, (ce + cs) / (se + ss)))
EOF
echo "load average (1, 5, 15 min) before the timed runs: $load0; after them: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -h 'Pass completed' "$s/run/expirer.log" | tail -1 >&2 || true
grep -h 'object-expirer' "$tmp/cairn-expirer.log" >&2 || true
