package io.cairn.proxy.s3api.auth;

import org.jspecify.annotations.Nullable;

/**
 * Where S3 secrets come from: with tempauth, access key {@code account:user} and secret = the user's key (as
 * Swift's s3api with tempauth).
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface S3Credentials {
    /** The secret of {@code accessKey}, or null for an unknown key. */
    @Nullable
    String secret(String accessKey);
}
