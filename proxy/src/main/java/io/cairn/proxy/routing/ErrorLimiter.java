package io.cairn.proxy.routing;

import io.cairn.ring.Device;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Swift's {@code ErrorLimiter} (reference §4.3): counts errors per node ({@code ip:port/device}); a node
 * is limited while its count exceeds {@code error_suppression_limit} and its last error is within {@code
 * error_suppression_interval}; after the interval the record is forgotten. A 507 limits a node at once.
 *
 * <p>Thread-safe: records are replaced atomically per node; event loops of all connections share one.
 */
public final class ErrorLimiter {
    private final int suppressionLimit;
    private final long suppressionIntervalNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, ErrorRecord> records = new ConcurrentHashMap<>();

    /** @param nanoClock {@code System::nanoTime} in production, a settable clock in tests */
    public ErrorLimiter(int suppressionLimit, Duration suppressionInterval, LongSupplier nanoClock) {
        this.suppressionLimit = suppressionLimit;
        this.suppressionIntervalNanos = suppressionInterval.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether requests should skip {@code node} now (Swift's {@code is_limited}). */
    public boolean isLimited(Device node) {
        String key = node.address();
        ErrorRecord r = records.get(key);
        if (r == null) {
            return false;
        }
        if (nanoClock.getAsLong() - r.lastErrorNanos > suppressionIntervalNanos) {
            records.remove(key, r);
            return false;
        }
        return r.errors > suppressionLimit;
    }

    /** One more error for {@code node} (an exception, a timeout or a 5xx other than 507). */
    public void increment(Device node) {
        long now = nanoClock.getAsLong();
        records.compute(node.address(), (k, r) -> {
            if (r == null || now - r.lastErrorNanos > suppressionIntervalNanos) {
                return new ErrorRecord(1, now);
            }
            return new ErrorRecord(r.errors + 1, now);
        });
    }

    /** Limits {@code node} immediately (a 507 Insufficient Storage). */
    public void limit(Device node) {
        records.put(node.address(), new ErrorRecord(suppressionLimit + 1, nanoClock.getAsLong()));
    }

    private record ErrorRecord(int errors, long lastErrorNanos) {}
}
