package io.cairn.common.path;

import java.util.List;

/**
 * Swift's cluster-wide limits ({@code swift/common/constraints.py} in 2.30.1), overridable in {@code
 * swift.conf [swift-constraints]} under the same key names; the proxy publishes them in {@code /info}.
 * Lengths are in characters of the decoded name (Python 3 {@code len(str)}), metadata sizes in bytes.
 *
 * <p>Thread-safety: immutable.
 *
 * @param maxFileSize {@code max_file_size}: largest object body in bytes (5 GiB + 2)
 * @param maxMetaNameLength {@code max_meta_name_length}: bytes of a metadata name after its prefix
 * @param maxMetaValueLength {@code max_meta_value_length}: bytes of a metadata value
 * @param maxMetaCount {@code max_meta_count}: metadata items per request
 * @param maxMetaOverallSize {@code max_meta_overall_size}: sum of names and values per request
 * @param maxHeaderSize {@code max_header_size}: bytes of any one header value
 * @param maxObjectNameLength {@code max_object_name_length}
 * @param containerListingLimit {@code container_listing_limit}: default and maximum listing {@code limit}
 * @param accountListingLimit {@code account_listing_limit}
 * @param maxAccountNameLength {@code max_account_name_length} (doubled for auto-create accounts)
 * @param maxContainerNameLength {@code max_container_name_length} (doubled in auto-create accounts)
 * @param validApiVersions {@code valid_api_versions}: path versions accepted, e.g. {@code v1}
 * @param extraHeaderCount {@code extra_header_count}: headers allowed beyond {@code max_meta_count + 36}
 * @param autoCreateAccountPrefix {@code auto_create_account_prefix}: system accounts start with it
 */
public record Constraints(
        long maxFileSize,
        int maxMetaNameLength,
        int maxMetaValueLength,
        int maxMetaCount,
        int maxMetaOverallSize,
        int maxHeaderSize,
        int maxObjectNameLength,
        int containerListingLimit,
        int accountListingLimit,
        int maxAccountNameLength,
        int maxContainerNameLength,
        List<String> validApiVersions,
        int extraHeaderCount,
        String autoCreateAccountPrefix) {

    /** Swift 2.30.1's defaults. */
    public static final Constraints DEFAULTS = new Constraints(
            5_368_709_122L, 128, 256, 90, 4096, 8192, 1024, 10_000, 10_000, 256, 256, List.of("v1", "v1.0"), 0, ".");

    /** Internally generated and ordinary HTTP headers Swift allows on top of metadata. */
    public static final int BASE_HEADER_COUNT = 36;

    /** Copies {@code validApiVersions}. */
    public Constraints {
        validApiVersions = List.copyOf(validApiVersions);
    }

    /** Swift's {@code MAX_HEADER_COUNT = max_meta_count + 36 + max(extra_header_count, 0)}. */
    public int maxHeaderCount() {
        return maxMetaCount + BASE_HEADER_COUNT + Math.max(extraHeaderCount, 0);
    }

    /** Swift's {@code valid_api_version}. */
    public boolean isValidApiVersion(String version) {
        return validApiVersions.contains(version);
    }
}
