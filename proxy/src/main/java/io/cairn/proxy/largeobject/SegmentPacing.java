package io.cairn.proxy.largeobject;

import io.cairn.common.concurrent.RateLimiter;
import io.cairn.common.config.ConfigSection;
import java.time.Clock;
import java.time.Duration;

/**
 * How fast a large object's GET may fetch its segments, and for how long it may run: Swift's {@code
 * rate_limit_after_segment} segments at full speed, then {@code rate_limit_segments_per_sec} (its {@code
 * RateLimitedIterator} over the segment listing; 0 turns it off), counting only segments smaller than {@code
 * rate_limit_under_size} (SLO; a DLO counts every segment), and {@code max_get_time} seconds for the whole body
 * ({@code SegmentedIterable._time_limited_iter}). Swift sleeps its greenthread; Cairn schedules the next segment's
 * GET on the event loop after the delay instead (see {@link SegmentedBody}).
 *
 * <p>Immutable.
 *
 * @param limitAfter segments fetched before the rate applies
 * @param segmentsPerSecond the rate after that; 0 for none
 * @param underSize only segment reads shorter than this many bytes count (Long.MAX_VALUE: every one)
 * @param maxGetTimeSeconds seconds a GET's body may take before the connection is ended
 */
public record SegmentPacing(int limitAfter, int segmentsPerSecond, long underSize, int maxGetTimeSeconds) {
    /** Swift's {@code DEFAULT_RATE_LIMIT_UNDER_SIZE} (slo.py): 1 MiB. */
    static final long SLO_UNDER_SIZE = 1 << 20;

    /** The section's {@code rate_limit_*} and {@code max_get_time} with Swift's defaults. */
    static SegmentPacing from(ConfigSection s, boolean slo) {
        return new SegmentPacing(
                s.getInt("rate_limit_after_segment", 10, 0, Integer.MAX_VALUE),
                s.getInt("rate_limit_segments_per_sec", 1, 0, Integer.MAX_VALUE),
                slo ? s.getLong("rate_limit_under_size", SLO_UNDER_SIZE, 0, Long.MAX_VALUE) : Long.MAX_VALUE,
                s.getInt("max_get_time", 86400, 1, Integer.MAX_VALUE));
    }

    /** The pacing of one GET, started now. */
    Pacer start(Clock clock) {
        return new Pacer(clock);
    }

    /** One GET's segment count, rate limiter and deadline. Confined to the exchange's event loop. */
    final class Pacer {
        private final Clock clock;
        private final RateLimiter limiter;
        private final long deadlineMillis;
        private int unlimited = limitAfter;

        private Pacer(Clock clock) {
            this.clock = clock;
            this.limiter = new RateLimiter(segmentsPerSecond, clock);
            this.deadlineMillis = clock.millis() + maxGetTimeSeconds * 1000L;
        }

        /**
         * Books the fetch of a segment read of {@code length} bytes (-1: not known, counted as large) and says how
         * long to wait before starting it.
         */
        Duration beforeSegment(long length) {
            boolean counted = underSize == Long.MAX_VALUE || (length >= 0 && length < underSize);
            if (!counted) {
                return Duration.ZERO;
            }
            if (unlimited > 0) {
                unlimited--;
                return Duration.ZERO;
            }
            return limiter.reserve(1);
        }

        /** Whether the GET has run longer than {@code max_get_time}. */
        boolean overTime() {
            return clock.millis() > deadlineMillis;
        }
    }
}
