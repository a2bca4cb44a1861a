package io.cairn.proxy.s3api.auth;

import org.jspecify.annotations.Nullable;

/**
 * An authenticated S3 request: who signed it and what its body must satisfy.
 *
 * <p>Immutable.
 *
 * @param accessKey the access key ({@code account:user} with tempauth)
 * @param payload how the body is signed
 * @param payloadSha256 for {@link PayloadMode#SIGNED}, the lower-case hex SHA-256 the body must have
 * @param chunkSigning for signed aws-chunked bodies, the seed of the chunk signature chain
 */
public record S3Auth(
        String accessKey,
        PayloadMode payload,
        @Nullable String payloadSha256,
        @Nullable ChunkSigning chunkSigning) {

    /** An unsigned request (Cairn's {@code cairn_anonymous_account}): no access key, the body unsigned. */
    public static S3Auth anonymous() {
        return new S3Auth("", PayloadMode.UNSIGNED, null, null);
    }

    /** Whether the request was unsigned. */
    public boolean isAnonymous() {
        return accessKey.isEmpty();
    }

    /**
     * What chunk signatures are computed from.
     *
     * @param signingKey the request's SigV4 signing key
     * @param amzDate the request's {@code X-Amz-Date}
     * @param scope {@code date/region/s3/aws4_request}
     * @param seedSignature the request's own signature, which the first chunk's chains to
     */
    @SuppressWarnings("ArrayRecordComponent") // the key is never compared or hashed, only used to sign
    public record ChunkSigning(byte[] signingKey, String amzDate, String scope, String seedSignature) {}
}
