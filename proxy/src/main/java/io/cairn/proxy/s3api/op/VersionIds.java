package io.cairn.proxy.s3api.op;

import io.cairn.common.time.Timestamp;
import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3Exception;
import org.jspecify.annotations.Nullable;

/**
 * S3 version ids as s3api maps them onto Swift's object versioning: an S3 {@code versionId} is Swift's {@code
 * version-id} (the version's {@code X-Timestamp}, internal form), {@code null} the unversioned object; the
 * names of the container sysmeta versioning keeps, as {@code get_container_info} shows them.
 *
 * <p>Stateless.
 */
final class VersionIds {
    /** {@code X-Container-Sysmeta-Versions-Container}'s key in the container info's sysmeta. */
    static final String INFO_VERSIONS_CONTAINER = "versions-container";

    /** {@code X-Container-Sysmeta-Versions-Enabled}, set by {@code X-Versions-Enabled}. */
    static final String SYSMETA_ENABLED = "X-Container-Sysmeta-Versions-Enabled";

    /** Object versioning's delete marker type (also {@code X-Backend-Content-Type} of a marker's answers). */
    static final String DELETE_MARKER_TYPE = "application/x-deleted;swift_versions_deleted=1";

    private VersionIds() {}

    /**
     * The request's {@code versionId}: null when absent, {@code null} (the text) for the unversioned object,
     * else a version id, which must be a Swift timestamp (InvalidArgument otherwise: s3api 2.30.1 passes it on
     * and answers object versioning's 400 as a 500).
     */
    static @Nullable String of(S3Request req) {
        return check("versionId", req.query().get("versionId"));
    }

    /** {@code value} checked as a version id named {@code argument}; null stays null. */
    static @Nullable String check(String argument, @Nullable String value) {
        if (value == null || value.equals("null")) {
            return value;
        }
        try {
            Timestamp.parse(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw S3Exception.invalidArgument(argument, value, "Invalid version id specified");
        }
    }

    /** Whether {@code version} names a version other than the unversioned object. */
    static boolean isReal(@Nullable String version) {
        return version != null && !version.equals("null");
    }

    /** Swift's query for {@code version}: {@code version-id=<id>}. */
    static String query(String version) {
        return "version-id=" + MultipartLayout.quote(version);
    }
}
