package io.cairn.proxy.largeobject;

import io.cairn.common.config.ConfigSection;
import java.util.List;
import java.util.Set;

/**
 * {@code [filter:slo]} (Swift's {@code slo} filter), with Swift's defaults.
 *
 * <p>Immutable.
 *
 * @param maxManifestSegments most object-backed segments in a manifest PUT
 * @param maxManifestSize most bytes in a manifest PUT's body
 * @param yieldFrequency seconds between heartbeat spaces of a {@code heartbeat=on} PUT
 * @param concurrency segment HEADs of a manifest PUT in flight at once
 * @param pacing {@code rate_limit_*} and {@code max_get_time} of a GET
 * @param unknownKeys keys of the section Cairn does not know
 */
public record SloConfig(
        int maxManifestSegments,
        int maxManifestSize,
        int yieldFrequency,
        int concurrency,
        SegmentPacing pacing,
        List<String> unknownKeys) {
    private static final Set<String> KNOWN = Set.of(
            "use",
            "max_manifest_segments",
            "max_manifest_size",
            "yield_frequency",
            "concurrency",
            "delete_concurrency",
            "allow_async_delete",
            "max_get_time",
            "rate_limit_under_size",
            "rate_limit_after_segment",
            "rate_limit_segments_per_sec");

    public SloConfig {
        unknownKeys = List.copyOf(unknownKeys);
    }

    /** Reads the section; out-of-range values fail as every config value does. */
    public static SloConfig from(ConfigSection s) {
        return new SloConfig(
                s.getInt("max_manifest_segments", 1000, 1, Integer.MAX_VALUE),
                s.getInt("max_manifest_size", 8 << 20, 1, Integer.MAX_VALUE),
                s.getInt("yield_frequency", 10, 1, Integer.MAX_VALUE),
                Math.min(1000, Math.max(1, s.getInt("concurrency", 2, 0, Integer.MAX_VALUE))),
                SegmentPacing.from(s, true),
                s.unknownKeys(KNOWN));
    }
}
