package io.cairn.proxy.bulk;

import io.cairn.common.config.ConfigSection;
import java.util.List;
import java.util.Set;

/**
 * {@code [filter:bulk]} with Swift 2.30.1's keys and defaults.
 *
 * <p>Immutable.
 *
 * @param maxContainers {@code max_containers_per_extraction}
 * @param maxFailedExtractions {@code max_failed_extractions}
 * @param maxDeletes {@code max_deletes_per_request}
 * @param maxFailedDeletes {@code max_failed_deletes}
 * @param yieldFrequencySeconds {@code yield_frequency}: seconds between keep-alive whitespace
 * @param deleteConcurrency {@code delete_concurrency}, in {@code [1, 1000]}
 * @param retryCount {@code delete_container_retry_count}: retries of a container DELETE answered 409
 */
public record BulkConfig(
        int maxContainers,
        int maxFailedExtractions,
        int maxDeletes,
        int maxFailedDeletes,
        int yieldFrequencySeconds,
        int deleteConcurrency,
        int retryCount) {
    private static final Set<String> KNOWN = Set.of(
            "use",
            "max_containers_per_extraction",
            "max_failed_extractions",
            "max_deletes_per_request",
            "max_failed_deletes",
            "yield_frequency",
            "delete_concurrency",
            "delete_container_retry_count");

    /** Swift's {@code MAX_OBJECT_NAME_LENGTH + MAX_CONTAINER_NAME_LENGTH + 2}: the longest line of a delete list. */
    static final int MAX_PATH_LENGTH = 1024 + 256 + 2;

    /** The section's values (Swift's defaults for the missing ones); unknown keys go to {@code warnings}. */
    public static BulkConfig from(ConfigSection s, List<String> warnings) {
        s.unknownKeys(KNOWN).forEach(k -> warnings.add("[" + s.name() + "] unknown key " + k));
        int any = Integer.MIN_VALUE;
        int most = Integer.MAX_VALUE;
        return new BulkConfig(
                s.getInt("max_containers_per_extraction", 10_000, any, most),
                s.getInt("max_failed_extractions", 1000, any, most),
                s.getInt("max_deletes_per_request", 10_000, any, most),
                s.getInt("max_failed_deletes", 1000, any, most),
                s.getInt("yield_frequency", 10, any, most),
                Math.min(1000, Math.max(1, s.getInt("delete_concurrency", 2, any, most))),
                s.getInt("delete_container_retry_count", 0, any, most));
    }
}
