package io.cairn.jmh.compute;

import io.cairn.compute.compute.scheduler.HostFilter;
import io.cairn.compute.compute.scheduler.HostState;
import io.cairn.compute.compute.scheduler.RequestSpec;
import io.cairn.compute.compute.scheduler.Scheduler;
import io.cairn.compute.compute.scheduler.SchedulerConfig;
import io.cairn.compute.compute.scheduler.Weigher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One scheduling decision over N hosts as {@code SchedulerService} makes it: build the host states from the
 * reported totals and usage, run the default filter chain (compute up, zone, RAM/cores/disk, image properties),
 * weigh by free RAM (normalised), pick. Decisions per second = ops/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SchedulerBenchmark {
    @Param({"1000"})
    int hosts;

    private int[][] totals;
    private int[][] usage;
    private boolean[] up;
    private Scheduler filterScheduler;
    private Scheduler chanceScheduler;
    private final RequestSpec spec = new RequestSpec(2048, 1, 20, "nova", Map.of("architecture", "x86_64"));

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(42);
        totals = new int[hosts][];
        usage = new int[hosts][];
        up = new boolean[hosts];
        for (int i = 0; i < hosts; i++) {
            totals[i] = new int[] {65536, 32, 1000};
            usage[i] = new int[] {r.nextInt(0, 65536), r.nextInt(0, 32), r.nextInt(0, 1000), r.nextInt(0, 40)};
            up[i] = r.nextInt(100) != 0; // about 1 % of the hosts down
        }
        List<HostFilter> chain = List.of(
                HostFilter.ComputeFilter,
                HostFilter.AvailabilityZoneFilter,
                HostFilter.RamFilter,
                HostFilter.CoreFilter,
                HostFilter.DiskFilter,
                HostFilter.ImagePropertiesFilter);
        filterScheduler =
                new Scheduler(new SchedulerConfig(chain, Map.of(Weigher.RAM, 1.0), 1), new java.util.Random(1));
        chanceScheduler = new Scheduler(
                new SchedulerConfig(List.of(HostFilter.ComputeFilter), Map.of(), SchedulerConfig.ALL_HOSTS),
                new java.util.Random(1));
    }

    private List<HostState> states() {
        List<HostState> s = new ArrayList<>(hosts);
        for (int i = 0; i < hosts; i++) {
            s.add(new HostState("host-" + i, "nova", "QEMU", up[i], true, totals[i]).withUsage(usage[i]));
        }
        return s;
    }

    @Benchmark
    public HostState filterAndRamWeigher() {
        return filterScheduler.select(spec, states(), 1).get(0);
    }

    @Benchmark
    public HostState chance() {
        return chanceScheduler.select(spec, states(), 1).get(0);
    }
}
