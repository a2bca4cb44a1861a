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
    void shouldSayItLoudlyWhenTheRunHadErrors() {
        String table = TableReport.render(JsonReportTest.sample(Map.of("GET 503", 3L), null));
        assertThat(table).contains("!!!!! 3 ERRORS in this run: {GET 503=3} !!!!!");
    }
}
