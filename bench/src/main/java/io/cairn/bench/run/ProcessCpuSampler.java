package io.cairn.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sums the CPU ticks of a set of processes and all their live descendants (Swift's proxy forks workers; each server may
 * fork more) by reading every {@code /proc/<pid>/stat} once per sample and walking parent links. A process that ended
 * between samples loses its own ticks unless its parent reaped it (then they show in the parent's cutime/cstime):
 * compare.sh keeps the servers running across the window, so this does not arise there. Immutable and thread-safe.
 */
public final class ProcessCpuSampler {
    private final Path procRoot;
    private final List<Long> rootPids;
    private final long ticksPerSecond;

    /**
     * @param procRoot {@code /proc} (a directory of {@code <pid>/stat} files in tests)
     * @param rootPids the server PIDs
     * @param ticksPerSecond {@code getconf CLK_TCK} (100 on Linux)
     */
    public ProcessCpuSampler(Path procRoot, List<Long> rootPids, long ticksPerSecond) {
        if (rootPids.isEmpty() || ticksPerSecond <= 0) {
            throw new IllegalArgumentException("need at least one PID and a positive tick rate");
        }
        this.procRoot = procRoot;
        this.rootPids = List.copyOf(rootPids);
        this.ticksPerSecond = ticksPerSecond;
    }

    /** The PIDs whose trees are summed. */
    public List<Long> rootPids() {
        return rootPids;
    }

    /** One sample: total CPU seconds and the number of processes it covered. */
    public record Sample(double cpuSeconds, int processes) {}

    /**
     * Reads the tree now.
     *
     * @throws IOException when {@code /proc} cannot be listed or a root PID does not exist
     */
    public Sample sample() throws IOException {
        Map<Long, ProcStat> all = readAll();
        Map<Long, List<Long>> children = new HashMap<>();
        for (ProcStat s : all.values()) {
            children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s.pid());
        }
        Set<Long> seen = new HashSet<>();
        ArrayDeque<Long> todo = new ArrayDeque<>();
        for (long pid : rootPids) {
            if (!all.containsKey(pid)) {
                throw new IOException(
                        "server process " + pid + " is not running (no " + procRoot.resolve(pid + "/stat") + ")");
            }
            todo.add(pid);
        }
        long ticks = 0;
        while (!todo.isEmpty()) {
            long pid = todo.poll();
            ProcStat s = all.get(pid);
            if (s == null || !seen.add(pid)) {
                continue;
            }
            ticks += s.cpuTicks();
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return new Sample((double) ticks / ticksPerSecond, seen.size());
    }

    private Map<Long, ProcStat> readAll() throws IOException {
        Map<Long, ProcStat> all = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(procRoot, "[0-9]*")) {
            for (Path dir : dirs) {
                try {
                    ProcStat s = ProcStat.parse(Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8));
                    all.put(s.pid(), s);
                } catch (NoSuchFileException e) {
                    // the process ended while we listed /proc: nothing to count
                }
            }
        }
        return all;
    }
}
