package io.cairn.bench.run;

import io.cairn.bench.report.CpuGroup;
import io.cairn.bench.report.ServerCpu;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Samples the CPU ticks of the server processes — the given PIDs and all their live descendants (Swift's proxy forks
 * workers; each server may fork more), found by reading every {@code /proc/<pid>/stat} and walking parent links — and
 * turns two samples into a {@link ServerCpu}.
 *
 * <p>The proxy is told apart in two ways. {@code proxyPids}: their process trees are the proxy, the other server
 * processes are storage (Swift: separate processes). A {@link ThreadClassifier}: every thread of the other processes
 * is read from {@code /proc/<pid>/task/<tid>/stat} (utime+stime, fields 14–15) and grouped by its name from {@code
 * /proc/<pid>/task/<tid>/comm} (Cairn: one JVM). A thread that started inside the window counts with all its ticks; one
 * that ended inside the window cannot be read at the end, so its ticks since the start show only in its process's
 * total and land in {@link CpuGroup#UNATTRIBUTED} (the process total minus its live threads), which keeps the groups
 * summing to the total. A process that ended between samples loses its ticks unless its parent reaped it (then they
 * show in the parent's cutime/cstime): compare.sh keeps the servers running across the window. A thread or process
 * whose {@code /proc} entry vanishes between listing and reading is skipped. Immutable and thread-safe.
 */
public final class ProcessCpuSampler {
    private final Path procRoot;
    private final List<Long> rootPids;
    private final List<Long> proxyPids;
    private final @Nullable ThreadClassifier threads;
    private final long ticksPerSecond;

    /** Total CPU only: {@link #ProcessCpuSampler(Path, List, List, ThreadClassifier, long)} without a proxy. */
    public ProcessCpuSampler(Path procRoot, List<Long> rootPids, long ticksPerSecond) {
        this(procRoot, rootPids, List.of(), null, ticksPerSecond);
    }

    /**
     * @param procRoot {@code /proc} (a directory of {@code <pid>/stat} and {@code <pid>/task/<tid>/{stat,comm}}
     *     files in tests)
     * @param rootPids the server PIDs
     * @param proxyPids the proxy PIDs (their trees count to the total even when not under {@code rootPids})
     * @param threads groups the threads of the non-proxy processes by name, or null to account per process
     * @param ticksPerSecond {@code getconf CLK_TCK} (100 on Linux)
     */
    public ProcessCpuSampler(
            Path procRoot,
            List<Long> rootPids,
            List<Long> proxyPids,
            @Nullable ThreadClassifier threads,
            long ticksPerSecond) {
        if ((rootPids.isEmpty() && proxyPids.isEmpty()) || ticksPerSecond <= 0) {
            throw new IllegalArgumentException("need at least one PID and a positive tick rate");
        }
        this.procRoot = procRoot;
        this.rootPids = List.copyOf(rootPids);
        this.proxyPids = List.copyOf(proxyPids);
        this.threads = threads;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** The server PIDs whose trees are summed. */
    public List<Long> rootPids() {
        return rootPids;
    }

    /** The CPU of one thread at one sample. */
    record ThreadTicks(String name, long ticks) {}

    /** The CPU of one process at one sample, and of its threads when those were read. */
    record ProcessTicks(boolean proxy, long ticks, Map<Long, ThreadTicks> threads) {}

    /** One sample: ticks per server process (and per thread). Immutable. */
    public static final class Snapshot {
        private final Map<Long, ProcessTicks> processes;
        private final long ticksPerSecond;

        Snapshot(Map<Long, ProcessTicks> processes, long ticksPerSecond) {
            this.processes = Map.copyOf(processes);
            this.ticksPerSecond = ticksPerSecond;
        }

        /** How many processes the sample covered. */
        public int processes() {
            return processes.size();
        }

        /** How many threads were read one by one. */
        public int threads() {
            int n = 0;
            for (ProcessTicks p : processes.values()) {
                n += p.threads().size();
            }
            return n;
        }

        /** Total CPU seconds the processes had used up to the sample. */
        public double cpuSeconds() {
            long ticks = 0;
            for (ProcessTicks p : processes.values()) {
                ticks += p.ticks();
            }
            return (double) ticks / ticksPerSecond;
        }
    }

    /**
     * Reads the trees now.
     *
     * @throws IOException when {@code /proc} cannot be listed or a given PID does not exist
     */
    public Snapshot sample() throws IOException {
        Map<Long, ProcStat> all = readAll();
        Set<Long> proxyTree = tree(all, proxyPids);
        Set<Long> roots = new LinkedHashSet<>(rootPids);
        roots.addAll(proxyPids);
        Map<Long, ProcessTicks> processes = new HashMap<>();
        for (long pid : tree(all, roots)) {
            ProcStat s = all.get(pid);
            if (s == null) {
                continue;
            }
            boolean proxy = proxyTree.contains(pid);
            Map<Long, ThreadTicks> byTid = proxy || threads == null ? Map.of() : readThreads(pid);
            processes.put(pid, new ProcessTicks(proxy, s.cpuTicks(), byTid));
        }
        return new Snapshot(processes, ticksPerSecond);
    }

    /** The CPU used between two samples of this sampler, split into groups when a proxy was named. */
    public ServerCpu between(Snapshot start, Snapshot end) {
        Map<CpuGroup, Long> ticks = new EnumMap<>(CpuGroup.class);
        long total = 0;
        for (Map.Entry<Long, ProcessTicks> e : end.processes.entrySet()) {
            ProcessTicks now = e.getValue();
            ProcessTicks before = start.processes.get(e.getKey());
            long delta = since(before == null ? -1 : before.ticks(), now.ticks());
            total += delta;
            if (now.proxy()) {
                ticks.merge(CpuGroup.PROXY, delta, Long::sum);
            } else if (threads == null) {
                ticks.merge(CpuGroup.STORAGE, delta, Long::sum);
            } else {
                long attributed = 0;
                for (Map.Entry<Long, ThreadTicks> t : now.threads().entrySet()) {
                    ThreadTicks was = before == null ? null : before.threads().get(t.getKey());
                    long d = since(was == null ? -1 : was.ticks(), t.getValue().ticks());
                    ticks.merge(threads.classify(t.getValue().name()), d, Long::sum);
                    attributed += d;
                }
                ticks.merge(CpuGroup.UNATTRIBUTED, delta - attributed, Long::sum);
            }
        }
        Map<CpuGroup, Double> seconds = new EnumMap<>(CpuGroup.class);
        if (!proxyPids.isEmpty() || threads != null) {
            seconds.put(CpuGroup.PROXY, 0.0); // always present, even when idle
            for (Map.Entry<CpuGroup, Long> e : ticks.entrySet()) {
                seconds.put(e.getKey(), (double) e.getValue() / ticksPerSecond);
            }
        }
        return new ServerCpu(
                rootPids,
                end.processes(),
                (double) total / ticksPerSecond,
                proxyPids,
                threads == null ? List.of() : threads.proxyPrefixes(),
                end.threads(),
                seconds);
    }

    /**
     * Ticks used since {@code before} ({@code -1}: not there at the start, so all of {@code now} falls in the window;
     * a count that went down means the id was reused by a new process or thread, which also started in the window).
     */
    private static long since(long before, long now) {
        return before < 0 || now < before ? now : now - before;
    }

    private Set<Long> tree(Map<Long, ProcStat> all, Collection<Long> roots) throws IOException {
        Map<Long, List<Long>> children = new HashMap<>();
        for (ProcStat s : all.values()) {
            children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s.pid());
        }
        Set<Long> seen = new LinkedHashSet<>();
        ArrayDeque<Long> todo = new ArrayDeque<>();
        for (long pid : roots) {
            if (!all.containsKey(pid)) {
                throw new IOException(
                        "server process " + pid + " is not running (no " + procRoot.resolve(pid + "/stat") + ")");
            }
            todo.add(pid);
        }
        while (!todo.isEmpty()) {
            long pid = todo.poll();
            if (seen.add(pid)) {
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return seen;
    }

    private Map<Long, ProcStat> readAll() throws IOException {
        Map<Long, ProcStat> all = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(procRoot, "[0-9]*")) {
            for (Path dir : dirs) {
                String line = readIfPresent(dir, "stat");
                if (line != null) {
                    ProcStat s = ProcStat.parse(line);
                    all.put(s.pid(), s);
                }
            }
        }
        return all;
    }

    /** The live threads of {@code pid} by thread id; empty when the process is gone. */
    private Map<Long, ThreadTicks> readThreads(long pid) throws IOException {
        Map<Long, ThreadTicks> byTid = new HashMap<>();
        Path tasks = procRoot.resolve(Long.toString(pid)).resolve("task");
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(tasks, "[0-9]*")) {
            listing.forEach(dirs::add);
        } catch (NoSuchFileException e) {
            return byTid; // the process ended after /proc was listed
        }
        for (Path dir : dirs) {
            String line = readIfPresent(dir, "stat");
            if (line == null) {
                continue; // the thread ended between the listing and the read
            }
            ProcStat s = ProcStat.parse(line);
            String comm = readIfPresent(dir, "comm");
            // comm and the name in stat are the same kernel field; stat's serves when the thread ended in between
            String name = comm == null ? s.comm() : comm.strip();
            byTid.put(s.pid(), new ThreadTicks(name, s.ownTicks()));
        }
        return byTid;
    }

    /**
     * The text of {@code dir/file}, or null when the process or thread behind {@code dir} is gone: opening a vanished
     * entry fails with ENOENT, and reading one that vanished after the open fails with ESRCH ("No such process"), so
     * any read failure after which {@code dir} no longer exists counts as vanished.
     */
    private static @Nullable String readIfPresent(Path dir, String file) throws IOException {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (!Files.exists(dir)) {
                return null;
            }
            throw e;
        }
    }
}
