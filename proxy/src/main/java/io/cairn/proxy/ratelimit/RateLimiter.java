package io.cairn.proxy.ratelimit;

import java.time.Clock;

/**
 * Swift's {@code RateLimitMiddleware._get_sleep_time}: each request adds its share of a second ({@code
 * clock_accuracy / rate} ticks) to the key's running time; a request waits until the running time catches up
 * with the clock, and one that would wait {@code max_sleep_time_seconds} or more is refused (its share taken
 * back). A key whose running time lags the clock by more than {@code rate_buffer_seconds} restarts from now.
 *
 * <p>Thread-safe (the counters are).
 */
public final class RateLimiter {
    private final RateLimitConfig config;
    private final RateCounters counters;
    private final Clock clock;

    public RateLimiter(RateLimitConfig config, RateCounters counters, Clock clock) {
        this.config = config;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * What one request under {@code key} limited to {@code maxRate} requests per second must do.
     *
     * @param sleepSeconds how long to hold the request first (0: go on at once)
     * @param refused true when the wait would reach {@code max_sleep_time_seconds}: answer 498
     */
    public record Wait(double sleepSeconds, boolean refused) {}

    /** Takes a request's share of {@code key}'s rate and says how long it must wait. */
    public Wait take(String key, double maxRate) {
        long accuracy = config.clockAccuracy();
        long nowM = Math.round(clock.millis() / 1000.0 * accuracy);
        long perRequestM = Math.round(accuracy / maxRate);
        long runningM = counters.incr(key, perRequestM);
        long needToSleepM = 0;
        if (nowM - runningM > (long) config.rateBufferSeconds() * accuracy) {
            counters.set(key, nowM + perRequestM);
        } else {
            needToSleepM = Math.max(runningM - nowM - perRequestM, 0);
        }
        double maxSleepM = config.maxSleepSeconds() * accuracy;
        if (maxSleepM - needToSleepM <= accuracy * 0.01) {
            counters.decr(key, perRequestM);
            return new Wait((double) needToSleepM / accuracy, true);
        }
        return new Wait((double) needToSleepM / accuracy, false);
    }
}
