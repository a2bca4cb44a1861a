package io.cairn.bench.report;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What an open-loop run ({@code --rate}) offered and what the server sustained. The offered rate is the schedule's;
 * the achieved rate is the successful operations that ended inside the measured window divided by its length (a server
 * that keeps up finishes as many operations there as the schedule starts; one that cannot finishes only what it can,
 * however long the run drains afterwards). Below {@link #KEEP_UP_FRACTION} of the offered rate the server could not
 * keep up: its latencies are then mostly time spent queued, not service time. Immutable.
 *
 * @param offeredOpsPerSecond the schedule's rate over all connections
 * @param windowSeconds the measured window's length (the run's duration)
 * @param completedInWindow successful operations that ended inside the window
 * @param scheduled measured slots: intended starts inside the window, issued or not
 * @param notStarted measured slots never issued (the connections were still that far behind when the drain bound
 *     passed)
 * @param lateStarts measured slots issued after their intended start because their connection was still busy then
 * @param maxStartDelayNanos the largest (actual − intended) start of an issued measured slot
 */
public record RateStats(
        double offeredOpsPerSecond,
        double windowSeconds,
        long completedInWindow,
        long scheduled,
        long notStarted,
        long lateStarts,
        long maxStartDelayNanos) {
    /** Achieved below this fraction of the offered rate: the server could not keep up. */
    public static final double KEEP_UP_FRACTION = 0.95;

    /** Successful operations per second that ended inside the measured window. */
    public double achievedOpsPerSecond() {
        return windowSeconds <= 0 ? 0 : completedInWindow / windowSeconds;
    }

    /** Achieved ÷ offered. */
    public double achievedFraction() {
        return achievedOpsPerSecond() / offeredOpsPerSecond;
    }

    /** Whether the server sustained at least {@link #KEEP_UP_FRACTION} of the offered rate. */
    public boolean keptUp() {
        return achievedFraction() >= KEEP_UP_FRACTION;
    }

    /** The largest start delay in milliseconds. */
    public double maxStartDelayMillis() {
        return maxStartDelayNanos / 1e6;
    }

    /** {@code "server could not keep up: …"} when it did not, else null. */
    public @Nullable String warning() {
        if (keptUp()) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "server could not keep up: achieved %.1f of %.1f ops/s offered (%.1f %% < %.0f %%)%s;"
                        + " latencies are mostly queueing",
                achievedOpsPerSecond(),
                offeredOpsPerSecond,
                achievedFraction() * 100,
                KEEP_UP_FRACTION * 100,
                notStarted > 0 ? "; " + notStarted + " of " + scheduled + " scheduled operations never started" : "");
    }
}
