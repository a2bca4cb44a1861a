#!/usr/bin/env bash
# Issue 15's large-object figures: a 1 GiB SLO of 100 MiB segments read whole, against the same bytes as a plain
# object, on Cairn (./cairn saio) and on Swift 2.30.1 (slo in its pipeline) set up in the same shape as compare.sh's
# (bench/saio-lib.sh); then the PUT of a manifest of 1,000 one-byte segments, which the SLO filter validates with
# one HEAD each. GETs are timed with curl to /dev/null, rounds rotate the order of the servers; medians and the
# issue's ratios are printed (bench/slo_bench.py) and the JSON goes to bench/results/slo-<UTC date>.json.
#
#   bench/slo.sh [--segments N] [--segment-mib M] [--rounds R (GETs, 9)] [--put-rounds P (5)] [--manifest-segments K] [--keep]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pyswift=/usr/bin/python3
keep=0
segments=10
segment_mib=100
rounds=9
put_rounds=5
manifest_segments=1000
swift_object_settings=()
bench_name=cairn-slo-bench
swift_pipeline="catch_errors gatekeeper healthcheck proxy-logging cache tempauth slo proxy-logging proxy-server"
swift_extra_conf=$'\n[filter:slo]\nuse = egg:swift#slo\n'
while [ $# -gt 0 ]; do
  case "$1" in
    --segments) segments="$2"; shift 2 ;;
    --segment-mib) segment_mib="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --put-rounds) put_rounds="$2"; shift 2 ;;
    --manifest-segments) manifest_segments="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "slo.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
log() { echo "slo-bench: $*" >&2; }
die() { echo "slo-bench: ERROR: $*" >&2; exit 1; }

"$pyswift" -c 'import swift.common.middleware.slo' 2>/dev/null || die "Swift 2.30.1 (python3-swift) is missing"
swift_version=$("$pyswift" -c 'import swift; print(swift.__version__)')
jar="$root/cli/target/cairn.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root" -path "$root/.git" -prune -o -path '*/src/main/*' -newer "$jar" -print -quit)" ]; then
  log "building ./cairn's jar (mvn package, tests skipped)"
  (cd "$root" && mvn -o -B -q -DskipTests package -pl cli -am >&2) || die "build failed"
fi
# shellcheck source=bench/saio-lib.sh
. "$root/bench/saio-lib.sh"

log "temp dir $tmp; $segments x $segment_mib MiB segments; setting up Swift $swift_version and Cairn SAIOs"
head -c $((segment_mib * 1024 * 1024)) /dev/urandom > "$tmp/segment"
setup_swift
start_swift
start_cairn
log "swift :$swift_proxy_port, cairn :$cairn_port; $(uptime | sed 's/.*load average/load average/')"
mkdir -p "$root/bench/results"
out="$root/bench/results/slo-$(date -u +%Y%m%dT%H%M%SZ).json"
"$pyswift" "$root/bench/slo_bench.py" --segment-file "$tmp/segment" --segments "$segments" --rounds "$rounds" \
  --put-rounds "$put_rounds" \
  --manifest-segments "$manifest_segments" --json "$out" \
  --target "cairn=http://127.0.0.1:$cairn_port/auth/v1.0" --target "swift=http://127.0.0.1:$swift_proxy_port/auth/v1.0"
log "after: $(uptime | sed 's/.*load average/load average/'); JSON in $out"
