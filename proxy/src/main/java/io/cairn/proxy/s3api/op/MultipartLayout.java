package io.cairn.proxy.s3api.op;

import io.cairn.common.path.PercentCoding;

/**
 * Swift's s3api multipart layout: uploads of {@code <bucket>} live in {@code <bucket>+segments}, an upload's
 * marker object is {@code <key>/<upload-id>} and its parts {@code <key>/<upload-id>/<n>}; the completed object
 * is an SLO manifest carrying the S3 ETag in {@code X-Object-Sysmeta-S3Api-Etag}.
 *
 * <p>Stateless.
 */
final class MultipartLayout {
    static final String SEGMENTS_SUFFIX = "+segments";
    static final String SYSMETA_ETAG = "X-Object-Sysmeta-S3Api-Etag";
    static final String SYSMETA_UPLOAD_ID = "X-Object-Sysmeta-S3Api-Upload-Id";
    static final String SYSMETA_HAS_CONTENT_TYPE = "X-Object-Sysmeta-S3Api-Has-Content-Type";
    static final String SYSMETA_CONTENT_TYPE = "X-Object-Sysmeta-S3Api-Content-Type";

    private MultipartLayout() {}

    /** A query value, quoted as Python's {@code quote} with no safe characters but the unreserved ones. */
    static String quote(String s) {
        return PercentCoding.quote(s, "");
    }
}
