package io.cairn.proxy.largeobject;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import io.cairn.common.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SegmentPacingTest {
    private final ManualClock clock = new ManualClock(Instant.ofEpochSecond(1_700_000_000L));

    private static SegmentPacing pacing(String section, String body, boolean slo) {
        return SegmentPacing.from(
                IniFile.parse("[" + section + "]\n" + body, "test").section(section), slo);
    }

    @Test
    void shouldFetchTenDloSegmentsAtFullSpeedThenOnePerSecondWithSwiftsDefaults() {
        SegmentPacing.Pacer p = pacing("filter:dlo", "", false).start(clock);
        for (int i = 0; i < 10; i++) {
            assertThat(p.beforeSegment(1 << 30)).as("segment %d", i).isZero();
        }
        // RateLimitedIterator: the 11th books the running time at now, each later one waits a second more
        assertThat(p.beforeSegment(5)).isZero();
        assertThat(p.beforeSegment(-1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.beforeSegment(5)).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(p.beforeSegment(5)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldCountOnlySloSegmentReadsUnderTheSizeLimit() {
        SegmentPacing.Pacer p = pacing(
                        "filter:slo", "rate_limit_after_segment = 1\nrate_limit_segments_per_sec = 4\n", true)
                .start(clock);
        assertThat(p.beforeSegment(100)).isZero();
        assertThat(p.beforeSegment(100)).isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(p.beforeSegment(SegmentPacing.SLO_UNDER_SIZE))
                    .as("a 1 MiB read is not small")
                    .isZero();
        }
        assertThat(p.beforeSegment(100)).isEqualTo(Duration.ofMillis(250));
        assertThat(p.beforeSegment(SegmentPacing.SLO_UNDER_SIZE - 1)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void shouldNeverWaitWhenTheRateIsZero() {
        SegmentPacing.Pacer p =
                pacing("filter:dlo", "rate_limit_segments_per_sec = 0\n", false).start(clock);
        for (int i = 0; i < 50; i++) {
            assertThat(p.beforeSegment(1)).isZero();
        }
    }

    @Test
    void shouldBeOverTimeOnlyAfterMaxGetTime() {
        SegmentPacing.Pacer p = pacing("filter:slo", "max_get_time = 3\n", true).start(clock);
        clock.advance(Duration.ofSeconds(3));
        assertThat(p.overTime()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(p.overTime()).isTrue();
    }
}
