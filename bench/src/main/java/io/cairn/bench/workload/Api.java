package io.cairn.bench.workload;

/** Which API a workload drives: Swift's ({@code /v1/AUTH_x/container/object}, tempauth token) or S3's (path-style
 * {@code /bucket/key}, SigV4 header auth). Immutable. */
public enum Api {
    /** The Swift API with a tempauth token. */
    SWIFT,
    /** The S3 API, path style, SigV4 in the {@code Authorization} header. */
    S3
}
