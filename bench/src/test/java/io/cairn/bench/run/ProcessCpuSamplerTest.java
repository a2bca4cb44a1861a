package io.cairn.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuSamplerTest {
    @TempDir
    Path proc;

    private void process(long pid, long ppid, long utime, long stime) throws IOException {
        Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(
                proc.resolve(pid + "/stat"),
                pid + " (p" + pid + ") S " + ppid + " 1 1 0 -1 0 0 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0 1\n");
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
        ProcessCpuSampler.Sample s = sampler.sample();
        assertThat(s.processes()).isEqualTo(5);
        assertThat(s.cpuSeconds()).isEqualTo((150 + 300 + 300 + 50 + 10) / 100.0);
    }

    @Test
    void shouldFailWhenAServerPidIsGone() throws IOException {
        process(10, 1, 1, 1);
        ProcessCpuSampler sampler = new ProcessCpuSampler(proc, List.of(10L, 99L), 100);
        assertThatThrownBy(sampler::sample).isInstanceOf(IOException.class).hasMessageContaining("99");
    }

    @Test
    void shouldReadTheRealProcWhenSamplingThisJvm() throws IOException {
        long self = ProcessHandle.current().pid();
        ProcessCpuSampler.Sample s = new ProcessCpuSampler(Path.of("/proc"), List.of(self), 100).sample();
        assertThat(s.processes()).isGreaterThanOrEqualTo(1);
        assertThat(s.cpuSeconds()).isGreaterThan(0);
    }
}
