package io.cairn.proxy.s3api.auth;

/**
 * How a request's body is signed ({@code x-amz-content-sha256}).
 *
 * <p>Immutable.
 */
public enum PayloadMode {
    /** The body's SHA-256 is in the header, checked while it streams (SigV4 header auth). */
    SIGNED,
    /** {@code UNSIGNED-PAYLOAD}, presigned URLs and SigV2: the body is not signed. */
    UNSIGNED,
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: aws-chunked, each chunk signed, chained. */
    STREAMING_SIGNED,
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}: as above plus a signed trailer. */
    STREAMING_SIGNED_TRAILER,
    /** {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: aws-chunked without signatures, with a trailer. */
    STREAMING_UNSIGNED_TRAILER;

    /** Whether the body is aws-chunked. */
    public boolean chunked() {
        return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER || this == STREAMING_UNSIGNED_TRAILER;
    }

    /** Whether the chunks carry chained signatures. */
    public boolean chunkSigned() {
        return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER;
    }

    /** Whether a trailer follows the last chunk. */
    public boolean trailer() {
        return this == STREAMING_SIGNED_TRAILER || this == STREAMING_UNSIGNED_TRAILER;
    }
}
