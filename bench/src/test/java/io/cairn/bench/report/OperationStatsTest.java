package io.cairn.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cairn.bench.workload.Operation;
import org.junit.jupiter.api.Test;

class OperationStatsTest {
    @Test
    void shouldReportPercentilesInMillisWhenLatenciesAreRecorded() {
        OperationStats s = new OperationStats(Operation.GET);
        for (int ms = 1; ms <= 1000; ms++) {
            s.recordSuccess(ms * 1_000_000L, 10);
        }
        s.recordError();
        assertThat(s.successes()).isEqualTo(1000);
        assertThat(s.errors()).isEqualTo(1);
        assertThat(s.bytes()).isEqualTo(10_000);
        // HdrHistogram with 3 significant digits: within 0.1 %
        assertThat(s.latencyMillis(50)).isCloseTo(500, within(0.5));
        assertThat(s.latencyMillis(90)).isCloseTo(900, within(0.9));
        assertThat(s.latencyMillis(99)).isCloseTo(990, within(1.0));
        assertThat(s.latencyMillis(99.9)).isCloseTo(999, within(1.0));
        assertThat(s.maxMillis()).isCloseTo(1000, within(1.0));
        assertThat(s.meanMillis()).isCloseTo(500.5, within(0.6));
    }

    @Test
    void shouldMergeCountsAndHistogramsWhenAdding() {
        OperationStats a = new OperationStats(Operation.PUT);
        OperationStats b = new OperationStats(Operation.PUT);
        a.recordSuccess(1_000_000, 4096);
        b.recordSuccess(3_000_000, 4096);
        b.recordError();
        a.add(b);
        assertThat(a.successes()).isEqualTo(2);
        assertThat(a.errors()).isEqualTo(1);
        assertThat(a.bytes()).isEqualTo(8192);
        assertThat(a.maxMillis()).isCloseTo(3.0, within(0.01));
    }

    @Test
    void shouldReportZeroWhenNothingWasRecorded() {
        OperationStats s = new OperationStats(null);
        assertThat(s.latencyMillis(99)).isZero();
        assertThat(s.meanMillis()).isZero();
    }
}
