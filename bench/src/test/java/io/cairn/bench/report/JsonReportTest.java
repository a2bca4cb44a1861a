package io.cairn.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.bench.workload.Operation;
import io.cairn.bench.workload.StandardWorkloads;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    static RunResult sample(Map<String, Long> errors, @Nullable ServerCpu cpu) {
        return sample(errors, cpu, null);
    }

    static RunResult sample(Map<String, Long> errors, @Nullable ServerCpu cpu, @Nullable RateStats rate) {
        OperationStats get = new OperationStats(Operation.GET);
        OperationStats put = new OperationStats(Operation.PUT);
        for (int i = 0; i < 70; i++) {
            get.recordSuccess(2_000_000, 16384);
        }
        for (int i = 0; i < 20; i++) {
            put.recordSuccess(8_000_000, 16384);
        }
        Map<Operation, OperationStats> byOp = new EnumMap<>(Operation.class);
        byOp.put(Operation.GET, get);
        byOp.put(Operation.PUT, put);
        return new RunResult(
                "cairn",
                StandardWorkloads.named("mixed")
                        .rate(rate == null ? 0 : rate.offeredOpsPerSecond())
                        .build(),
                Instant.parse("2026-11-26T12:00:00Z"),
                2_000_000_000L,
                byOp,
                errors,
                cpu,
                0.25,
                1000,
                0,
                rate);
    }

    @Test
    void shouldWriteTheDocumentedShapeWhenRendering() {
        String json = JsonReport.render(sample(Map.of(), new ServerCpu(List.of(42L), 3, 0.9)));
        assertThat(json)
                .startsWith("{\"label\":\"cairn\",\"workload\":\"mixed\",\"spec\":{\"sizes\":\"16KiB\",")
                .contains("\"mix\":\"put=20,get=70,delete=10\"")
                .contains("\"started\":\"2026-11-26T12:00:00Z\",\"elapsedSeconds\":2,\"ok\":true,\"errors\":0,"
                        + "\"errorsByStatus\":{}")
                .contains("\"total\":{\"operations\":90,\"errors\":0,\"opsPerSecond\":45,\"bytes\":1474560,"
                        + "\"megabytesPerSecond\":0.737,\"latencyMs\":{\"mean\":")
                .contains("\"operations\":{\"PUT\":{\"operations\":20,")
                .contains("\"GET\":{\"operations\":70,\"errors\":0,\"opsPerSecond\":35,")
                .contains("\"p50\":2,\"p90\":2,\"p99\":2,\"p99.9\":2,\"max\":2}")
                .contains("\"serverCpu\":{\"pids\":[42],\"processes\":3,\"cpuSeconds\":0.9,\"cpuMillisPerOp\":10,")
                .contains("\"listLimit\":1000},") // no rate: the spec keeps its closed-loop shape
                // 0.25 s of generator CPU over 90 ops
                .contains("\"clientCpu\":{\"cpuSeconds\":0.25,\"cpuMillisPerOp\":2.778},")
                .endsWith("\"rate\":null,\"prefill\":{\"requested\":1000,\"done\":1000,\"errors\":0}}");
        assertThat(json.chars().filter(c -> c == '{').count())
                .isEqualTo(json.chars().filter(c -> c == '}').count());
    }

    static ServerCpu split() {
        Map<CpuGroup, Double> groups = new EnumMap<>(CpuGroup.class);
        groups.put(CpuGroup.PROXY, 0.3);
        groups.put(CpuGroup.STORAGE, 0.45);
        groups.put(CpuGroup.JIT, 0.15);
        return new ServerCpu(List.of(42L), 1, 0.9, List.of(), List.of("proxy-"), 57, groups);
    }

    @Test
    void shouldWriteTheProxyFieldsWhenTheCpuIsSplit() {
        String json = JsonReport.render(sample(Map.of(), split()));
        // 90 ops, 1474560 body bytes: 0.3 s / 90 ops = 3.333 ms; 1.47456 MB / 0.3 s = 4.915 MB/s per proxy core
        assertThat(json)
                .contains("\"serverCpu\":{\"pids\":[42],\"processes\":1,\"cpuSeconds\":0.9,\"cpuMillisPerOp\":10,"
                        + "\"proxyPids\":[],\"proxyThreads\":[\"proxy-\"],\"threads\":57,\"proxyCpuSeconds\":0.3,"
                        + "\"proxyCpuMillisPerOp\":3.333,\"proxyMegabytesPerSecondPerCore\":4.915,"
                        + "\"groups\":{\"proxy\":{\"cpuSeconds\":0.3,\"cpuMillisPerOp\":3.333},"
                        + "\"storage\":{\"cpuSeconds\":0.45,\"cpuMillisPerOp\":5},"
                        + "\"jit\":{\"cpuSeconds\":0.15,\"cpuMillisPerOp\":1.667}}}");
    }

    @Test
    void shouldWriteNullProxyFieldsWhenTheCpuIsNotSplit() {
        String json = JsonReport.render(sample(Map.of(), new ServerCpu(List.of(42L), 3, 0.9)));
        assertThat(json)
                .contains("\"proxyPids\":[],\"proxyThreads\":[],\"threads\":0,\"proxyCpuSeconds\":null,"
                        + "\"proxyCpuMillisPerOp\":null,\"proxyMegabytesPerSecondPerCore\":null,\"groups\":null}");
    }

    @Test
    void shouldWriteOfferedAndAchievedRatesWhenTheRunWasOpenLoop() {
        // 60 ops/s offered over 6 s (360 scheduled); 354 succeeded inside the window: 59 ops/s, 98.3 %
        String json = JsonReport.render(sample(Map.of(), null, new RateStats(60, 6, 354, 360, 0, 4, 12_345_678)));
        assertThat(json)
                .contains("\"listLimit\":1000,\"rateOpsPerSecond\":60}")
                .contains("\"rate\":{\"offeredOpsPerSecond\":60,\"achievedOpsPerSecond\":59,"
                        + "\"achievedFraction\":0.983,\"windowSeconds\":6,\"scheduled\":360,\"notStarted\":0,"
                        + "\"lateStarts\":4,\"maxStartDelayMs\":12.346,\"latencyFrom\":\"intended start\","
                        + "\"keptUp\":true,\"warning\":null},");
    }

    @Test
    void shouldWarnThatTheServerCouldNotKeepUpWhenItAchievedTooLittle() {
        // 60 offered, 50 achieved (83.3 %), 40 slots given up at the drain bound
        String json =
                JsonReport.render(sample(Map.of(), null, new RateStats(60, 6, 300, 360, 40, 280, 2_000_000_000L)));
        assertThat(json)
                .contains("\"achievedOpsPerSecond\":50,")
                .contains("\"keptUp\":false,\"warning\":\"server could not keep up: achieved 50.0 of 60.0 ops/s"
                        + " offered (83.3 % < 95 %); 40 of 360 scheduled operations never started;"
                        + " latencies are mostly queueing\"}");
    }

    @Test
    void shouldMarkTheRunNotOkAndListStatusesWhenErrorsOccurred() {
        String json = JsonReport.render(sample(Map.of("GET 503", 3L, "PUT io:closed", 1L), null));
        assertThat(json)
                .contains("\"ok\":false,\"errors\":4,\"errorsByStatus\":{\"GET 503\":3,\"PUT io:closed\":1}")
                .contains("\"serverCpu\":null");
    }

    @Test
    void shouldEscapeStringsWhenTheyHoldQuotesOrControlCharacters() {
        String json = new JsonWriter()
                .beginObject()
                .name("a\"b")
                .value("x\\y\n\u0001")
                .name("n")
                .value(Double.NaN)
                .endObject()
                .toString();
        assertThat(json).isEqualTo("{\"a\\\"b\":\"x\\\\y\\n\\u0001\",\"n\":null}");
    }
}
