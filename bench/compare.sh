#!/usr/bin/env bash
# Side-by-side load runs: Cairn (./cairn saio) against OpenStack Swift 2.30.1 set up in the same shape (1 proxy with
# one worker per core, 4 storage nodes, 3 replicas, part power 10, 4 zones, tempauth test:tester/testing, background
# daemons off, devices in one temp dir on the same filesystem), on loopback ports chosen free at run time. Each
# workload runs against each server in turn, interleaved A B A B (--rounds), then the table of both and the ratios is
# printed and the JSON written. With --p99-rate, 4k-put and 4k-get also run open-loop at that fixed rate against both
# (equal offered load), for issue 7's p99 target. Everything started here is stopped by PID on exit. See
# bench/README.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pyswift=/usr/bin/python3 # Debian's Python, the one Swift is installed for

workloads="4k-put,4k-get,1m-put,1m-get,64m-put,64m-get,list,mixed"
duration=6
warmup=2
rounds=2
client=cairn-bench
server_warmup=45
listing_objects=100000
listing_fill=db
get_pool=500
max_minutes=10
concurrency=""
out=""
targets="cairn,swift"
keep=0
p99_rate=""
s3_payload=unsigned
extra=()
swift_object_settings=()

usage() {
  cat <<EOF
usage: bench/compare.sh [options]
  --workloads LIST      comma-separated, from: 4k-put 4k-get 1m-put 1m-get 64m-put 64m-get list mixed
                        (default: all) and the S3 ones: s3-4k-put s3-4k-get s3-1m-put s3-1m-get s3-64m-put
                        s3-64m-get (path style, SigV4 header auth as test:tester/testing; with any of them Swift's
                        proxy pipeline gets s3api before tempauth, as Cairn's SAIO always has it)
  --s3-payload unsigned|signed
                        the S3 PUTs' x-amz-content-sha256: UNSIGNED-PAYLOAD (default) or the body's SHA-256, which
                        the servers check
  --duration SECONDS    measured seconds per run (default $duration)
  --warmup SECONDS      warm-up seconds per run (default $warmup)
  --rounds N            A B rounds per workload (default $rounds: cairn swift cairn swift)
  --listing-objects N   objects in the listing container (default $listing_objects, issue 7's size)
  --listing-fill db|api how the list workload's container is filled (default $listing_fill): db creates one container
                        per server through the API and merges the rows into its SQLite DBs on every replica with
                        bench/fill-container.py (Swift's own ContainerBroker; seconds), once before the runs; api
                        PUTs the objects in each run (cairn-bench --prefill: minutes for 100000 on Swift)
  --server-warmup SECS  before any measured run, drive each server with the mixed workload this long (default
                        $server_warmup; 0: none) so the JVM's JIT and Swift's caches are warm; not reported; counts
                        toward --max-minutes
  --get-pool N          objects prefilled for 4k-get and mixed (default $get_pool)
  --concurrency N       override every workload's connection count
  --max-minutes N       skip the remaining runs once this much time has passed since the servers were up
                        (default $max_minutes; the defaults take about 9 minutes of it, see bench/README.md)
  --targets LIST        which servers to run (default cairn,swift; one alone gives no ratios)
  --out FILE            combined JSON (default bench/results/compare-<UTC date>.json)
  --keep                keep the temp dir (data, configs, per-run JSON, server logs)
  --p99-rate OPS        after the workloads, run 4k-put and 4k-get against both servers at this fixed offered rate
                        (cairn-bench --rate: open loop, latency from each request's intended start), same rounds and
                        warm-ups, and print their p99s and ratio "at equal offered load" (default: not run); these
                        runs count toward --max-minutes
  --bench-arg ARG       pass ARG to every cairn-bench run (repeatable)
  --swift-object-setting KEY=VALUE
                        add this line to Swift's [app:object-server] sections (repeatable), e.g.
                        keep_cache_private=true to keep authenticated GETs' pages in the page cache
  --client cairn-bench|wrk
                        the load generator (default cairn-bench): wrk is Debian's wrk driven by bench/wrk-run.py
                        (4k/1m/64m put and get only; server CPU from /proc, no proxy/storage split)
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --workloads) workloads="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --listing-objects) listing_objects="$2"; shift 2 ;;
    --listing-fill) listing_fill="$2"; shift 2 ;;
    --get-pool) get_pool="$2"; shift 2 ;;
    --server-warmup) server_warmup="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --max-minutes) max_minutes="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --targets) targets="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --p99-rate) p99_rate="$2"; shift 2 ;;
    --bench-arg) extra+=("$2"); shift 2 ;;
    --swift-object-setting) swift_object_settings+=("$2"); shift 2 ;;
    --client) client="$2"; shift 2 ;;
    --s3-payload) s3_payload="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "compare.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

log() { echo "compare: $*" >&2; }
die() { echo "compare: ERROR: $*" >&2; exit 1; }
case "$client" in
  cairn-bench) ;;
  wrk)
    command -v wrk >/dev/null || die "--client wrk needs Debian's wrk (apt-get install wrk)"
    case ",$workloads," in *,list,*|*,mixed,*|*,s3-*) die "--client wrk runs 4k-, 1m- and 64m- put/get only" ;; esac
    [ -z "$p99_rate" ] || die "--p99-rate needs --client cairn-bench (wrk has no fixed-rate mode)" ;;
  *) die "--client must be cairn-bench or wrk, got '$client'" ;;
esac
case "$listing_fill" in db|api) ;; *) die "--listing-fill must be db or api, got '$listing_fill'" ;; esac
case "$s3_payload" in signed|unsigned) ;; *) die "--s3-payload must be signed or unsigned, got '$s3_payload'" ;; esac
[[ "$listing_objects" =~ ^[1-9][0-9]*$ ]] || die "--listing-objects must be a whole number >= 1"
for setting in "${swift_object_settings[@]}"; do
  [[ "$setting" =~ ^[a-z_]+=.+$ ]] || die "--swift-object-setting must be KEY=VALUE, got '$setting'"
done
listing_container="listing-$listing_objects"
if [ -n "$p99_rate" ]; then
  [[ "$p99_rate" =~ ^[0-9]+([.][0-9]+)?$ ]] && [[ "$p99_rate" =~ [1-9] ]] \
    || die "--p99-rate must be a number of operations per second > 0, got '$p99_rate'"
fi

# --- Swift 2.30.1 and memcached (tempauth keeps its tokens in memcache) -------------------------------------------
if ! "$pyswift" -c 'import swift' 2>/dev/null || ! command -v swift-proxy-server >/dev/null \
    || ! command -v swift-ring-builder >/dev/null || ! command -v memcached >/dev/null; then
  log "installing Debian's Swift and memcached"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y \
    swift swift-proxy swift-object swift-container swift-account python3-swiftclient memcached >&2
fi
swift_version=$("$pyswift" -c 'import swift; print(swift.__version__)')
[ "${swift_version#2.30.1}" != "$swift_version" ] || log "WARNING: Swift is $swift_version, not 2.30.1"

# --- build (only when a jar is missing or older than a source) -----------------------------------------------------
bench_jar="$root/bench/target/cairn-bench.jar"
stale() {
  [ -f "$1" ] || return 0
  [ -n "$(find "$root" -path "$root/.git" -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$1" -print -quit)" ]
}
want() { case ",$targets," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
want cairn || want swift || die "--targets must name cairn and/or swift"
if stale "$bench_jar" || { want cairn && stale "$root/cli/target/cairn.jar"; }; then
  log "building cli and bench (mvn package, tests skipped)"
  (cd "$root" && mvn -B -q -DskipTests package -pl cli,bench -am >&2) || die "build failed"
fi

# --- temp dir, cleanup, free ports, the Swift and Cairn SAIOs (bench/saio-lib.sh) ----------------------------------
# S3 workloads: Swift's proxy gets s3api before tempauth (its auth_pipeline_check wants it there; s3api hands the
# signature to tempauth, which checks it with the user's key). Only then, so the Swift API runs keep the pipeline of
# the earlier figures. Cairn's SAIO has s3api in its pipeline always (proxy/README.md, S3 API).
case ",$workloads," in
  *,s3-*)
    swift_pipeline="catch_errors gatekeeper healthcheck proxy-logging cache s3api tempauth proxy-logging proxy-server"
    swift_extra_conf=$'\n[filter:s3api]\nuse = egg:swift#s3api\n' ;;
esac
# shellcheck source=bench/saio-lib.sh
. "$root/bench/saio-lib.sh"

log "temp dir $tmp; setting up Swift $swift_version and Cairn SAIOs ($cores cores)"
if want swift; then
  setup_swift
  start_swift
  log "swift proxy :$swift_proxy_port (pids ${swift_pids[*]})"
fi
if want cairn; then
  start_cairn
  log "cairn :$cairn_port (pid $cairn_pid)"
fi

# --- runs, interleaved --------------------------------------------------------------------------------------------
mkdir -p "$tmp/results"
started=$SECONDS
skipped=()
run_one() { # workload target round [rate]
  local wl=$1 target=$2 round=$3 rate=${4:-} port server_pids proxy args=() name
  # the proxy's CPU apart: Cairn's proxy is the SAIO JVM's proxy-* threads (proxy-accept-*, proxy-io-*), Swift's the
  # proxy-server process and its workers
  if [ "$target" = cairn ]; then port=$cairn_port; server_pids=$cairn_pid; proxy=(--proxy-threads proxy-)
  else port=$swift_proxy_port; server_pids=$(IFS=,; echo "${swift_pids[*]}"); proxy=(--proxy-pids "$swift_proxy_pid"); fi
  name="$wl-$target-$round"
  [ -z "$rate" ] || name="$wl-rate$rate-$target-$round"
  args=(--workload "$wl" --label "$target" --duration "${duration}s" --warmup "${warmup}s"
        --auth-url "http://127.0.0.1:$port/auth/v1.0" --user test:tester --key testing
        --server-pids "$server_pids" "${proxy[@]}" --clock-ticks "$(getconf CLK_TCK)"
        --json "$tmp/results/$name.json")
  [ -z "$rate" ] || args+=(--rate "$rate")
  case "$wl" in
    list)
      if [ "$listing_fill" = db ]; then args+=(--list-container "$listing_container" --list-objects "$listing_objects")
      else args+=(--prefill "$listing_objects"); fi ;;
    4k-get|s3-4k-get|mixed) args+=(--prefill "$get_pool") ;;
  esac
  case "$wl" in s3-*) args+=(--s3-payload "$s3_payload") ;; esac
  [ -z "$concurrency" ] || args+=(--concurrency "$concurrency")
  log "run: $wl against $target (round $round${rate:+, offered $rate ops/s}; client $client)"
  if [ "$client" = wrk ]; then
    /usr/bin/python3 "$root/bench/wrk-run.py" --workload "$wl" --label "$target" --duration "$duration" \
      --warmup "$warmup" --auth-url "http://127.0.0.1:$port/auth/v1.0" --server-pids "$server_pids" \
      --clock-ticks "$(getconf CLK_TCK)" ${concurrency:+--concurrency "$concurrency"} \
      --json "$tmp/results/$name.json" | tee "$tmp/results/$name.txt"
  else
    java -jar "$bench_jar" "${args[@]}" "${extra[@]}" | tee "$tmp/results/$name.txt"
  fi
  if [ "$wl" = 64m-put ] || [ "$wl" = s3-64m-put ]; then drop_large_bodies "$target"; fi
}

# A 64 MiB PUT run writes tens of GB (3 replicas); kept, the second round of either server ran out of disk (503s
# from every node). The bodies go after each run, straight from the devices (the listings keep their rows; no later
# workload reads these objects), so every run starts with the same free space.
drop_large_bodies() { # target
  local devices
  if [ "$1" = cairn ]; then devices=("$tmp/cairn/data/srv/node"*); else devices=("$tmp/swift/srv/node"*); fi
  find "${devices[@]}" -name '*.data' -size +1M -delete
  log "dropped the 64 MiB bodies from $1's devices; $(df -h --output=avail "$tmp" | tail -1 | tr -d ' ') free"
}

# --- the listing container, filled in its DBs (--listing-fill db) -------------------------------------------------
# The container is created through the API (so every replica's DB and the account exist), then
# bench/fill-container.py merges the same rows into each replica's DB with Swift's ContainerBroker: both servers
# list identical rows from identical schemas. The tool then reads the count and pages back through the API.
fill_listing() { # target
  local port swift_dir swift_conf devices auth storage_url token status before
  if [ "$1" = cairn ]; then
    port=$cairn_port; swift_dir="$tmp/cairn/data/etc"; swift_conf="$swift_dir/swift.conf"
    devices=("$tmp/cairn/data/srv/node"*)
  else
    # Swift's servers take the hash prefix/suffix from swift.common.utils.SWIFT_CONF_FILE (/etc/swift/swift.conf),
    # not from swift_dir: the temp swift.conf above does not decide where their DBs are
    port=$swift_proxy_port; swift_dir="$tmp/swift/etc"
    swift_conf=$("$pyswift" -c 'from swift.common import utils; print(utils.SWIFT_CONF_FILE)')
    devices=("$tmp/swift/srv/node"*)
  fi
  auth=$(curl -sf -D - -o /dev/null -H 'X-Auth-User: test:tester' -H 'X-Auth-Key: testing' \
    "http://127.0.0.1:$port/auth/v1.0" | tr -d '\r') || die "$1: login for the listing fill failed"
  storage_url=$(sed -n 's/^[Xx]-[Ss]torage-[Uu]rl: //p' <<< "$auth")
  token=$(sed -n 's/^[Xx]-[Aa]uth-[Tt]oken: //p' <<< "$auth")
  [ -n "$storage_url" ] && [ -n "$token" ] || die "$1: login gave no X-Storage-Url/X-Auth-Token"
  status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "X-Auth-Token: $token" -H 'Content-Length: 0' \
    "$storage_url/$listing_container")
  [ "$status" = 201 ] || [ "$status" = 202 ] || die "$1: PUT $storage_url/$listing_container answered $status"
  # read once before the fill, so a server that cached the (empty) container's count would show it after the fill
  before=$(curl -sf -I -H "X-Auth-Token: $token" "$storage_url/$listing_container" | tr -d '\r' \
    | sed -n 's/^[Xx]-[Cc]ontainer-[Oo]bject-[Cc]ount: //p') || before=""
  log "listing fill: $listing_objects rows into $1's $listing_container (every replica's DB; count before: ${before:-?})"
  "$pyswift" "$root/bench/fill-container.py" --swift-dir "$swift_dir" --swift-conf "$swift_conf" \
    --devices "${devices[@]}" \
    --account "${storage_url##*/}" --container "$listing_container" --objects "$listing_objects" \
    --verify-url "$storage_url" --verify-token "$token" >&2 || die "$1: filling the listing container failed"
}
case ",$workloads," in
  *,list,*)
    if [ "$listing_fill" = db ]; then
      for target in cairn swift; do
        if want "$target"; then fill_listing "$target"; fi
      done
    fi ;;
esac

if [ "$server_warmup" -gt 0 ]; then
  mkdir -p "$tmp/server-warmup"
  for target in cairn swift; do
    want "$target" || continue
    if [ "$target" = cairn ]; then port=$cairn_port; else port=$swift_proxy_port; fi
    log "server warm-up: mixed workload against $target for ${server_warmup} s (not reported)"
    java -jar "$bench_jar" --workload mixed --label "$target" --prefill 100 --warmup 0s --duration "${server_warmup}s" \
      --auth-url "http://127.0.0.1:$port/auth/v1.0" --progress 0 --json "$tmp/server-warmup/$target.json" \
      > "$tmp/server-warmup/$target.txt"
  done
fi

run_rounds() { # workload [rate]: A B A B, each run skipped once the time bound is reached
  local wl=$1 rate=${2:-} round target
  for round in $(seq 1 "$rounds"); do
    for target in cairn swift; do
      want "$target" || continue
      if [ $((SECONDS - started)) -ge $((max_minutes * 60)) ]; then
        skipped+=("$wl${rate:+@$rate}/$target/$round")
        continue
      fi
      run_one "$wl" "$target" "$round" "$rate"
    done
  done
}
IFS=, read -r -a wl_list <<< "$workloads"
for wl in "${wl_list[@]}"; do
  run_rounds "$wl"
done
# equal offered load: both servers get the same schedule, so their p99s compare at the same throughput
if [ -n "$p99_rate" ]; then
  for wl in 4k-put 4k-get; do
    run_rounds "$wl" "$p99_rate"
  done
fi
[ ${#skipped[@]} -eq 0 ] || log "WARNING: time bound of $max_minutes min reached; skipped: ${skipped[*]}"

# --- comparison ---------------------------------------------------------------------------------------------------
mkdir -p "$root/bench/results"
[ -n "$out" ] || out="$root/bench/results/compare-$(date -u +%Y%m%dT%H%M%SZ).json"
machine="$(uname -srm); $cores cores; $(uptime | sed 's/.*load average/load average/')"
java_version=$(java -version 2>&1 | head -1)
"$pyswift" "$root/bench/compare_report.py" "$tmp/results" "$out" "$machine" "$java_version" "$swift_version" \
  "$listing_objects" "${skipped[*]:-}" "$listing_fill" "$p99_rate"
log "JSON written to $out"
