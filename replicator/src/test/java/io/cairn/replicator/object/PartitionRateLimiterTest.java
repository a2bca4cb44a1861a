package io.cairn.replicator.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PartitionRateLimiterTest {
    @Test
    void shouldSpaceStartsWhenLimited() throws InterruptedException {
        PartitionRateLimiter limiter = new PartitionRateLimiter(50); // one start every 20 ms
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            limiter.acquire();
        }
        // the first start is immediate, the next five wait 20 ms each
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(95));
    }

    @Test
    void shouldNotWaitWhenUnlimited() throws InterruptedException {
        PartitionRateLimiter limiter = new PartitionRateLimiter(0);
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
