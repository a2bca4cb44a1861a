"""Combines the per-run JSON files of bench/compare.sh into one comparison: prints each server's median over its
rounds and the Cairn/Swift ratios, and writes the combined JSON. Usage (compare.sh calls it):

    compare_report.py RESULTS_DIR OUT_JSON MACHINE JAVA_VERSION SWIFT_VERSION LISTING_OBJECTS SKIPPED [LISTING_FILL
                      [P99_RATE]]

LISTING_FILL is how the listing container was filled: db (bench/fill-container.py, the default) or api. P99_RATE is
compare.sh's --p99-rate (empty: not asked for). Runs whose JSON has a "rate" (cairn-bench --rate, open loop) are not
mixed into the closed-loop table: they form the separate "at equal offered load" section.
"""
import datetime
import glob
import json
import os
import statistics
import sys

TARGETS = ("cairn", "swift")
ORDER = ("4k-put", "4k-get", "1m-put", "1m-get", "64m-put", "64m-get", "list", "mixed",
         "s3-4k-put", "s3-4k-get", "s3-1m-put", "s3-1m-get", "s3-64m-put", "s3-64m-get")
P99_TARGET = 3.0  # issue 7: p99 at equal offered load <= 1/3 of Swift's


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
        # the load generator's own CPU (cairn-bench's process; absent from older JSON and from wrk runs)
        "clientCpuMillisPerOp": median([(r.get("clientCpu") or {}).get("cpuMillisPerOp") for r in runs]),
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


def rate_summary(runs):
    """summary() plus what an open-loop run offered and achieved, over its rounds."""
    s = summary(runs)
    rates = [r["rate"] for r in runs]
    s.update({
        "offeredOpsPerSecond": median([x["offeredOpsPerSecond"] for x in rates]),
        "achievedOpsPerSecond": median([x["achievedOpsPerSecond"] for x in rates]),
        "lateStarts": sum(x["lateStarts"] for x in rates),
        "notStarted": sum(x["notStarted"] for x in rates),
        "keptUp": all(x["keptUp"] for x in rates),
        "achievedByRound": [x["achievedOpsPerSecond"] for x in rates],
    })
    return s


def equal_load_section(rate_runs, p99_rate):
    """Prints the "at equal offered load" section and returns its JSON (None when --p99-rate was not given)."""
    if not rate_runs and not p99_rate:
        return None
    section = {"offeredOpsPerSecond": float(p99_rate) if p99_rate else None, "p99Target": P99_TARGET,
               "workloads": {}}
    print()
    print(f"at equal offered load: {p99_rate or '?'} ops/s offered to each server (open loop, cairn-bench --rate;"
          " latency from each request's intended start, so queueing counts)")
    if not rate_runs:
        print("  no runs (all skipped by the time bound)")
        section["allKeptUp"] = None
        return section
    # late: measured requests that started after their intended time because their connection was still busy (sum
    # over the rounds)
    header = (f"{'workload':<10} {'server':<6} {'offered':>8} {'achieved':>9} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'p99.9 ms':>9} {'late':>6} {'errors':>6}")
    print(header)
    print("-" * len(header))
    names = [w for w in ORDER if w in rate_runs] + sorted(w for w in rate_runs if w not in ORDER)
    warnings = []
    ratio_lines = []
    for w in names:
        entry = {}
        for t in TARGETS:
            if t not in rate_runs[w]:
                continue
            s = rate_summary(rate_runs[w][t])
            entry[t] = {"median": s, "runs": rate_runs[w][t]}
            print(f"{w:<10} {t:<6} {fmt(s['offeredOpsPerSecond']):>8} {fmt(s['achievedOpsPerSecond']):>9} "
                  f"{fmt(s['p50Ms'], 2):>8} {fmt(s['p99Ms'], 2):>8} {fmt(s['p99.9Ms'], 2):>9} "
                  f"{s['lateStarts']:>6} {s['errors']:>6}" + ("" if s["keptUp"] else "  COULD NOT KEEP UP"))
            if not s["keptUp"]:
                warnings.append(f"{t.upper()} COULD NOT KEEP UP with {fmt(s['offeredOpsPerSecond'])} ops/s in {w}"
                                + " (achieved "
                                + ", ".join(fmt(a) for a in s["achievedByRound"]) + " ops/s by round"
                                + (f"; {s['notStarted']} scheduled operations never started" if s["notStarted"] else "")
                                + "): its latencies are mostly queueing")
        if "cairn" in entry and "swift" in entry:
            c, sw = entry["cairn"]["median"], entry["swift"]["median"]
            p99_lower = ratio(sw["p99Ms"], c["p99Ms"])
            both = c["keptUp"] and sw["keptUp"]
            entry["ratios"] = {
                "p50Lower": ratio(sw["p50Ms"], c["p50Ms"]),
                "p99Lower": p99_lower,
                "bothKeptUp": both,
                # only a comparison at the offered load counts for the target
                "meetsP99Target": None if p99_lower is None or not both else p99_lower >= P99_TARGET,
            }
            if not both:
                verdict = "NOT AT EQUAL LOAD (a server could not keep up): no verdict"
            elif p99_lower is None:
                verdict = "-"
            else:
                verdict = ("meets" if p99_lower >= P99_TARGET else "misses") + f" the >= {P99_TARGET:g}x target"
            ratio_lines.append(f"{w:<10} {fmt(c['p99Ms'], 2):>11} {fmt(sw['p99Ms'], 2):>11} "
                               f"{fmt(p99_lower, 2):>9}x  {verdict}")
        section["workloads"][w] = entry
    if ratio_lines:
        print()
        print(f"{'workload':<10} {'cairn p99':>11} {'swift p99':>11} {'p99 lower':>10}"
              "   (Swift's p99 / Cairn's at the same offered rate: > 1 means Cairn is better)")
        for line in ratio_lines:
            print(line)
    section["allKeptUp"] = not warnings
    for line in warnings:
        print(f"!!!!! {line} !!!!!")
    return section


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def fmt(v, digits=1):
    return "-" if v is None else f"{v:.{digits}f}"


def main():
    results_dir, out, machine, java_version, swift_version, listing_objects, skipped = sys.argv[1:8]
    listing_fill = sys.argv[8] if len(sys.argv) > 8 else "db"
    p99_rate = sys.argv[9] if len(sys.argv) > 9 else ""
    runs = {}
    rate_runs = {}  # open-loop runs (--p99-rate): their own section
    for path in sorted(glob.glob(os.path.join(results_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            r = json.load(f)
        into = rate_runs if r.get("rate") else runs
        into.setdefault(r["workload"], {}).setdefault(r["label"], []).append(r)
    names = [w for w in ORDER if w in runs] + sorted(w for w in runs if w not in ORDER)
    clients = sorted({r.get("client", "cairn-bench") for w in runs.values() for t in w.values() for r in t})
    combined = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine,
        "java": java_version,
        "swift": swift_version,
        "listingObjects": int(listing_objects),
        "listingFill": listing_fill,
        "clients": clients,
        "skipped": skipped.split(),
        "workloads": {},
    }
    header = (f"{'workload':<10} {'server':<6} {'ops/s':>9} {'MB/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'p99.9 ms':>9} {'CPU ms/op':>10} {'proxy ms/op':>11} {'MB/s/pcore':>10} {'gen ms/op':>9} {'errors':>6}")
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
                print(f"{w:<10} {t:<6} {fmt(s['opsPerSecond']):>9} {fmt(s['megabytesPerSecond']):>9} "
                      f"{fmt(s['p50Ms'], 2):>8} {fmt(s['p99Ms'], 2):>8} {fmt(s['p99.9Ms'], 2):>9} "
                      f"{fmt(s['cpuMillisPerOp'], 3):>10} {fmt(s['proxyCpuMillisPerOp'], 3):>11} "
                      f"{fmt(s['proxyMegabytesPerSecondPerCore']):>10} {fmt(s['clientCpuMillisPerOp'], 3):>9} "
                      f"{s['errors']:>6}"
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
            ratio_lines.append(f"{w:<10} {fmt(r['throughput'], 2):>10}x {fmt(r['p50Lower'], 2):>9}x "
                               f"{fmt(r['p99Lower'], 2):>9}x {fmt(r['cpuPerOpLower'], 2):>12}x")
        combined["workloads"][w] = entry
    print()
    print(f"{'workload':<10} {'throughput':>11} {'p50 lower':>10} {'p99 lower':>10} {'CPU/op lower':>13}"
          "   (Cairn vs Swift: > 1 means Cairn is better)")
    for line in ratio_lines:
        print(line)
    group_lines = []
    for w in names:
        for t in TARGETS:
            groups = combined["workloads"][w].get(t, {}).get("median", {}).get("cpuGroupsMillisPerOp") or {}
            if groups:
                group_lines.append(f"{w:<10} {t:<6} " + "  ".join(f"{g} {fmt(v, 3)}" for g, v in groups.items()))
    if group_lines:
        print()
        print("server CPU ms/op by group (median; MB/s/pcore = body MB moved per proxy CPU second):")
        for line in group_lines:
            print(line)
    equal_load = equal_load_section(rate_runs, p99_rate)
    combined["atEqualOfferedLoad"] = equal_load
    for w in (equal_load or {}).get("workloads", {}).values():
        any_errors = any_errors or any(w[t]["median"]["errors"] > 0 for t in TARGETS if t in w)
    print()
    how = "rows merged into its DBs" if listing_fill == "db" else "objects PUT through the API"
    print(f"machine: {machine}; {java_version}; Swift {swift_version}; listing container of {listing_objects} objects"
          f" ({how}); load generator: {', '.join(clients) or '-'}")
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
