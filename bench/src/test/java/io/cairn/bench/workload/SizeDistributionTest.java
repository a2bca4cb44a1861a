package io.cairn.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SizeDistributionTest {
    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void shouldAlwaysReturnTheSizeWhenFixed() {
        SizeDistribution d = SizeDistribution.parse("4KiB");
        for (int i = 0; i < 100; i++) {
            assertThat(d.next(random)).isEqualTo(4096);
        }
        assertThat(d.max()).isEqualTo(4096);
        assertThat(d).hasToString("4KiB");
    }

    @Test
    void shouldStayInsideTheRangeWhenUniform() {
        SizeDistribution d = SizeDistribution.parse("1KiB-2KiB");
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long s = d.next(random);
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        assertThat(min).isGreaterThanOrEqualTo(1024).isLessThan(1100);
        assertThat(max).isLessThanOrEqualTo(2048).isGreaterThan(1970);
        assertThat(d.max()).isEqualTo(2048);
    }

    @Test
    void shouldFollowTheWeightsWhenWeighted() {
        SizeDistribution d = SizeDistribution.parse("4KiB:3,1MiB:1");
        int small = 0;
        for (int i = 0; i < 40_000; i++) {
            if (d.next(random) == 4096) {
                small++;
            }
        }
        assertThat(small).isBetween(29_000, 31_000);
        assertThat(d.max()).isEqualTo(1 << 20);
        assertThat(d).hasToString("4KiB:3,1MiB:1");
    }

    @Test
    void shouldRejectWhenMalformed() {
        assertThatThrownBy(() -> SizeDistribution.parse("2KiB-1KiB")).hasMessageContaining("min > max");
        assertThatThrownBy(() -> SizeDistribution.parse("4KiB:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> SizeDistribution.parse("4KiB:0")).hasMessageContaining("> 0");
        assertThatThrownBy(() -> SizeDistribution.parse("")).hasMessageContaining("empty");
    }
}
