#!/usr/bin/env bash
# Issue 16's TempURL figures: the GET rate of one 4 KiB object by token and by temporary URL on Cairn (./cairn saio),
# and by temporary URL on Swift 2.30.1 (its proxy with tempurl before tempauth, as Swift's sample pipeline), each
# SAIO of the same shape on this machine (bench/saio-lib.sh, shared with compare.sh), loopback only, driven by wrk
# (closed loop, keep-alive connections). Targets: a TempURL GET costs <= 1.2x a token GET in Cairn (token rate /
# TempURL rate <= 1.2) and Cairn's TempURL GET rate is >= 10x Swift's.
#
#   bench/tempurl.sh [--duration S] [--connections N] [--threads N] [--keep]
#
# Each GET target runs twice, interleaved (token, tempurl, swift, token, tempurl, swift), after a warm-up run of
# each; the best of the two rounds is reported. A run with any non-2xx answer or socket error fails the script.
set -euo pipefail

duration=10
connections=16
threads=2
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "tempurl-bench: unknown argument $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pyswift=/usr/bin/python3
log() { echo "tempurl-bench: $*" >&2; }
die() { echo "tempurl-bench: ERROR: $*" >&2; exit 1; }
command -v wrk >/dev/null || die "wrk is missing (apt-get install wrk)"
"$pyswift" -c 'import swift.common.middleware.tempurl' 2>/dev/null || die "Swift 2.30.1 (python3-swift) is missing"
jar="$root/cli/target/cairn.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root" -path "$root/.git" -prune -o -path '*/src/main/*' -newer "$jar" -print -quit)" ]; then
  log "building ./cairn's jar (mvn package, tests skipped)"
  (cd "$root" && mvn -o -B -q -DskipTests package -pl cli -am >&2) || die "build failed"
fi

swift_object_settings=()
bench_name=cairn-tempurl-bench
swift_pipeline="catch_errors gatekeeper healthcheck proxy-logging cache tempurl tempauth proxy-logging proxy-server"
swift_extra_conf=$'\n[filter:tempurl]\nuse = egg:swift#tempurl\n'
# shellcheck source=bench/saio-lib.sh
. "$root/bench/saio-lib.sh"

log "temp dir $tmp; starting Swift and Cairn SAIOs"
setup_swift
start_swift
start_cairn
key=bench-secret
expires=$(( $(date +%s) + 3600 ))

# login, a container, one 4 KiB object and the account's Temp-URL-Key; prints "token storage-url tempurl-path"
prepare() { # port
  local auth url token path sig
  auth=$(curl -sfS -D - -o /dev/null -H 'X-Auth-User: test:tester' -H 'X-Auth-Key: testing' \
    "http://127.0.0.1:$1/auth/v1.0" | tr -d '\r')
  url=$(sed -n 's/^X-Storage-Url: //Ip' <<< "$auth")
  token=$(sed -n 's/^X-Auth-Token: //Ip' <<< "$auth")
  curl -sfS -o /dev/null -X PUT -H "X-Auth-Token: $token" "$url/bench"
  head -c 4096 /dev/urandom > "$tmp/4k.bin"
  curl -sfS -o /dev/null -X PUT -H "X-Auth-Token: $token" --data-binary "@$tmp/4k.bin" "$url/bench/o4k"
  curl -sfS -o /dev/null -X POST -H "X-Auth-Token: $token" -H "X-Account-Meta-Temp-URL-Key: $key" "$url"
  path="${url#http://127.0.0.1:$1}/bench/o4k"
  # Swift's own get_hmac, sha256 (what `swift tempurl` signs with by default)
  sig=$("$pyswift" -c 'import sys; from swift.common.digest import get_hmac
print(get_hmac("GET", sys.argv[1], int(sys.argv[2]), sys.argv[3], digest="sha256"))' "$path" "$expires" "$key")
  echo "$token $url $path?temp_url_sig=$sig&temp_url_expires=$expires"
}

read -r cairn_token cairn_url cairn_tempurl <<< "$(prepare "$cairn_port")"
read -r _ _ swift_tempurl <<< "$(prepare "$swift_proxy_port")"
# a temporary URL must work before it is measured
for u in "http://127.0.0.1:$cairn_port$cairn_tempurl" "http://127.0.0.1:$swift_proxy_port$swift_tempurl"; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$u")" = 200 ] || die "temporary URL refused: $u"
done

# one wrk run; prints requests/s and the mean latency
run_wrk() { # name seconds url [header]
  local out="$tmp/$1.txt" args=(-t "$threads" -c "$connections" -d "${2}s" --latency)
  [ -z "${4:-}" ] || args+=(-H "$4")
  wrk "${args[@]}" "$3" > "$out" 2>&1 || die "wrk failed: $(cat "$out")"
  if grep -q -e 'Non-2xx' -e 'Socket errors' "$out"; then die "errors in $1: $(cat "$out")"; fi
  awk '/^Requests\/sec:/ {r=$2} /^    Latency/ {l=$2} END {print r, l}' "$out"
}

declare -A best lat
targets=(cairn-token cairn-tempurl swift-tempurl)
measure() { # name seconds
  case "$1" in
    cairn-token) run_wrk "$1-$3" "$2" "$cairn_url/bench/o4k" "X-Auth-Token: $cairn_token" ;;
    cairn-tempurl) run_wrk "$1-$3" "$2" "http://127.0.0.1:$cairn_port$cairn_tempurl" ;;
    swift-tempurl) run_wrk "$1-$3" "$2" "http://127.0.0.1:$swift_proxy_port$swift_tempurl" ;;
  esac
}
for t in "${targets[@]}"; do measure "$t" 3 warmup > /dev/null; done
for round in 1 2; do
  for t in "${targets[@]}"; do
    read -r rate latency <<< "$(measure "$t" "$duration" "$round")"
    log "round $round: $t $rate req/s (mean latency $latency)"
    if [ -z "${best[$t]:-}" ] || awk -v a="$rate" -v b="${best[$t]}" 'BEGIN {exit !(a > b)}'; then
      best[$t]=$rate; lat[$t]=$latency
    fi
  done
done

echo "TempURL GET of one 4 KiB object, wrk -t$threads -c$connections -d${duration}s, best of 2 rounds"
echo "machine: $(uname -srm); $(nproc) cores; $(uptime | sed 's/.*load average/load average/')"
printf '%-16s %12s %12s\n' target 'req/s' 'mean lat'
for t in "${targets[@]}"; do printf '%-16s %12s %12s\n' "$t" "${best[$t]}" "${lat[$t]}"; done
awk -v tok="${best[cairn-token]}" -v tu="${best[cairn-tempurl]}" -v sw="${best[swift-tempurl]}" 'BEGIN {
  printf "cost of a Cairn TempURL GET / token GET: %.3f (target <= 1.2)\n", tok / tu
  printf "Cairn TempURL GET rate / Swift TempURL GET rate: %.2f (target >= 10)\n", tu / sw
}'
