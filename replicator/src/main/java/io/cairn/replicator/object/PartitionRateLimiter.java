package io.cairn.replicator.object;

import java.util.concurrent.TimeUnit;

/**
 * Paces partition jobs to at most {@code perSecond} starts per second across all device workers of a pass
 * (no bursts: each start reserves the next free slot).
 *
 * <p>Thread-safety: thread-safe; slots are reserved under the monitor, the wait happens outside it.
 */
final class PartitionRateLimiter {
    private final long intervalNanos;
    private long nextSlot;

    /** @param perSecond 0 disables the limit */
    PartitionRateLimiter(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) Math.ceil(1e9 / perSecond);
        this.nextSlot = System.nanoTime();
    }

    /** Waits for the next slot; returns immediately when unlimited. */
    void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            if (nextSlot - now < 0) {
                nextSlot = now;
            }
            slot = nextSlot;
            nextSlot += intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
