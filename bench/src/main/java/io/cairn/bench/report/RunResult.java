package io.cairn.bench.report;

import io.cairn.bench.workload.Operation;
import io.cairn.bench.workload.WorkloadSpec;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Everything one measured run produced. Immutable once built (the maps are copies; the stats objects must not be
 * touched after the run).
 *
 * @param label which server this was ({@code cairn}, {@code swift})
 * @param spec the workload
 * @param started wall-clock start of the measured window
 * @param elapsedNanos length of the measured window (from its start until the last measured operation finished)
 * @param byOperation stats per operation type that ran
 * @param errorsByStatus failures by {@code "<OP> <status>"} or {@code "<OP> io:<reason>"}
 * @param serverCpu CPU the servers used in the window, or null when no PIDs were given
 * @param clientCpuSeconds CPU the load generator's own process used in the window (all its threads), NaN if unknown
 * @param prefillDone objects the prefill phase created (compare with {@link WorkloadSpec#prefill})
 * @param prefillErrors failed prefill PUTs
 * @param rate what an open-loop run offered and achieved, or null for a closed loop (whose latencies are service
 *     times at the offered concurrency; an open loop's count from each request's intended start)
 */
public record RunResult(
        String label,
        WorkloadSpec spec,
        Instant started,
        long elapsedNanos,
        Map<Operation, OperationStats> byOperation,
        Map<String, Long> errorsByStatus,
        @Nullable ServerCpu serverCpu,
        double clientCpuSeconds,
        long prefillDone,
        long prefillErrors,
        @Nullable RateStats rate) {
    public RunResult {
        byOperation = new EnumMap<>(byOperation);
        errorsByStatus = new TreeMap<>(errorsByStatus);
    }

    /** All operations together. */
    public OperationStats total() {
        OperationStats total = new OperationStats(null);
        for (OperationStats s : byOperation.values()) {
            total.add(s);
        }
        return total;
    }

    /** Measured seconds. */
    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    /** Successful operations per second of {@code stats}. */
    public double opsPerSecond(OperationStats stats) {
        return elapsedNanos <= 0 ? 0 : stats.successes() / elapsedSeconds();
    }

    /** Body megabytes (10^6 bytes) per second of {@code stats}. */
    public double megabytesPerSecond(OperationStats stats) {
        return elapsedNanos <= 0 ? 0 : stats.bytes() / 1e6 / elapsedSeconds();
    }

    /** Total failed operations. */
    public long errors() {
        long n = 0;
        for (long v : errorsByStatus.values()) {
            n += v;
        }
        return n;
    }

    /** Whether the prefill phase fell short of what the workload asked for. */
    public boolean prefillShort() {
        return prefillDone < spec.prefill();
    }

    /** Server CPU milliseconds per successful operation, or NaN without PIDs or operations. */
    public double serverCpuMillisPerOp() {
        ServerCpu cpu = serverCpu;
        long ops = total().successes();
        return cpu == null || ops == 0 ? Double.NaN : cpu.cpuSeconds() * 1000 / ops;
    }

    /** The load generator's CPU milliseconds per successful operation, or NaN when unknown or without operations. */
    public double clientCpuMillisPerOp() {
        long ops = total().successes();
        return ops == 0 ? Double.NaN : clientCpuSeconds * 1000 / ops;
    }

    /** CPU milliseconds of {@code group} per successful operation, or NaN without a proxy split or operations. */
    public double groupCpuMillisPerOp(CpuGroup group) {
        ServerCpu cpu = serverCpu;
        long ops = total().successes();
        return cpu == null || !cpu.splitsProxy() || ops == 0
                ? Double.NaN
                : cpu.groupSeconds().getOrDefault(group, 0.0) * 1000 / ops;
    }

    /** Proxy CPU milliseconds per successful operation, or NaN without a proxy split or operations. */
    public double proxyCpuMillisPerOp() {
        return groupCpuMillisPerOp(CpuGroup.PROXY);
    }

    /**
     * Body megabytes (10^6 bytes, both directions) moved per second of proxy CPU — the throughput one fully busy proxy
     * core would carry at this cost — or NaN without a proxy split or proxy CPU.
     */
    public double proxyMegabytesPerSecondPerCore() {
        ServerCpu cpu = serverCpu;
        return cpu == null || !cpu.splitsProxy() || cpu.proxyCpuSeconds() <= 0
                ? Double.NaN
                : total().bytes() / 1e6 / cpu.proxyCpuSeconds();
    }
}
