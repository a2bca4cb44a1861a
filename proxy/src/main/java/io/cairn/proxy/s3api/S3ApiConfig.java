package io.cairn.proxy.s3api;

import io.cairn.common.config.ConfigSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code [filter:s3api]} section, with Swift 2.30.1's keys and defaults ({@code s3api.py} {@code
 * S3ApiMiddleware.__init__}). Keys Swift has that Cairn accepts without acting on them are listed in {@code
 * ACCEPTED}; anything else is reported as unknown.
 *
 * <p>Immutable.
 *
 * @param location the region ({@code us-east-1}); SigV4 scopes must name it
 * @param storageDomains hosts under which the first label is the bucket (virtual-host style)
 * @param dnsCompliantBucketNames whether bucket names must be DNS-compliant
 * @param maxBucketListing the most keys one ListObjects answers
 * @param maxPartsListing the most parts one ListParts answers
 * @param maxMultiDeleteObjects the most keys one DeleteObjects takes
 * @param maxUploadPartNum the highest part number
 * @param minSegmentSize the smallest part (but the last) CompleteMultipartUpload takes
 * @param allowableClockSkew seconds a request's time may differ from ours
 * @param allowMultipartUploads whether multipart uploads are offered
 * @param s3Acl whether S3 ACLs are kept in sysmeta and enforced ({@code s3_acl})
 * @param unknownKeys keys of the section Cairn does not know
 */
public record S3ApiConfig(
        String location,
        List<String> storageDomains,
        boolean dnsCompliantBucketNames,
        int maxBucketListing,
        int maxPartsListing,
        int maxMultiDeleteObjects,
        int maxUploadPartNum,
        long minSegmentSize,
        long allowableClockSkew,
        boolean allowMultipartUploads,
        boolean s3Acl,
        List<String> unknownKeys) {

    private static final Set<String> KNOWN = Set.of(
            "use",
            "location",
            "storage_domain",
            "dns_compliant_bucket_names",
            "max_bucket_listing",
            "max_parts_listing",
            "max_multi_delete_objects",
            "max_upload_part_num",
            "min_segment_size",
            "allowable_clock_skew",
            "allow_multipart_uploads",
            "s3_acl");

    /** Keys of Swift's s3api Cairn accepts and does not act on (logging, keystone and pipeline checks). */
    private static final Set<String> ACCEPTED = Set.of(
            "allow_no_owner",
            "multi_delete_concurrency",
            "auth_pipeline_check",
            "check_bucket_owner",
            "force_swift_request_proxy_log",
            "cors_preflight_allow_origin",
            "ratelimit_as_client_error",
            "log_name",
            "log_level",
            "log_facility",
            "log_headers",
            "log_address");

    public S3ApiConfig {
        storageDomains = List.copyOf(storageDomains);
        unknownKeys = List.copyOf(unknownKeys);
    }

    /** Swift's defaults. */
    public static S3ApiConfig defaults() {
        return new S3ApiConfig(
                "us-east-1", List.of(), true, 1000, 1000, 1000, 1000, 5_242_880L, 900, true, false, List.of());
    }

    /** Reads the section as Swift's {@code filter_factory} does; unknown keys are kept in {@link #unknownKeys}. */
    public static S3ApiConfig from(ConfigSection s) {
        List<String> domains = new ArrayList<>();
        for (String d : s.getString("storage_domain", "").split(",")) {
            if (!d.strip().isEmpty()) {
                domains.add(d.strip());
            }
        }
        List<String> unknown = s.unknownKeys(KNOWN, ACCEPTED);
        return new S3ApiConfig(
                s.getString("location", "us-east-1"),
                domains,
                s.getBoolean("dns_compliant_bucket_names", true),
                s.getInt("max_bucket_listing", 1000, 1, Integer.MAX_VALUE),
                s.getInt("max_parts_listing", 1000, 1, Integer.MAX_VALUE),
                s.getInt("max_multi_delete_objects", 1000, 1, Integer.MAX_VALUE),
                s.getInt("max_upload_part_num", 1000, 1, 10_000),
                s.getLong("min_segment_size", 5_242_880L, 1, Long.MAX_VALUE),
                s.getLong("allowable_clock_skew", 900, 1, Long.MAX_VALUE),
                s.getBoolean("allow_multipart_uploads", true),
                s.getBoolean("s3_acl", false),
                unknown);
    }
}
