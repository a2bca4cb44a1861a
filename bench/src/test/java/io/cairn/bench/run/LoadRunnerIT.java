package io.cairn.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.bench.client.TempAuthStrategy;
import io.cairn.bench.report.JsonReport;
import io.cairn.bench.report.OperationStats;
import io.cairn.bench.report.RateStats;
import io.cairn.bench.report.RunResult;
import io.cairn.bench.report.TableReport;
import io.cairn.bench.workload.Operation;
import io.cairn.bench.workload.OperationMix;
import io.cairn.bench.workload.SizeDistribution;
import io.cairn.bench.workload.WorkloadSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LoadRunnerIT {
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    private LoadRunner runner(WorkloadSpec spec, StubSwiftServer stub, @Nullable ProcessCpuSampler cpu) {
        return new LoadRunner(
                spec,
                "stub",
                new TempAuthStrategy(URI.create(stub.authUrl()), "test:tester", "testing"),
                cpu,
                new PrintStream(progress, true, StandardCharsets.UTF_8),
                Duration.ofMillis(500),
                1);
    }

    @Test
    void shouldCountEveryOperationAndEachErrorWhenBoundedByCount() throws Exception {
        try (StubSwiftServer stub = new StubSwiftServer(7)) {
            WorkloadSpec spec = WorkloadSpec.builder("mixed-test")
                    .sizes(SizeDistribution.fixed(1000))
                    .mix(OperationMix.parse("get=60,put=20,head=10,delete=5,list=5"))
                    .concurrency(4)
                    .duration(Duration.ZERO)
                    .operations(400)
                    .warmup(Duration.ZERO)
                    .containers(3)
                    .prefill(40)
                    .build();
            RunResult r = runner(spec, stub, null).run();

            // exactly the budget of measured operations, successes and failures together
            assertThat(r.total().successes() + r.total().errors()).isEqualTo(400);
            assertThat(r.byOperation()).containsKeys(Operation.GET, Operation.PUT, Operation.HEAD, Operation.LIST);
            assertThat(r.prefillDone()).isEqualTo(40);
            assertThat(r.prefillErrors()).isZero();
            // every 503 the stub sent is counted once, in the measured window or in the (racy, tiny) warm-up
            long measured503 = r.errorsByStatus().getOrDefault("GET 503", 0L);
            long warmup503 = r.errorsByStatus().getOrDefault("warm-up GET 503", 0L);
            assertThat(measured503 + warmup503).isEqualTo(stub.failedGets.get()).isPositive();
            OperationStats gets =
                    java.util.Objects.requireNonNull(r.byOperation().get(Operation.GET));
            assertThat(gets.errors()).isEqualTo(measured503);
            assertThat(r.errors()).isEqualTo(measured503 + warmup503);
            assertThat(stub.unauthorized.get()).isZero();
            // GETs read back the 1000-byte bodies
            assertThat(gets.bytes()).isEqualTo(gets.successes() * 1000);
        }
    }

    @Test
    void shouldRunForTheDurationAndAccountServerCpuWhenBoundedByTime() throws Exception {
        try (StubSwiftServer stub = new StubSwiftServer(Integer.MAX_VALUE)) {
            WorkloadSpec spec = WorkloadSpec.builder("put-test")
                    .sizes(SizeDistribution.fixed(3 << 20)) // 3 MiB: a body of several payload chunks
                    .mix(OperationMix.only(Operation.PUT))
                    .concurrency(2)
                    .duration(Duration.ofSeconds(2))
                    .warmup(Duration.ofMillis(300))
                    .build();
            ProcessCpuSampler cpu = new ProcessCpuSampler(
                    java.nio.file.Path.of("/proc"),
                    List.of(ProcessHandle.current().pid()),
                    100);
            RunResult r = runner(spec, stub, cpu).run();

            assertThat(r.errors()).isZero();
            long puts = r.total().successes();
            assertThat(puts).isPositive();
            assertThat(r.total().bytes()).isEqualTo(puts * (3 << 20));
            // the stub also saw the warm-up PUTs, never fewer bytes than the measured ones
            assertThat(stub.bytesReceived.get())
                    .isGreaterThanOrEqualTo(r.total().bytes());
            assertThat(stub.bytesReceived.get() % (3 << 20)).isZero();
            assertThat(r.elapsedSeconds()).isBetween(1.9, 10.0);
            assertThat(java.util.Objects.requireNonNull(r.serverCpu()).cpuSeconds())
                    .isPositive();
            assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[stub put-test] measure");
        }
    }

    @Test
    void shouldIssueEveryScheduledOperationWhenTheServerKeepsUpWithTheRate() throws Exception {
        try (StubSwiftServer stub = new StubSwiftServer(Integer.MAX_VALUE)) {
            WorkloadSpec spec = WorkloadSpec.builder("rate-test")
                    .sizes(SizeDistribution.fixed(4096))
                    .mix(OperationMix.only(Operation.PUT))
                    .concurrency(4)
                    .duration(Duration.ofSeconds(2)) // 2 s: a stall of the loaded machine weighs less
                    .warmup(Duration.ofMillis(200))
                    .rate(200) // every 5 ms: 40 warm-up slots, then 400 measured ones
                    .build();
            RunResult r = runner(spec, stub, null).run();

            assertThat(r.errors()).isZero();
            RateStats rate = java.util.Objects.requireNonNull(r.rate());
            assertThat(rate.offeredOpsPerSecond()).isEqualTo(200);
            assertThat(rate.scheduled()).isEqualTo(400);
            assertThat(rate.notStarted()).isZero();
            assertThat(r.total().successes()).isEqualTo(400);
            // the schedule, not the server's speed, set the count: exactly the warm-up and measured slots were sent
            assertThat(stub.objectPuts.get()).isEqualTo(440);
            assertThat(rate.achievedOpsPerSecond()).isBetween(190.0, 210.0);
            assertThat(rate.keptUp()).isTrue();
            assertThat(TableReport.render(r))
                    .contains("open loop: offered 200.0 ops/s")
                    .doesNotContain("KEEP UP");
        }
    }

    @Test
    void shouldCountTheQueueingAndSayTheServerCouldNotKeepUpWhenItIsTooSlowForTheRate() throws Exception {
        try (StubSwiftServer stub = new StubSwiftServer(Integer.MAX_VALUE)) {
            stub.putDelayMillis.set(100); // 2 connections of 100 ms PUTs: at most 20 ops/s
            WorkloadSpec spec = WorkloadSpec.builder("slow-test")
                    .sizes(SizeDistribution.fixed(1000))
                    .mix(OperationMix.only(Operation.PUT))
                    .concurrency(2)
                    .duration(Duration.ofSeconds(1))
                    .warmup(Duration.ZERO)
                    .rate(50)
                    .build();
            RunResult r = runner(spec, stub, null).run();

            RateStats rate = java.util.Objects.requireNonNull(r.rate());
            assertThat(rate.scheduled()).isEqualTo(50);
            assertThat(rate.achievedOpsPerSecond()).isLessThan(30.0);
            assertThat(rate.keptUp()).isFalse();
            assertThat(rate.lateStarts()).isPositive();
            // the backlog did not drain within the bound (1 s after the window): the rest were given up and counted
            assertThat(rate.notStarted()).isPositive();
            assertThat(r.total().successes() + r.total().errors() + rate.notStarted())
                    .isEqualTo(50);
            // every PUT took 100 ms to answer, yet the latencies count the time queued behind the slow server
            assertThat(r.total().latencyMillis(50)).isGreaterThan(300.0);
            assertThat(r.total().latencyMillis(99)).isGreaterThan(800.0);
            assertThat(TableReport.render(r)).contains("!!!!! SERVER COULD NOT KEEP UP: ACHIEVED");
            assertThat(JsonReport.render(r)).contains("\"keptUp\":false,\"warning\":\"server could not keep up");
        }
    }

    @Test
    void shouldListOnlyTheExistingContainerWhenAListContainerIsGiven() throws Exception {
        try (StubSwiftServer stub = new StubSwiftServer(Integer.MAX_VALUE)) {
            stub.containerObjectCount.set(2500);
            WorkloadSpec spec = WorkloadSpec.builder("list-test")
                    .mix(OperationMix.only(Operation.LIST))
                    .containers(1)
                    .listContainer("listing-2500", 2500)
                    .concurrency(2)
                    .duration(Duration.ZERO)
                    .operations(60)
                    .warmup(Duration.ZERO)
                    .build();
            RunResult r = runner(spec, stub, null).run();

            assertThat(r.errors()).isZero();
            assertThat(r.total().successes()).isEqualTo(60);
            assertThat(r.prefillDone()).isZero();
            List<String> seen = List.copyOf(stub.containerRequests);
            // one HEAD (the count check) first, no container PUT, then only pages of the named container
            assertThat(seen.get(0)).isEqualTo("HEAD /v1/AUTH_test/listing-2500");
            List<String> lists = seen.subList(1, seen.size());
            assertThat(lists)
                    .hasSizeGreaterThanOrEqualTo(60)
                    .allSatisfy(line -> assertThat(line)
                            .matches("GET /v1/AUTH_test/listing-2500\\?format=json&limit=1000"
                                    + "(&marker=o0000000(00999|01999))?"));
            // 2,500 objects are 3 pages of 1,000: from the start, after o…999 and after o…1999; all three are hit
            assertThat(lists)
                    .anyMatch(line -> line.endsWith("limit=1000"))
                    .anyMatch(line -> line.endsWith("marker=o000000000999"))
                    .anyMatch(line -> line.endsWith("marker=o000000001999"));
        }
    }

    @Test
    void shouldRefuseToRunWhenTheListContainerHoldsAnotherCount() throws Exception {
        try (StubSwiftServer stub = new StubSwiftServer(Integer.MAX_VALUE)) {
            stub.containerObjectCount.set(99_000);
            WorkloadSpec spec = WorkloadSpec.builder("list-test")
                    .mix(OperationMix.only(Operation.LIST))
                    .containers(1)
                    .listContainer("listing", 100_000)
                    .build();
            assertThatThrownBy(() -> runner(spec, stub, null).run())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("holds 99000 objects (X-Container-Object-Count), the run expects 100000");
            assertThat(stub.containerRequests).containsExactly("HEAD /v1/AUTH_test/listing");
        }
    }

    @Test
    void shouldFailClearlyWhenLoginIsRefused() throws Exception {
        try (StubSwiftServer stub = new StubSwiftServer(Integer.MAX_VALUE)) {
            LoadRunner r = new LoadRunner(
                    WorkloadSpec.builder("x").build(),
                    "stub",
                    new TempAuthStrategy(URI.create(stub.authUrl()), "test:tester", "wrong"),
                    null,
                    new PrintStream(progress, true, StandardCharsets.UTF_8),
                    Duration.ZERO,
                    1);
            assertThatThrownBy(r::run).isInstanceOf(IOException.class).hasMessageContaining("answered 401");
        }
    }
}
