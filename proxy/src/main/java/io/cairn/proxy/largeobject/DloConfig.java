package io.cairn.proxy.largeobject;

import io.cairn.common.config.ConfigSection;
import java.util.List;
import java.util.Set;

/**
 * {@code [filter:dlo]} (Swift's {@code dlo} filter), with Swift's defaults.
 *
 * <p>Immutable.
 *
 * @param pacing {@code rate_limit_after_segment}, {@code rate_limit_segments_per_sec} and {@code max_get_time}
 * @param unknownKeys keys of the section Cairn does not know
 */
public record DloConfig(SegmentPacing pacing, List<String> unknownKeys) {
    private static final Set<String> KNOWN =
            Set.of("use", "rate_limit_after_segment", "rate_limit_segments_per_sec", "max_get_time");

    public DloConfig {
        unknownKeys = List.copyOf(unknownKeys);
    }

    /** Reads the section; out-of-range values fail as every config value does. */
    public static DloConfig from(ConfigSection s) {
        return new DloConfig(SegmentPacing.from(s, false), s.unknownKeys(KNOWN));
    }
}
