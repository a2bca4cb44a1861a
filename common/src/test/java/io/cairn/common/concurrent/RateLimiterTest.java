package io.cairn.common.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cairn.common.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final ManualClock clock = new ManualClock(Instant.ofEpochSecond(1_700_000_000L));

    /** Swift's limiter works in float milliseconds since the epoch: exact to well under a microsecond. */
    private void assertSlept(Duration expected) {
        assertThat(clock.slept().toNanos()).isCloseTo(expected.toNanos(), within(10_000L));
    }

    @Test
    void shouldTakeNMinusOneIntervalsOfVirtualTimeWhenNCallsAtKPerSecond() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(10, clock, clock);
        for (int i = 0; i < 11; i++) {
            limiter.waitFor(1);
        }
        // the first call books the running time at now; each further one waits 1/10 s
        assertSlept(Duration.ofSeconds(1));
        assertThat(limiter.slept()).isEqualTo(clock.slept());
    }

    @Test
    void shouldChargeByIncrementWhenCountingBytes() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(1000, clock, clock);
        limiter.waitFor(500);
        limiter.waitFor(2000);
        limiter.waitFor(1);
        // the second call waits 0.5 s for the first's booking, the third 2 s for the second's
        assertSlept(Duration.ofMillis(500 + 2000));
    }

    @Test
    void shouldNotSleepWhenTheCallerIsSlowerThanTheRate() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(10, clock, clock);
        for (int i = 0; i < 5; i++) {
            limiter.waitFor(1);
            clock.advance(Duration.ofMillis(200));
        }
        assertThat(clock.slept()).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldNotBankMoreThanTheRateBufferWhenIdle() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(10, clock, clock);
        limiter.waitFor(1);
        clock.advance(Duration.ofSeconds(60));
        for (int i = 0; i < 3; i++) {
            limiter.waitFor(1);
        }
        // after an idle minute the running time restarts at now: no burst allowance beyond the first call
        assertSlept(Duration.ofMillis(200));
    }

    @Test
    void shouldNeverSleepWhenTheRateIsZero() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(0, clock, clock);
        for (int i = 0; i < 1000; i++) {
            limiter.waitFor(1);
        }
        assertThat(clock.slept()).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldRejectNaNWhenConstructed() {
        assertThatThrownBy(() -> new RateLimiter(Double.NaN, clock, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rate");
    }

    @Test
    void shouldReserveWithoutSleepingAndBookTheSameRunningTimeAsWaitFor() {
        RateLimiter limiter = new RateLimiter(1, clock);
        assertThat(limiter.reserve(1)).isZero();
        assertThat(limiter.reserve(1).toMillis()).isEqualTo(1000);
        assertThat(limiter.reserve(1).toMillis()).isEqualTo(2000);
        clock.advance(Duration.ofMillis(2500));
        // the third unit was booked for t+2 s: at t+2.5 s the fourth waits until t+3 s
        assertThat(limiter.reserve(1).toMillis()).isEqualTo(500);
        clock.advance(Duration.ofSeconds(10));
        // idle for more than the buffer: the running time restarts at now
        assertThat(limiter.reserve(1)).isZero();
        assertThat(clock.slept()).isZero();
    }
}
