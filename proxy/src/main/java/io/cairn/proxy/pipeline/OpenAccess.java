package io.cairn.proxy.pipeline;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import org.jspecify.annotations.Nullable;

/**
 * A proxy pipeline without an auth filter, as a Swift {@code [pipeline:main]} without tempauth behaves:
 * every request is allowed and treated as the owner. Used by tests of the data paths and by deployments
 * that put auth elsewhere; never the default of {@code cairn saio}.
 *
 * <p>Thread-safe (stateless).
 */
public final class OpenAccess implements AccessPolicy {
    @Override
    public @Nullable FullHttpResponse handleAuthRequest(HttpRequest request) {
        return null;
    }

    @Override
    public Decision authorize(
            String method,
            String account,
            @Nullable String container,
            @Nullable String object,
            HttpHeaders requestHeaders,
            @Nullable String acl,
            @Nullable String accountAclJson) {
        return Decision.allow(true);
    }
}
