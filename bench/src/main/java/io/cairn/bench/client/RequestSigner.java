package io.cairn.bench.client;

import io.netty.handler.codec.http.HttpRequest;

/**
 * Adds credentials to a request just before it is sent (Swift: the {@code X-Auth-Token} header; S3 later: a SigV4
 * {@code Authorization} header over the method, path, headers and {@code UNSIGNED-PAYLOAD}). Thread-safe; called on
 * the event loop, so it must not block.
 */
@FunctionalInterface
public interface RequestSigner {
    /** Adds the credential headers to {@code request}. */
    void sign(HttpRequest request);
}
