package io.cairn.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableReportTest {
    @Test
    void shouldShowRowsPerOperationAndTheCpuWhenRendering() {
        String table = TableReport.render(JsonReportTest.sample(Map.of(), new ServerCpu(List.of(42L), 3, 0.9)));
        assertThat(table)
                .contains("== cairn / mixed")
                .containsPattern("PUT +20 +10\\.0")
                .containsPattern("GET +70 +35\\.0")
                .containsPattern("total +90 +45\\.0")
                .contains("server CPU: 0.90 s over 3 processes = 10.000 ms per op")
                .doesNotContain("ERRORS");
    }

    @Test
    void shouldShowTheProxyShareAndGroupsWhenTheCpuIsSplit() {
        String table = TableReport.render(JsonReportTest.sample(Map.of(), JsonReportTest.split()));
        assertThat(table)
                .contains("server CPU: 0.90 s over 1 processes (57 threads) = 10.000 ms per op")
                .contains("proxy CPU: 0.30 s = 3.333 ms per op; 4.9 MB/s per proxy core")
                .contains("CPU by group: proxy 0.30 s (33%) storage 0.45 s (50%) jit 0.15 s (17%)");
    }

    @Test
    void shouldLeaveOutTheProxyLinesWhenTheCpuIsNotSplit() {
        String table = TableReport.render(JsonReportTest.sample(Map.of(), new ServerCpu(List.of(42L), 3, 0.9)));
        assertThat(table).doesNotContain("proxy CPU").doesNotContain("CPU by group");
    }

    @Test
    void shouldShowOfferedAndAchievedRatesWhenTheRunWasOpenLoop() {
        String table = TableReport.render(
                JsonReportTest.sample(Map.of(), null, new RateStats(60, 6, 358, 360, 0, 2, 3_500_000)));
        assertThat(table)
                .contains("offered 60 ops/s (open loop)")
                .contains("open loop: offered 60.0 ops/s, achieved 59.7 ops/s (99.4 %) in the 6.00 s window;"
                        + " 360 scheduled, 2 started late (connection busy), max start delay 3.50 ms;"
                        + " latency from the intended start")
                .doesNotContain("KEEP UP")
                .doesNotContain("!!!!!");
    }

    @Test
    void shouldSayItLoudlyWhenTheServerCouldNotKeepUp() {
        // 94 % of the offered rate: just under the bar
        String table = TableReport.render(
                JsonReportTest.sample(Map.of(), null, new RateStats(100, 10, 940, 1000, 0, 700, 900_000_000)));
        assertThat(table)
                .contains("achieved 94.0 ops/s (94.0 %)")
                .contains("!!!!! SERVER COULD NOT KEEP UP: ACHIEVED 94.0 OF 100.0 OPS/S OFFERED (94.0 % < 95 %);"
                        + " LATENCIES ARE MOSTLY QUEUEING !!!!!");
    }

    @Test
    void shouldSayItLoudlyWhenTheRunHadErrors() {
        String table = TableReport.render(JsonReportTest.sample(Map.of("GET 503", 3L), null));
        assertThat(table).contains("!!!!! 3 ERRORS in this run: {GET 503=3} !!!!!");
    }
}
