# Shared by bench/compare.sh and bench/tempurl.sh (sourced, not run): a temp dir and cleanup of every process
# started (by PID), free loopback ports, and the two SAIOs of the same shape (Swift 2.30.1: 1 proxy with one worker
# per core, 4 storage nodes, 3 replicas, part power 10, tempauth test:tester/testing in memcached; Cairn: ./cairn saio
# --no-daemons). The caller defines log, die, root, pyswift, keep and swift_object_settings (an array, may be empty);
# optional: bench_name (the temp dir's prefix), swift_pipeline and swift_extra_conf (more [filter:...] sections) for
# Swift's proxy.

# --- temp dir, process bookkeeping, cleanup ----------------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/${bench_name:-cairn-compare}.XXXXXX")
pids=()
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ "$keep" -eq 1 ] || [ "$rc" -ne 0 ]; then
    log "temp dir kept: $tmp"
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# N free loopback ports at once (the sockets stay open until all are chosen, so they are distinct)
free_ports() {
  "$pyswift" - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

wait_port() { # host port seconds what
  local deadline=$((SECONDS + $3))
  until "$pyswift" -c "import socket,sys; socket.create_connection(('$1', $2), 1).close()" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || die "$4 did not listen on $1:$2 within $3 s (logs in $tmp)"
    sleep 0.2
  done
}

wait_auth() { # auth-url seconds what
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null -H 'X-Auth-User: test:tester' -H 'X-Auth-Key: testing' "$1"; do
    [ $SECONDS -lt $deadline ] || die "$3 did not accept test:tester at $1 within $2 s (logs in $tmp)"
    sleep 0.5
  done
}

# --- Swift SAIO ---------------------------------------------------------------------------------------------------
cores=$(nproc)
setup_swift() {
  local s="$tmp/swift" n type port
  mkdir -p "$s/etc" "$s/run"
  printf '[swift-hash]\nswift_hash_path_prefix = %s\nswift_hash_path_suffix = %s\n\n[storage-policy:0]\nname = Policy-0\ndefault = yes\n' \
    "$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')" "$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
    > "$s/etc/swift.conf"
  read -r -a ports <<< "$(free_ports 14)"
  swift_proxy_port=${ports[12]}
  memcache_port=${ports[13]}
  local i=0
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
EOF
      if [ "$type" = object ]; then
        for setting in "${swift_object_settings[@]}"; do
          printf '%s = %s\n' "${setting%%=*}" "${setting#*=}" >> "$s/etc/$type-server-$n.conf"
        done
      fi
    done
    swift-ring-builder "$s/etc/$type.builder" rebalance >/dev/null || true
    [ -f "$s/etc/$type.ring.gz" ] || die "swift-ring-builder made no $type ring"
  done
  cat > "$s/etc/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $swift_proxy_port
workers = $cores
user = $(id -un)
swift_dir = $s/etc
log_level = WARNING

[pipeline:main]
pipeline = ${swift_pipeline:-catch_errors gatekeeper healthcheck proxy-logging cache tempauth proxy-logging proxy-server}

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true

[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = testing .admin

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
${swift_extra_conf:-}
EOF
}

start_swift() {
  local s="$tmp/swift" n type
  swift_pids=()
  memcached -l 127.0.0.1 -p "$memcache_port" -U 0 -m 64 -u "$(id -un)" > "$s/run/memcached.log" 2>&1 &
  pids+=($!); swift_pids+=($!)
  for type in account container object; do
    for n in 1 2 3 4; do
      "swift-$type-server" "$s/etc/$type-server-$n.conf" -v > "$s/run/$type-$n.log" 2>&1 &
      pids+=($!); swift_pids+=($!)
    done
  done
  # -v: warnings and errors also go to the log file (without it they go to syslog, absent on many machines)
  swift-proxy-server "$s/etc/proxy-server.conf" -v > "$s/run/proxy.log" 2>&1 &
  swift_proxy_pid=$! # the parent; the workers it forks are its descendants
  pids+=($!); swift_pids+=($!)
  wait_port 127.0.0.1 "$swift_proxy_port" 300 "swift proxy"
  wait_auth "http://127.0.0.1:$swift_proxy_port/auth/v1.0" 300 "swift"
}

# --- Cairn SAIO ---------------------------------------------------------------------------------------------------
start_cairn() {
  local c="$tmp/cairn"
  mkdir -p "$c"
  # access logs off on every Cairn server, as Swift's log_level = WARNING turns off both its proxy-logging lines and
  # its object/container/account servers' request lines (they log at INFO)
  printf '%s\n' 'handlers = java.util.logging.ConsoleHandler' '.level = INFO' \
    'io.cairn.proxy.access.level = WARNING' 'io.cairn.object.access.level = WARNING' \
    'io.cairn.container.access.level = WARNING' 'io.cairn.account.access.level = WARNING' \
    > "$tmp/cairn-logging.properties"
  cairn_port=$(free_ports 1)
  CAIRN_JAVA_OPTS="-Djava.util.logging.config.file=$tmp/cairn-logging.properties ${CAIRN_JAVA_OPTS:-}" \
    "$root/cairn" saio --data "$c/data" --port "$cairn_port" --no-daemons > "$c/saio.log" 2>&1 &
  cairn_pid=$!
  pids+=("$cairn_pid")
  wait_port 127.0.0.1 "$cairn_port" 300 "cairn saio"
  wait_auth "http://127.0.0.1:$cairn_port/auth/v1.0" 300 "cairn"
}

