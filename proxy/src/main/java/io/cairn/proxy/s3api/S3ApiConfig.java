package io.cairn.proxy.s3api;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.Setting;
import java.util.List;

/**
 * The {@code [filter:s3api]} section, with Swift 2.30.1's keys and defaults ({@code s3api.py} {@code
 * S3ApiMiddleware.__init__}), declared once in {@link #DEFINITION}: keys Swift has that Cairn accepts without
 * acting on them are its accepted keys; anything else is reported as unknown.
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
 * @param anonymousAccount the account unsigned S3 requests address ({@code cairn_anonymous_account}; empty: none)
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
        String anonymousAccount,
        List<String> unknownKeys) {

    private static final Setting<String> LOCATION =
            Setting.string("location", "us-east-1").doc("The region; SigV4 scopes must name it.");
    private static final Setting<List<String>> STORAGE_DOMAIN = Setting.list("storage_domain", List.of())
            .doc("Hosts under which the first label is the bucket (virtual-host style).");
    private static final Setting<Boolean> DNS_COMPLIANT_BUCKET_NAMES =
            Setting.bool("dns_compliant_bucket_names", true).doc("Bucket names must be DNS-compliant.");
    private static final Setting<Integer> MAX_BUCKET_LISTING = Setting.integer(
                    "max_bucket_listing", 1000, 1, Integer.MAX_VALUE)
            .doc("The most keys one ListObjects answers.");
    private static final Setting<Integer> MAX_PARTS_LISTING = Setting.integer(
                    "max_parts_listing", 1000, 1, Integer.MAX_VALUE)
            .doc("The most parts one ListParts answers.");
    private static final Setting<Integer> MAX_MULTI_DELETE_OBJECTS = Setting.integer(
                    "max_multi_delete_objects", 1000, 1, Integer.MAX_VALUE)
            .doc("The most keys one DeleteObjects takes.");
    private static final Setting<Integer> MAX_UPLOAD_PART_NUM =
            Setting.integer("max_upload_part_num", 1000, 1, 10_000).doc("The highest part number.");
    private static final Setting<Long> MIN_SEGMENT_SIZE = Setting.longInteger(
                    "min_segment_size", 5_242_880L, 1, Long.MAX_VALUE)
            .doc("The smallest part (but the last) CompleteMultipartUpload takes.");
    private static final Setting<Long> ALLOWABLE_CLOCK_SKEW = Setting.longInteger(
                    "allowable_clock_skew", 900, 1, Long.MAX_VALUE)
            .doc("Seconds a request's time may differ from ours.");
    private static final Setting<Boolean> ALLOW_MULTIPART_UPLOADS =
            Setting.bool("allow_multipart_uploads", true).doc("Offer multipart uploads.");
    private static final Setting<Boolean> S3_ACL =
            Setting.bool("s3_acl", false).doc("Keep S3 ACLs in sysmeta and enforce them.");
    private static final Setting<String> ANONYMOUS_ACCOUNT = Setting.string("cairn_anonymous_account", "")
            .cairnOnly()
            .doc("The account whose buckets unsigned S3 requests (CORS preflights, browser POST forms, public reads)"
                    + " address; empty: unsigned requests are never S3.");

    /** Every setting of {@code [filter:s3api]}, and the Swift keys Cairn accepts without acting on. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "s3api",
            List.of(
                    LOCATION,
                    STORAGE_DOMAIN,
                    DNS_COMPLIANT_BUCKET_NAMES,
                    MAX_BUCKET_LISTING,
                    MAX_PARTS_LISTING,
                    MAX_MULTI_DELETE_OBJECTS,
                    MAX_UPLOAD_PART_NUM,
                    MIN_SEGMENT_SIZE,
                    ALLOWABLE_CLOCK_SKEW,
                    ALLOW_MULTIPART_UPLOADS,
                    S3_ACL,
                    ANONYMOUS_ACCOUNT),
            List.of(
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
                    "log_address"));

    public S3ApiConfig {
        storageDomains = List.copyOf(storageDomains);
        unknownKeys = List.copyOf(unknownKeys);
    }

    /** Swift's defaults (an empty section). */
    public static S3ApiConfig defaults() {
        return from(IniFile.parse("[filter:s3api]\n", "defaults").section("filter:s3api"));
    }

    /** Reads the section as Swift's {@code filter_factory} does; unknown keys are kept in {@link #unknownKeys}. */
    public static S3ApiConfig from(ConfigSection s) {
        ConfigValues v = DEFINITION.parse(s);
        return new S3ApiConfig(
                v.get(LOCATION),
                v.get(STORAGE_DOMAIN),
                v.get(DNS_COMPLIANT_BUCKET_NAMES),
                v.get(MAX_BUCKET_LISTING),
                v.get(MAX_PARTS_LISTING),
                v.get(MAX_MULTI_DELETE_OBJECTS),
                v.get(MAX_UPLOAD_PART_NUM),
                v.get(MIN_SEGMENT_SIZE),
                v.get(ALLOWABLE_CLOCK_SKEW),
                v.get(ALLOW_MULTIPART_UPLOADS),
                v.get(S3_ACL),
                v.get(ANONYMOUS_ACCOUNT),
                v.unknownKeys());
    }
}
