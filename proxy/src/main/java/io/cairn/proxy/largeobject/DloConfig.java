package io.cairn.proxy.largeobject;

import io.cairn.common.config.ConfigSection;
import java.util.List;
import java.util.Set;

/**
 * {@code [filter:dlo]} (Swift's {@code dlo} filter), with Swift's defaults.
 *
 * <p>Immutable.
 *
 * @param rateLimitAfterSegment segments served at full speed before rate limiting (accepted; not enforced)
 * @param rateLimitSegmentsPerSec segments per second after that (accepted; not enforced)
 * @param maxGetTime seconds a GET may take (accepted; not enforced)
 * @param unknownKeys keys of the section Cairn does not know
 */
public record DloConfig(
        int rateLimitAfterSegment, int rateLimitSegmentsPerSec, int maxGetTime, List<String> unknownKeys) {
    private static final Set<String> KNOWN =
            Set.of("use", "rate_limit_after_segment", "rate_limit_segments_per_sec", "max_get_time");

    public DloConfig {
        unknownKeys = List.copyOf(unknownKeys);
    }

    /** Reads the section; out-of-range values fail as every config value does. */
    public static DloConfig from(ConfigSection s) {
        return new DloConfig(
                s.getInt("rate_limit_after_segment", 10, 0, Integer.MAX_VALUE),
                s.getInt("rate_limit_segments_per_sec", 1, 0, Integer.MAX_VALUE),
                s.getInt("max_get_time", 86400, 1, Integer.MAX_VALUE),
                s.unknownKeys(KNOWN));
    }
}
