package io.cairn.bench.report;

import java.util.List;

/**
 * CPU time the server processes (the given PIDs and all their descendants) used during the measured window, from
 * {@code /proc/<pid>/stat} utime+stime (and cutime+cstime of reaped children). Immutable.
 *
 * @param pids the PIDs given (descendants are found at each sample)
 * @param processes how many processes the end sample covered
 * @param cpuSeconds user+system seconds used in the window
 */
public record ServerCpu(List<Long> pids, int processes, double cpuSeconds) {
    public ServerCpu {
        pids = List.copyOf(pids);
    }
}
