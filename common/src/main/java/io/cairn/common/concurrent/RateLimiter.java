package io.cairn.common.concurrent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Swift's {@code EventletRateLimiter} ({@code swift/common/utils.py: AbstractRateLimiter.is_allowed} with
 * {@code block=True}, {@code rate_buffer=5}, {@code burst_after_idle=False}), over an injected clock and
 * {@link Sleeper}: each {@link #waitFor(long)} books {@code incrBy / maxRate} seconds on a running time
 * and sleeps until the caller's turn. After more than {@code rate_buffer} seconds without a call the
 * running time restarts at now, so an idle period never buys a burst. A {@code maxRate} of 0 (or less)
 * disables limiting, as in Swift.
 *
 * <p>Not thread-safe: one per user (a pass and its thread, a request on its event loop).
 */
public final class RateLimiter {
    /** Swift's default {@code rate_buffer}: seconds the counter may lag and then catch up. */
    public static final double DEFAULT_RATE_BUFFER_SECONDS = 5;

    private final double maxRate;
    private final double rateBufferMs;
    private final double msPerIncrement;
    private final Clock clock;
    private final Sleeper sleeper;
    private double runningTimeMs;
    private long sleptNanos;

    /** @param maxRate increments per second; 0 or less: unlimited */
    /** A limiter used through {@link #reserve(long)} (its {@link #waitFor(long)} blocks the calling thread). */
    public RateLimiter(double maxRate, Clock clock) {
        this(maxRate, DEFAULT_RATE_BUFFER_SECONDS, clock, Sleeper.system());
    }

    public RateLimiter(double maxRate, Clock clock, Sleeper sleeper) {
        this(maxRate, DEFAULT_RATE_BUFFER_SECONDS, clock, sleeper);
    }

    public RateLimiter(double maxRate, double rateBufferSeconds, Clock clock, Sleeper sleeper) {
        if (Double.isNaN(maxRate) || Double.isNaN(rateBufferSeconds) || rateBufferSeconds < 0) {
            throw new IllegalArgumentException(
                    "rate limiter needs a rate and a non-negative buffer, got " + maxRate + ", " + rateBufferSeconds);
        }
        this.maxRate = maxRate;
        this.rateBufferMs = rateBufferSeconds * 1000.0;
        this.msPerIncrement = maxRate > 0 ? 1000.0 / maxRate : 0;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until {@code incrBy} more units (files, bytes) are allowed at the configured rate. */
    public void waitFor(long incrBy) throws InterruptedException {
        Duration wait = reserve(incrBy);
        if (!wait.isZero()) {
            addSlept(wait);
            sleeper.sleep(wait);
        }
    }

    /**
     * Books {@code incrBy} more units and says how long the caller must wait before using them, without
     * waiting: for callers on an event loop, which schedule the work after the delay instead of blocking.
     * Zero when the units are allowed now.
     */
    public Duration reserve(long incrBy) {
        if (maxRate <= 0 || incrBy <= 0) {
            return Duration.ZERO;
        }
        double now = nowMillis();
        double cost = msPerIncrement * incrBy;
        if (now - runningTimeMs > rateBufferMs) {
            runningTimeMs = now;
        }
        if (now >= runningTimeMs) {
            runningTimeMs += cost;
            return Duration.ZERO;
        }
        double waitMs = runningTimeMs - now;
        runningTimeMs += cost;
        return Duration.ofNanos((long) (waitMs * 1_000_000.0));
    }

    private void addSlept(Duration wait) {
        sleptNanos += wait.toNanos();
    }

    /** Total time this limiter has slept (or asked its sleeper to sleep). */
    public Duration slept() {
        return Duration.ofNanos(sleptNanos);
    }

    private double nowMillis() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1000.0 + now.getNano() / 1_000_000.0;
    }
}
