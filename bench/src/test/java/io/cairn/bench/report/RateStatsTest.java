package io.cairn.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateStatsTest {
    @Test
    void shouldCountTheServerAsKeepingUpWhenItAchievesNinetyFivePercent() {
        RateStats exactly = new RateStats(200, 5, 950, 1000, 0, 0, 0); // 190 of 200 ops/s
        assertThat(exactly.achievedOpsPerSecond()).isEqualTo(190.0);
        assertThat(exactly.achievedFraction()).isEqualTo(0.95);
        assertThat(exactly.keptUp()).isTrue();
        assertThat(exactly.warning()).isNull();
        RateStats under = new RateStats(200, 5, 949, 1000, 0, 0, 0);
        assertThat(under.keptUp()).isFalse();
        assertThat(under.warning()).startsWith("server could not keep up: achieved 189.8 of 200.0 ops/s offered");
    }

    @Test
    void shouldReportNothingAchievedWhenTheWindowIsEmpty() {
        RateStats none = new RateStats(10, 0, 0, 0, 0, 0, 0);
        assertThat(none.achievedOpsPerSecond()).isZero();
        assertThat(none.keptUp()).isFalse();
    }
}
