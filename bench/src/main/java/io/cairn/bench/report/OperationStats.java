package io.cairn.bench.report;

import io.cairn.bench.workload.Operation;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Counts, body bytes and the latency histogram (microseconds, 3 significant digits, auto-resizing) of one operation
 * type — or of all of them ({@link #op} null). Only successful operations enter the histogram; failures are counted
 * in {@link #errors}. Not thread-safe: each connection keeps its own and the runner merges them with {@link #add}
 * after the connections stopped.
 */
public final class OperationStats {
    private final @Nullable Operation op;
    private final Histogram latencyMicros = new Histogram(3);
    private long successes;
    private long errors;
    private long bytes;

    public OperationStats(@Nullable Operation op) {
        this.op = op;
    }

    /** The operation, or null for the total over all operations. */
    public @Nullable Operation op() {
        return op;
    }

    /** Records one successful operation that took {@code latencyNanos} and moved {@code bodyBytes}. */
    public void recordSuccess(long latencyNanos, long bodyBytes) {
        // hot path: no allocation (the histogram only allocates when it grows its range)
        latencyMicros.recordValue(Math.max(1, latencyNanos / 1000));
        successes++;
        bytes += bodyBytes;
    }

    /** Records one failed operation. */
    public void recordError() {
        errors++;
    }

    /** Adds {@code other}'s counts and histogram to this one. */
    public void add(OperationStats other) {
        latencyMicros.add(other.latencyMicros);
        successes += other.successes;
        errors += other.errors;
        bytes += other.bytes;
    }

    /** Successful operations. */
    public long successes() {
        return successes;
    }

    /** Failed operations (wrong status, I/O error, timeout). */
    public long errors() {
        return errors;
    }

    /** Body bytes of successful operations (sent for PUT, received for GET and LIST). */
    public long bytes() {
        return bytes;
    }

    /** The latency at {@code percentile} (0..100) in milliseconds; 0 when nothing was recorded. */
    public double latencyMillis(double percentile) {
        return successes == 0 ? 0 : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The largest latency in milliseconds. */
    public double maxMillis() {
        return successes == 0 ? 0 : latencyMicros.getMaxValue() / 1000.0;
    }

    /** The mean latency in milliseconds. */
    public double meanMillis() {
        return successes == 0 ? 0 : latencyMicros.getMean() / 1000.0;
    }
}
