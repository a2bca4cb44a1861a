package io.cairn.proxy.s3api.op;

import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code x-amz-copy-source} as s3api reads it ({@code check_copy_source}): {@code [/]bucket/key[?versionId=…]},
 * percent-decoded; the {@code x-amz-copy-source-if-*} headers become the source HEAD's conditionals.
 *
 * <p>Immutable.
 *
 * @param bucket the source bucket
 * @param key the source key
 * @param version the version of the source named in its query (checked), or null
 */
record CopySource(String bucket, String key, @Nullable String version) {
    static CopySource parse(S3Request req) {
        String raw = req.clientHeaders().get("x-amz-copy-source", "");
        int q = raw.indexOf('?');
        String path = q < 0 ? raw : raw.substring(0, q);
        String version = null;
        if (q >= 0) {
            String query = raw.substring(q + 1);
            if (!query.startsWith("versionId=") || query.indexOf('&') >= 0) {
                throw S3Exception.invalidArgument("X-Amz-Copy-Source", raw, "Unsupported copy source parameter.");
            }
            version = VersionIds.check("x-amz-copy-source", PercentCoding.unquote(query.substring(10)));
        }
        String decoded = PercentCoding.unquote(path);
        if (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw S3Exception.invalidArgument(
                    "x-amz-copy-source",
                    raw,
                    "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
        }
        return new CopySource(decoded.substring(0, slash), decoded.substring(slash + 1), version);
    }

    /** The Swift query that reads the source: its {@code version-id}, if one was named. */
    String query() {
        return version == null ? "" : VersionIds.query(version);
    }

    /** The source HEAD's conditionals from {@code x-amz-copy-source-if-*}. */
    static void conditionals(S3Request req, HttpHeaders out) {
        for (Map.Entry<String, String> e : req.clientHeaders()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.startsWith("x-amz-copy-source-if-")) {
                out.set(k.substring("x-amz-copy-source-".length()), e.getValue());
            }
        }
    }

    /** Swift's {@code X-Copy-From} value: {@code /bucket/key}, quoted. */
    String copyFrom() {
        return "/" + PercentCoding.quote(bucket) + "/" + PercentCoding.quote(key);
    }

    /** The source HEAD answered {@code status}: the S3 error, or null to go on. */
    S3Exception headError(int status) {
        return switch (status) {
            case 304, 412 -> new S3Exception(S3ErrorCode.PreconditionFailed);
            case 404 -> S3Exception.noSuchKey(key);
            case 401, 403 -> new S3Exception(S3ErrorCode.AccessDenied);
            default -> new S3Exception(S3ErrorCode.InternalError, "unexpected status code " + status);
        };
    }
}
