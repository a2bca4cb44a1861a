"""Combines the per-run JSON files of bench/compare.sh into one comparison: prints each server's median over its
rounds and the Cairn/Swift ratios, and writes the combined JSON. Usage (compare.sh calls it):

    compare_report.py RESULTS_DIR OUT_JSON MACHINE JAVA_VERSION SWIFT_VERSION LISTING_OBJECTS SKIPPED [LISTING_FILL]

LISTING_FILL is how the listing container was filled: db (bench/fill-container.py, the default) or api.
"""
import datetime
import glob
import json
import os
import statistics
import sys

TARGETS = ("cairn", "swift")
ORDER = ("4k-put", "4k-get", "1m-put", "1m-get", "64m-put", "64m-get", "list", "mixed")


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summary(runs):
    total = [r["total"] for r in runs]
    return {
        "rounds": len(runs),
        "opsPerSecond": median([t["opsPerSecond"] for t in total]),
        "megabytesPerSecond": median([t["megabytesPerSecond"] for t in total]),
        "p50Ms": median([t["latencyMs"]["p50"] for t in total]),
        "p99Ms": median([t["latencyMs"]["p99"] for t in total]),
        "p99.9Ms": median([t["latencyMs"]["p99.9"] for t in total]),
        "cpuMillisPerOp": median([(r["serverCpu"] or {}).get("cpuMillisPerOp") for r in runs]),
        "proxyCpuMillisPerOp": median([(r["serverCpu"] or {}).get("proxyCpuMillisPerOp") for r in runs]),
        "proxyMegabytesPerSecondPerCore": median(
            [(r["serverCpu"] or {}).get("proxyMegabytesPerSecondPerCore") for r in runs]),
        "cpuGroupsMillisPerOp": group_medians(runs),
        "errors": sum(r["errors"] for r in runs),
        "prefillShort": any(r["prefill"]["done"] < r["prefill"]["requested"] for r in runs),
    }


def group_medians(runs):
    """Median CPU ms/op per group (proxy, storage, jit, gc, other, unattributed) over the runs that split the CPU."""
    names = []
    for r in runs:
        for g in ((r["serverCpu"] or {}).get("groups") or {}):
            if g not in names:
                names.append(g)
    return {g: median([(((r["serverCpu"] or {}).get("groups") or {}).get(g) or {}).get("cpuMillisPerOp")
                       for r in runs]) for g in names}


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def fmt(v, digits=1):
    return "-" if v is None else f"{v:.{digits}f}"


def main():
    results_dir, out, machine, java_version, swift_version, listing_objects, skipped = sys.argv[1:8]
    listing_fill = sys.argv[8] if len(sys.argv) > 8 else "db"
    runs = {}
    for path in sorted(glob.glob(os.path.join(results_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            r = json.load(f)
        runs.setdefault(r["workload"], {}).setdefault(r["label"], []).append(r)
    names = [w for w in ORDER if w in runs] + sorted(w for w in runs if w not in ORDER)
    combined = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine,
        "java": java_version,
        "swift": swift_version,
        "listingObjects": int(listing_objects),
        "listingFill": listing_fill,
        "skipped": skipped.split(),
        "workloads": {},
    }
    header = (f"{'workload':<9} {'server':<6} {'ops/s':>9} {'MB/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'p99.9 ms':>9} {'CPU ms/op':>10} {'proxy ms/op':>11} {'MB/s/pcore':>10} {'errors':>6}")
    print()
    print(header)
    print("-" * len(header))
    any_errors = False
    ratio_lines = []
    for w in names:
        entry = {}
        for t in TARGETS:
            if t in runs[w]:
                s = summary(runs[w][t])
                entry[t] = {"median": s, "runs": runs[w][t]}
                any_errors = any_errors or s["errors"] > 0
                print(f"{w:<9} {t:<6} {fmt(s['opsPerSecond']):>9} {fmt(s['megabytesPerSecond']):>9} "
                      f"{fmt(s['p50Ms'], 2):>8} {fmt(s['p99Ms'], 2):>8} {fmt(s['p99.9Ms'], 2):>9} "
                      f"{fmt(s['cpuMillisPerOp'], 3):>10} {fmt(s['proxyCpuMillisPerOp'], 3):>11} "
                      f"{fmt(s['proxyMegabytesPerSecondPerCore']):>10} {s['errors']:>6}"
                      + ("  PREFILL SHORT" if s["prefillShort"] else ""))
        if "cairn" in entry and "swift" in entry:
            c, s = entry["cairn"]["median"], entry["swift"]["median"]
            r = {
                "throughput": ratio(c["opsPerSecond"], s["opsPerSecond"]),
                "p50Lower": ratio(s["p50Ms"], c["p50Ms"]),
                "p99Lower": ratio(s["p99Ms"], c["p99Ms"]),
                "cpuPerOpLower": ratio(s["cpuMillisPerOp"], c["cpuMillisPerOp"]),
            }
            entry["ratios"] = r
            ratio_lines.append(f"{w:<9} {fmt(r['throughput'], 2):>10}x {fmt(r['p50Lower'], 2):>9}x "
                               f"{fmt(r['p99Lower'], 2):>9}x {fmt(r['cpuPerOpLower'], 2):>12}x")
        combined["workloads"][w] = entry
    print()
    print(f"{'workload':<9} {'throughput':>11} {'p50 lower':>10} {'p99 lower':>10} {'CPU/op lower':>13}"
          "   (Cairn vs Swift: > 1 means Cairn is better)")
    for line in ratio_lines:
        print(line)
    group_lines = []
    for w in names:
        for t in TARGETS:
            groups = combined["workloads"][w].get(t, {}).get("median", {}).get("cpuGroupsMillisPerOp") or {}
            if groups:
                group_lines.append(f"{w:<9} {t:<6} " + "  ".join(f"{g} {fmt(v, 3)}" for g, v in groups.items()))
    if group_lines:
        print()
        print("server CPU ms/op by group (median; MB/s/pcore = body MB moved per proxy CPU second):")
        for line in group_lines:
            print(line)
    print()
    how = "rows merged into its DBs" if listing_fill == "db" else "objects PUT through the API"
    print(f"machine: {machine}; {java_version}; Swift {swift_version}; listing container of {listing_objects} objects"
          f" ({how})")
    if combined["skipped"]:
        print("SKIPPED (time bound): " + " ".join(combined["skipped"]))
    combined["errors"] = any_errors
    if any_errors:
        print("!!!!! SOME RUNS HAD ERRORS: see the errors column and errorsByStatus in the JSON !!!!!")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(combined, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
