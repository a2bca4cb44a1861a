package io.cairn.bench.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time the server processes (the given PIDs and all their descendants) used during the measured window, from
 * {@code /proc/<pid>/stat} utime+stime (and cutime+cstime of reaped children), and — when a proxy was named — how it
 * split into {@link CpuGroup}s. Immutable.
 *
 * @param pids the server PIDs given (descendants are found at each sample)
 * @param processes how many processes the end sample covered
 * @param cpuSeconds user+system seconds used in the window
 * @param proxyPids the proxy PIDs given ({@code --proxy-pids}; their trees are the proxy group)
 * @param proxyThreadPrefixes the proxy thread-name prefixes given ({@code --proxy-threads}); non-empty means the
 *     other processes were accounted per thread
 * @param threads how many threads the end sample read per thread (0 without per-thread accounting)
 * @param groupSeconds seconds per group, summing to {@code cpuSeconds}; empty when no proxy was named
 */
public record ServerCpu(
        List<Long> pids,
        int processes,
        double cpuSeconds,
        List<Long> proxyPids,
        List<String> proxyThreadPrefixes,
        int threads,
        Map<CpuGroup, Double> groupSeconds) {
    public ServerCpu {
        pids = List.copyOf(pids);
        proxyPids = List.copyOf(proxyPids);
        proxyThreadPrefixes = List.copyOf(proxyThreadPrefixes);
        groupSeconds = groupSeconds.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(groupSeconds));
    }

    /** Total CPU only, no proxy split. */
    public ServerCpu(List<Long> pids, int processes, double cpuSeconds) {
        this(pids, processes, cpuSeconds, List.of(), List.of(), 0, Map.of());
    }

    /** Whether the proxy's CPU was told apart (a proxy PID or thread prefix was given). */
    public boolean splitsProxy() {
        return !groupSeconds.isEmpty();
    }

    /** The proxy group's seconds (0 without a split). */
    public double proxyCpuSeconds() {
        return groupSeconds.getOrDefault(CpuGroup.PROXY, 0.0);
    }
}
