package io.cairn.proxy.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The running-time counters Swift's ratelimit keeps in memcache ({@code incr}, {@code set}, {@code decr} on a
 * key), held in this process: one instance is shared by every event loop of a proxy (and may be shared by several
 * proxies of one process). A counter untouched for longer than {@code idle} is dropped, which changes nothing a
 * request sees: by then it has fallen more than {@code rate_buffer_seconds} behind the clock and would be reset.
 *
 * <p>Thread-safe.
 */
public final class RateCounters {
    /** Bounds the counters kept: one per account and per container written to recently. */
    public static final long DEFAULT_MAXIMUM_SIZE = 1_000_000;

    private final Cache<String, AtomicLong> counters;

    /**
     * @param idle how long a counter is kept after its last use
     * @param nanoTicker the clock that ages counters (System::nanoTime; a fake in tests)
     */
    public RateCounters(Duration idle, long maximumSize, LongSupplier nanoTicker) {
        this.counters = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterAccess(idle)
                .ticker(nanoTicker::getAsLong)
                .build();
    }

    /**
     * memcache's {@code incr}: adds {@code delta} to the counter and returns its new value; a missing counter
     * starts at {@code delta}, as Swift's memcache client adds a missing key.
     */
    public long incr(String key, long delta) {
        return counters.get(key, k -> new AtomicLong()).addAndGet(delta);
    }

    /** memcache's {@code set}. */
    public void set(String key, long value) {
        counters.get(key, k -> new AtomicLong()).set(value);
    }

    /** memcache's {@code decr} (never below 0, as memcache). */
    public void decr(String key, long delta) {
        counters.get(key, k -> new AtomicLong()).updateAndGet(v -> Math.max(0, v - delta));
    }

    /** The counters kept now (for tests). */
    long size() {
        counters.cleanUp();
        return counters.estimatedSize();
    }
}
