package io.cairn.proxy.largeobject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SegmentedBodyTest {
    private static final long MIB = 1 << 20;

    @Test
    void readsAheadWhenTheRestOfTheSegmentTakesAQuarterSecondAtTheClientsPace() {
        // 1 GB/s so far: 16 MiB to go is ~17 ms away
        assertThat(SegmentedBody.readAheadNow(16 * MIB, 84 * MIB, TimeUnit.MILLISECONDS.toNanos(88)))
                .isTrue();
        // 10 MB/s: 2 MiB to go is ~210 ms away, 4 MiB ~420 ms
        assertThat(SegmentedBody.readAheadNow(2 * MIB, 10 * MIB, TimeUnit.MILLISECONDS.toNanos(1049)))
                .isTrue();
        assertThat(SegmentedBody.readAheadNow(4 * MIB, 10 * MIB, TimeUnit.MILLISECONDS.toNanos(1049)))
                .isFalse();
    }

    @Test
    void neverReadsAheadFromFurtherThanTheByteBoundOrBeforeAByteWasRelayed() {
        assertThat(SegmentedBody.readAheadNow(SegmentedBody.READ_AHEAD_BYTES + 1, 100 * MIB, 1))
                .isFalse();
        assertThat(SegmentedBody.readAheadNow(SegmentedBody.READ_AHEAD_BYTES, 100 * MIB, 1))
                .isTrue();
        assertThat(SegmentedBody.readAheadNow(1, 0, 0)).isFalse();
    }

    @Test
    void aSlowClientGetsTheNextSegmentAskedForOnlyAtTheVeryEnd() {
        // 100 KB/s: the next segment is asked for only within ~25 KB of the end
        long tenSeconds = TimeUnit.SECONDS.toNanos(10);
        assertThat(SegmentedBody.readAheadNow(30_000, 1_000_000, tenSeconds)).isFalse();
        assertThat(SegmentedBody.readAheadNow(20_000, 1_000_000, tenSeconds)).isTrue();
    }
}
