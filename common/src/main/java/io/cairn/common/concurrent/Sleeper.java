package io.cairn.common.concurrent;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a duration. Injected into {@link RateLimiter} so tests advance a fake clock instead of
 * sleeping.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface Sleeper {
    /** Blocks for {@code duration}; returns early only by throwing {@link InterruptedException}. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: blocks the calling thread. */
    static Sleeper system() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
