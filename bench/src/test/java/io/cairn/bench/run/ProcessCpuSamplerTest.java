package io.cairn.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cairn.bench.report.CpuGroup;
import io.cairn.bench.report.ServerCpu;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuSamplerTest {
    private static final ThreadClassifier CAIRN =
            new ThreadClassifier(List.of("proxy-"), ThreadClassifier.DEFAULT_STORAGE_PREFIXES);

    @TempDir
    Path proc;

    private static String stat(long id, String comm, long ppid, long utime, long stime, long cutime) {
        return id + " (" + comm + ") S " + ppid + " 1 1 0 -1 0 0 0 0 0 " + utime + " " + stime + " " + cutime
                + " 0 20 0 1 0 1\n";
    }

    private void process(long pid, long ppid, long utime, long stime) throws IOException {
        Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(proc.resolve(pid + "/stat"), stat(pid, "p" + pid, ppid, utime, stime, 0));
    }

    /** A thread: its stat (the name in it too) and its comm file. */
    private void thread(long pid, long tid, String name, long ticks) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(pid + "/task/" + tid));
        Files.writeString(dir.resolve("stat"), stat(tid, name, 1, ticks, 0, 99)); // cutime: process-wide, not counted
        Files.writeString(dir.resolve("comm"), name + "\n");
    }

    private static double group(ServerCpu cpu, CpuGroup g) {
        return cpu.groupSeconds().getOrDefault(g, 0.0);
    }

    @Test
    void shouldSumTheTreesOfTheGivenPidsWhenSampling() throws IOException {
        process(1, 0, 1000, 1000); // init: not ours
        process(10, 1, 100, 50); // proxy master
        process(11, 10, 200, 100); // proxy worker
        process(12, 10, 300, 0); // proxy worker
        process(13, 12, 40, 10); // grandchild
        process(20, 1, 5, 5); // object server
        process(30, 1, 999, 999); // unrelated
        Files.createDirectories(proc.resolve("self")); // non-numeric entries are ignored
        ProcessCpuSampler sampler = new ProcessCpuSampler(proc, List.of(10L, 20L), 100);
        ProcessCpuSampler.Snapshot s = sampler.sample();
        assertThat(s.processes()).isEqualTo(5);
        assertThat(s.threads()).isZero();
        assertThat(s.cpuSeconds()).isEqualTo((150 + 300 + 300 + 50 + 10) / 100.0);
    }

    @Test
    void shouldSplitProxyTreesFromTheRestWhenProxyPidsAreGiven() throws IOException {
        process(10, 1, 100, 0); // swift-proxy-server parent
        process(11, 10, 200, 0); // its worker
        process(20, 1, 50, 0); // object server
        process(21, 20, 60, 0); // its worker
        process(30, 1, 10, 0); // memcached
        ProcessCpuSampler sampler = new ProcessCpuSampler(proc, List.of(10L, 20L, 30L), List.of(10L), null, 100);
        ProcessCpuSampler.Snapshot start = sampler.sample();
        process(11, 10, 500, 20); // the worker used 3.2 s
        process(21, 20, 160, 0); // 1 s
        process(30, 1, 15, 5); // 0.1 s
        process(12, 10, 40, 0); // a worker forked in the window: all 0.4 s of it
        ServerCpu cpu = sampler.between(start, sampler.sample());
        assertThat(cpu.processes()).isEqualTo(6);
        assertThat(cpu.pids()).containsExactly(10L, 20L, 30L);
        assertThat(cpu.proxyPids()).containsExactly(10L);
        assertThat(cpu.splitsProxy()).isTrue();
        assertThat(cpu.cpuSeconds()).isCloseTo(4.7, within(1e-9));
        assertThat(cpu.proxyCpuSeconds()).isCloseTo(3.6, within(1e-9));
        assertThat(group(cpu, CpuGroup.STORAGE)).isCloseTo(1.1, within(1e-9));
        assertThat(cpu.groupSeconds().keySet()).containsExactly(CpuGroup.PROXY, CpuGroup.STORAGE);
    }

    @Test
    void shouldGroupThreadsByNameAndKeepEndedThreadsUnattributedWhenAccountingPerThread() throws IOException {
        process(100, 1, 1000, 200); // the SAIO JVM: 1200 ticks so far
        thread(100, 100, "java", 50);
        thread(100, 101, "proxy-io-27-1", 400);
        thread(100, 102, "object-sdb1-2", 300);
        thread(100, 103, "C2 CompilerThre", 250);
        thread(100, 104, "GC Thread#0", 100);
        thread(100, 105, "container-io-1", 100); // ends inside the window
        ProcessCpuSampler sampler = new ProcessCpuSampler(proc, List.of(100L), List.of(), CAIRN, 100);
        ProcessCpuSampler.Snapshot start = sampler.sample();
        assertThat(start.threads()).isEqualTo(6);

        process(100, 1, 1700, 400); // +900 ticks for the process
        thread(100, 101, "proxy-io-27-1", 700); // +300
        thread(100, 102, "object-sdb1-2", 350); // +50
        thread(100, 103, "C2 CompilerThre", 370); // +120
        thread(100, 104, "GC Thread#0", 130); // +30
        thread(100, 106, "proxy-io-27-2", 200); // started in the window: +200
        thread(100, 107, "VM Thread", 40); // started in the window: +40
        // 105 ended inside the window: its ticks since the start show only in the process total
        Files.delete(proc.resolve("100/task/105/stat"));
        Files.delete(proc.resolve("100/task/105/comm"));
        Files.delete(proc.resolve("100/task/105"));
        ServerCpu cpu = sampler.between(start, sampler.sample());

        assertThat(cpu.threads()).isEqualTo(7);
        assertThat(cpu.proxyThreadPrefixes()).containsExactly("proxy-");
        assertThat(cpu.cpuSeconds()).isCloseTo(9.0, within(1e-9));
        assertThat(cpu.proxyCpuSeconds()).isCloseTo(5.0, within(1e-9));
        assertThat(group(cpu, CpuGroup.STORAGE)).isCloseTo(0.5, within(1e-9));
        assertThat(group(cpu, CpuGroup.JIT)).isCloseTo(1.2, within(1e-9));
        assertThat(group(cpu, CpuGroup.GC)).isCloseTo(0.3, within(1e-9));
        assertThat(group(cpu, CpuGroup.OTHER)).isCloseTo(0.4, within(1e-9)); // "java" +0, VM Thread +40
        // 900 - (300 + 50 + 120 + 30 + 200 + 40) = 160 ticks: what thread 105 used before it ended
        assertThat(group(cpu, CpuGroup.UNATTRIBUTED)).isCloseTo(1.6, within(1e-9));
        double sum = 0;
        for (double v : cpu.groupSeconds().values()) {
            sum += v;
        }
        assertThat(sum).isCloseTo(cpu.cpuSeconds(), within(1e-9));
    }

    @Test
    void shouldSkipThreadsWhoseEntriesVanishBetweenListingAndReading() throws IOException {
        process(100, 1, 500, 0);
        thread(100, 101, "proxy-io-1-1", 300);
        // listed but gone when read: the directory is there, its stat is not (the kernel's ENOENT after the listing)
        Files.createDirectories(proc.resolve("100/task/102"));
        // stat read, then the thread ended before its comm was read: the name comes from stat
        thread(100, 103, "object-sdb2-1", 100);
        Files.delete(proc.resolve("100/task/103/comm"));
        ProcessCpuSampler sampler = new ProcessCpuSampler(proc, List.of(100L), List.of(), CAIRN, 100);
        ProcessCpuSampler.Snapshot start = sampler.sample();
        assertThat(start.threads()).isEqualTo(2);

        process(100, 1, 700, 0);
        thread(100, 101, "proxy-io-1-1", 400);
        Files.writeString(proc.resolve("100/task/103/stat"), stat(103, "object-sdb2-1", 1, 150, 0, 0));
        ServerCpu cpu = sampler.between(start, sampler.sample());
        assertThat(cpu.proxyCpuSeconds()).isCloseTo(1.0, within(1e-9));
        assertThat(group(cpu, CpuGroup.STORAGE)).isCloseTo(0.5, within(1e-9));
        assertThat(group(cpu, CpuGroup.UNATTRIBUTED)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void shouldAttributeNothingToThreadsWhenTheTaskDirectoryIsGone() throws IOException {
        process(100, 1, 500, 0); // no task/ directory: the process ended after /proc was listed
        ProcessCpuSampler sampler = new ProcessCpuSampler(proc, List.of(100L), List.of(), CAIRN, 100);
        ProcessCpuSampler.Snapshot start = sampler.sample();
        process(100, 1, 800, 0);
        ServerCpu cpu = sampler.between(start, sampler.sample());
        assertThat(cpu.threads()).isZero();
        assertThat(cpu.groupSeconds())
                .containsExactlyInAnyOrderEntriesOf(Map.of(CpuGroup.PROXY, 0.0, CpuGroup.UNATTRIBUTED, 3.0));
    }

    @Test
    void shouldNotSplitWhenNoProxyIsNamed() throws IOException {
        process(10, 1, 100, 0);
        ProcessCpuSampler sampler = new ProcessCpuSampler(proc, List.of(10L), 100);
        ProcessCpuSampler.Snapshot start = sampler.sample();
        process(10, 1, 250, 0);
        ServerCpu cpu = sampler.between(start, sampler.sample());
        assertThat(cpu.cpuSeconds()).isCloseTo(1.5, within(1e-9));
        assertThat(cpu.splitsProxy()).isFalse();
        assertThat(cpu.groupSeconds()).isEmpty();
    }

    @Test
    void shouldFailWhenAServerPidIsGone() throws IOException {
        process(10, 1, 1, 1);
        ProcessCpuSampler sampler = new ProcessCpuSampler(proc, List.of(10L, 99L), 100);
        assertThatThrownBy(sampler::sample).isInstanceOf(IOException.class).hasMessageContaining("99");
        ProcessCpuSampler proxyGone = new ProcessCpuSampler(proc, List.of(10L), List.of(98L), null, 100);
        assertThatThrownBy(proxyGone::sample).isInstanceOf(IOException.class).hasMessageContaining("98");
    }

    @Test
    void shouldReadTheRealProcWhenSamplingThisJvm() throws IOException {
        long self = ProcessHandle.current().pid();
        ProcessCpuSampler.Snapshot s = new ProcessCpuSampler(Path.of("/proc"), List.of(self), 100).sample();
        assertThat(s.processes()).isGreaterThanOrEqualTo(1);
        assertThat(s.cpuSeconds()).isGreaterThan(0);
    }

    @Test
    void shouldChargeANamedThreadsCpuToItsGroupWhenReadingTheRealProc() throws Exception {
        long self = ProcessHandle.current().pid();
        ProcessCpuSampler sampler = new ProcessCpuSampler(Path.of("/proc"), List.of(self), List.of(), CAIRN, 100);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        CountDownLatch burned = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong sink = new AtomicLong();
        // the JVM gives the native thread its Java name (cut to 15 bytes), which is what comm shows
        Thread burner = new Thread(
                () -> {
                    long until = mx.getCurrentThreadCpuTime() + 300_000_000L;
                    long x = 1;
                    while (mx.getCurrentThreadCpuTime() < until) {
                        for (int i = 0; i < 100_000; i++) {
                            x = x * 6364136223846793005L + 1442695040888963407L;
                        }
                    }
                    sink.set(x);
                    burned.countDown();
                    try {
                        release.await(); // alive at the end sample, so its ticks are its own, not unattributed
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "proxy-io-test-1");
        ProcessCpuSampler.Snapshot start = sampler.sample();
        burner.start();
        burned.await();
        ServerCpu cpu = sampler.between(start, sampler.sample());
        release.countDown();
        burner.join();

        assertThat(sink.get()).isNotZero();
        assertThat(cpu.threads()).isGreaterThan(5);
        assertThat(cpu.proxyCpuSeconds()).isGreaterThanOrEqualTo(0.2); // 0.3 s burned, in 10 ms ticks
        double sum = 0;
        for (double v : cpu.groupSeconds().values()) {
            sum += v;
        }
        assertThat(sum).isCloseTo(cpu.cpuSeconds(), within(1e-9));
    }
}
