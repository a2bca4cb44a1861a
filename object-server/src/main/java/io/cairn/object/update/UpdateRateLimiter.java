package io.cairn.object.update;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Swift's {@code RateLimitedIterator}/{@code ratelimit_sleep} for {@code objects_per_second}: the n-th
 * permit is handed out no earlier than n / rate seconds after the first, with no burst credit kept past
 * one second behind schedule (Swift's {@code rate_buffer} of 1 s). A rate of 0 means unlimited.
 *
 * <p>Not thread-safe: confined to one pass thread (the updater's, the expirer's).
 */
public final class UpdateRateLimiter {
    private static final long BUFFER_NANOS = 1_000_000_000L;

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final LongConsumer parkNanos;
    private long nextNanos;
    private boolean started;

    /** A limiter on the system's nano clock that parks the calling thread. */
    public UpdateRateLimiter(double perSecond) {
        this(perSecond, System::nanoTime, LockSupport::parkNanos);
    }

    /** @param parkNanos waits about that many nanoseconds (tests advance their clock instead) */
    public UpdateRateLimiter(double perSecond, LongSupplier nanoClock, LongConsumer parkNanos) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1e9 / perSecond);
        this.nanoClock = nanoClock;
        this.parkNanos = parkNanos;
    }

    /** Blocks until the next permit is due. */
    public void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (!started || now - nextNanos > BUFFER_NANOS) {
            nextNanos = now; // first permit, or idle for over a second: no banked burst
            started = true;
        }
        while (nextNanos - now > 0) {
            parkNanos.accept(nextNanos - now);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while rate limiting");
            }
            now = nanoClock.getAsLong();
        }
        nextNanos += intervalNanos;
    }
}
