package io.cairn.bench.run;

import java.time.Duration;

/**
 * The fixed schedule of an open-loop run ({@code --rate}): slot {@code k} (0, 1, 2, …) is intended to start at
 * {@code origin + k / rate} and belongs to connection {@code k mod connections}, so the intended starts of the whole run
 * are spaced 1/rate apart and each connection's are spaced connections/rate apart. Slots before the measured window
 * are warm-up, those in {@code [measureStart, measureEnd)} are measured, and the first slot at or after
 * {@code measureEnd} ends a connection's run. A connection still behind its schedule {@link #abandonAfterNanos} (half
 * the measured duration, at least 1 s, after the window) stops issuing late slots, so a server that cannot keep up
 * cannot stretch the run without bound. Times are {@link System#nanoTime} values. Immutable and thread-safe.
 */
final class RateSchedule {
    private static final long MIN_DRAIN_NANOS = 1_000_000_000L;

    private final double opsPerSecond;
    private final double intervalNanos;
    private final int connections;
    private final long originNanos;
    private final long measureStartNanos;
    private final long measureEndNanos;
    private final long abandonAfterNanos;

    /**
     * @param opsPerSecond the offered rate over all connections (&gt; 0)
     * @param connections how many connections the slots are dealt to
     * @param originNanos the intended start of slot 0 (the warm-up's start)
     * @param warmup how long after the origin the measured window starts
     * @param duration the measured window's length (&gt; 0)
     */
    RateSchedule(double opsPerSecond, int connections, long originNanos, Duration warmup, Duration duration) {
        if (!(opsPerSecond > 0) || Double.isInfinite(opsPerSecond)) {
            throw new IllegalArgumentException("rate must be > 0 ops/s, got " + opsPerSecond);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be >= 1, got " + connections);
        }
        if (duration.isZero() || duration.isNegative() || warmup.isNegative()) {
            throw new IllegalArgumentException(
                    "an open-loop schedule needs a measured duration > 0 and a warm-up >= 0");
        }
        this.opsPerSecond = opsPerSecond;
        this.intervalNanos = 1e9 / opsPerSecond;
        this.connections = connections;
        this.originNanos = originNanos;
        this.measureStartNanos = originNanos + warmup.toNanos();
        this.measureEndNanos = measureStartNanos + duration.toNanos();
        this.abandonAfterNanos = measureEndNanos + Math.max(MIN_DRAIN_NANOS, duration.toNanos() / 2);
    }

    /** The offered rate, operations per second over all connections. */
    double opsPerSecond() {
        return opsPerSecond;
    }

    int connections() {
        return connections;
    }

    /** The intended start of slot {@code slot}. */
    long intendedStartNanos(long slot) {
        return originNanos + (long) (slot * intervalNanos);
    }

    /** The first slot of {@code connection}; its next ones follow every {@link #connections} slots. */
    long firstSlot(int connection) {
        if (connection < 0 || connection >= connections) {
            throw new IllegalArgumentException("connection " + connection + " of " + connections);
        }
        return connection;
    }

    /** Start of the measured window: slots intended from here on are measured. */
    long measureStartNanos() {
        return measureStartNanos;
    }

    /** End of the measured window (exclusive): no slot intended from here on is issued. */
    long measureEndNanos() {
        return measureEndNanos;
    }

    /** After this a connection issues none of its late slots any more; the ones left count as not started. */
    long abandonAfterNanos() {
        return abandonAfterNanos;
    }

    /** Length of the measured window in seconds. */
    double windowSeconds() {
        return (measureEndNanos - measureStartNanos) / 1e9;
    }

    /** Whether slot {@code slot} lies in the measured window. */
    boolean measured(long slot) {
        long t = intendedStartNanos(slot);
        return t >= measureStartNanos && t < measureEndNanos;
    }
}
