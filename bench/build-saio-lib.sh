# Shared by bench/ab-builds.sh and bench/profile.sh (sourced, not run): one `cairn saio --no-daemons` at a time from
# a saved build (a directory holding cli/target's cairn.jar, lib/ and jvm.options), a temp dir for its data and logs,
# and the cleanup of what was started (by PID) on exit. The caller defines root; sets bench_jar (built if missing),
# work, pid, port and auth.
bench_jar="$root/bench/target/cairn-bench.jar"
[[ -f $bench_jar ]] || (cd "$root" && mvn -B -q -DskipTests package -pl bench)
work=$(mktemp -d)
pid=
cleanup() {
  if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# logging.properties with every server's access log at LEVEL (WARNING: off, as compare.sh runs Swift's)
write_logging() { # level
  printf '%s\n' 'handlers = java.util.logging.ConsoleHandler' '.level = INFO' \
    "io.cairn.proxy.access.level = $1" "io.cairn.object.access.level = $1" \
    "io.cairn.container.access.level = $1" "io.cairn.account.access.level = $1" \
    > "$work/logging.properties"
}
write_logging WARNING

# start_saio BUILD DATA LOG: the SAIO on a free loopback port, its data in DATA (CAIRN_SAIO_ARGS: more saio options,
# e.g. --warmup 0); returns once /healthcheck answers
start_saio() {
  port=$(/usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  # shellcheck disable=SC2046 # jvm.options holds one flag per word
  java $(cat "$1/jvm.options") -Djava.util.logging.config.file="$work/logging.properties" \
    -jar "$1/cairn.jar" saio --data "$2" --port "$port" --no-daemons ${CAIRN_SAIO_ARGS:-} > "$3" 2>&1 &
  pid=$!
  for _ in $(seq 240); do curl -s -o /dev/null "http://127.0.0.1:$port/healthcheck" && break; sleep 0.5; done
  auth="http://127.0.0.1:$port/auth/v1.0"
}

stop_saio() {
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
}
