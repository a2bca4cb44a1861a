package io.cairn.proxy.bulk;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.Setting;
import java.util.List;

/**
 * {@code [filter:bulk]} with Swift 2.30.1's keys and defaults, declared once in {@link #DEFINITION}.
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
    private static final int ANY = Integer.MIN_VALUE;
    private static final int MOST = Integer.MAX_VALUE;
    private static final Setting<Integer> MAX_CONTAINERS = Setting.integer(
                    "max_containers_per_extraction", 10_000, ANY, MOST)
            .doc("Containers one archive may create.");
    private static final Setting<Integer> MAX_FAILED_EXTRACTIONS =
            Setting.integer("max_failed_extractions", 1000, ANY, MOST).doc("Failures before an extraction stops.");
    private static final Setting<Integer> MAX_DELETES =
            Setting.integer("max_deletes_per_request", 10_000, ANY, MOST).doc("Paths one bulk delete may name.");
    private static final Setting<Integer> MAX_FAILED_DELETES =
            Setting.integer("max_failed_deletes", 1000, ANY, MOST).doc("Failures before a bulk delete stops.");
    private static final Setting<Integer> YIELD_FREQUENCY = Setting.integer("yield_frequency", 10, ANY, MOST)
            .doc("Seconds between keep-alive whitespace of a long response.");
    private static final Setting<Integer> DELETE_CONCURRENCY = Setting.integer("delete_concurrency", 2, ANY, MOST)
            .doc("Deletes in flight at once, clamped to [1, 1000] as Swift does.");
    private static final Setting<Integer> DELETE_CONTAINER_RETRY_COUNT = Setting.integer(
                    "delete_container_retry_count", 0, ANY, MOST)
            .doc("Retries of a container DELETE answered 409.");

    /** Every setting of {@code [filter:bulk]}. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "bulk",
            List.of(
                    MAX_CONTAINERS,
                    MAX_FAILED_EXTRACTIONS,
                    MAX_DELETES,
                    MAX_FAILED_DELETES,
                    YIELD_FREQUENCY,
                    DELETE_CONCURRENCY,
                    DELETE_CONTAINER_RETRY_COUNT),
            List.of());

    /** Swift's {@code MAX_OBJECT_NAME_LENGTH + MAX_CONTAINER_NAME_LENGTH + 2}: the longest line of a delete list. */
    static final int MAX_PATH_LENGTH = 1024 + 256 + 2;

    /** The section's values (Swift's defaults for the missing ones); unknown keys go to {@code warnings}. */
    public static BulkConfig from(ConfigSection s, List<String> warnings) {
        ConfigValues v = DEFINITION.parse(s);
        v.unknownKeys().forEach(k -> warnings.add("[" + s.name() + "] unknown key " + k));
        return new BulkConfig(
                v.get(MAX_CONTAINERS),
                v.get(MAX_FAILED_EXTRACTIONS),
                v.get(MAX_DELETES),
                v.get(MAX_FAILED_DELETES),
                v.get(YIELD_FREQUENCY),
                Math.min(1000, Math.max(1, v.get(DELETE_CONCURRENCY))),
                v.get(DELETE_CONTAINER_RETRY_COUNT));
    }
}
