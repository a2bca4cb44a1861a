package io.cairn.object.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateRateLimiterTest {
    private long now = 5_000_000_000L;
    private final List<Long> parks = new ArrayList<>();

    private UpdateRateLimiter limiter(double perSecond) {
        return new UpdateRateLimiter(perSecond, () -> now, nanos -> {
            parks.add(nanos);
            now += nanos;
        });
    }

    @Test
    void shouldSpacePermitsByOneOverTheRateWhenCalledBackToBack() throws InterruptedException {
        UpdateRateLimiter limiter = limiter(50);
        long start = now;
        for (int i = 0; i < 11; i++) {
            limiter.acquire();
        }
        assertThat(now - start).isEqualTo(10 * 20_000_000L);
        assertThat(parks).hasSize(10).allSatisfy(p -> assertThat(p).isEqualTo(20_000_000L));
    }

    @Test
    void shouldNotBankMoreThanOneSecondWhenIdleForLong() throws InterruptedException {
        UpdateRateLimiter limiter = limiter(10);
        limiter.acquire();
        now += 60_000_000_000L; // a minute without work
        for (int i = 0; i < 3; i++) {
            limiter.acquire();
        }
        assertThat(parks).containsExactly(100_000_000L, 100_000_000L);
    }

    @Test
    void shouldNeverWaitWhenTheRateIsZero() throws InterruptedException {
        UpdateRateLimiter limiter = limiter(0);
        for (int i = 0; i < 100; i++) {
            limiter.acquire();
        }
        assertThat(parks).isEmpty();
    }
}
