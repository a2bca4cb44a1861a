package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.checksum.ChecksumAlgorithm;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Swift answer headers as S3 shows them (s3api's {@code S3Response.__init__} and {@code translate_swift_to_s3}):
 * user metadata as {@code x-amz-meta-*} ({@code =5F} back to {@code _}), the content headers kept, the S3 ETag
 * from {@code X-Object-Sysmeta-S3Api-Etag} (an SLO without one gets {@code -N}), every other Swift header
 * dropped, but for the version headers ({@code x-amz-version-id}, {@code x-amz-copy-source-version-id}, {@code
 * x-amz-delete-marker}) and {@code x-amz-tagging-count}; the stored checksums when the client asked ({@code
 * x-amz-checksum-mode: ENABLED}).
 *
 * <p>Stateless.
 */
final class ResponseHeaders {
    private static final Set<String> KEPT = Set.of(
            "content-length",
            "content-type",
            "content-range",
            "content-encoding",
            "content-disposition",
            "content-language",
            "etag",
            "last-modified",
            "x-robots-tag",
            "cache-control",
            "expires");

    /** Where S3 checksums are kept: {@code X-Object-Sysmeta-S3Api-Checksum-<ALGORITHM>} (Cairn's; 2.30.1 has none). */
    static final String SYSMETA_CHECKSUM = "X-Object-Sysmeta-S3Api-Checksum-";

    /** Where a checksum that came in a trailer is kept (set by a POST after the PUT). */
    static final String TRANSIENT_CHECKSUM = "X-Object-Transient-Sysmeta-S3Api-Checksum-";

    private ResponseHeaders() {}

    static HttpHeaders translate(HttpHeaders swift, boolean checksums) {
        HttpHeaders out = new DefaultHttpHeaders();
        for (Map.Entry<String, String> e : swift) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.startsWith("x-object-meta-")) {
                out.add("x-amz-meta-" + k.substring(14).replace("=5f", "_"), e.getValue());
            } else if (KEPT.contains(k)) {
                out.add(e.getKey(), e.getValue());
            } else {
                versionHeader(k, e.getValue(), out);
            }
        }
        ObjectLock.responseHeaders(swift, out);
        int tags = Tagging.count(swift.get(Tagging.OBJECT));
        if (tags > 0) {
            out.set("x-amz-tagging-count", Integer.toString(tags));
        }
        String s3Etag = swift.get(MultipartLayout.SYSMETA_ETAG);
        String etag = out.get("ETag");
        if (s3Etag != null && !s3Etag.isEmpty()) {
            out.set("ETag", quote(s3Etag));
        } else if (etag != null) {
            boolean slo = "true".equalsIgnoreCase(swift.get("X-Static-Large-Object"));
            out.set("ETag", quote(slo ? unquote(etag) + "-N" : etag));
        }
        if (checksums) {
            for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
                String v = swift.get(SYSMETA_CHECKSUM + a.name());
                if (v == null) {
                    v = swift.get(TRANSIENT_CHECKSUM + a.name());
                }
                if (v != null) {
                    out.set(a.header(), v);
                    // a multipart object's type is its upload's; a plain object's checksum is of the whole
                    out.set(
                            "x-amz-checksum-type",
                            swift.get(S3CreateMultipartUpload.SYSMETA_CHECKSUM_TYPE, "FULL_OBJECT"));
                }
            }
        }
        String expiration = LifecycleConfiguration.Expiry.fromObject(swift);
        if (expiration != null) {
            out.set("x-amz-expiration", expiration);
        }
        if (swift.contains("Accept-Ranges")) {
            out.set("Accept-Ranges", "bytes");
        }
        return out;
    }

    /** s3api's {@code translate_swift_to_s3} of object versioning's headers. */
    private static void versionHeader(String lowerName, String value, HttpHeaders out) {
        switch (lowerName) {
            case "x-object-version-id" -> out.set("x-amz-version-id", value);
            case "x-copied-from-version-id" -> out.set("x-amz-copy-source-version-id", value);
            case "x-backend-content-type" -> {
                if (VersionIds.DELETE_MARKER_TYPE.equals(value)) {
                    out.set("x-amz-delete-marker", "true");
                }
            }
            default -> {}
        }
    }

    static String quote(String etag) {
        return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
    }

    static String unquote(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1)
                : etag;
    }
}
