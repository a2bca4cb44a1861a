package io.cairn.proxy.pipeline;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import org.jspecify.annotations.Nullable;

/**
 * The proxy's seam to its auth system (tempauth, in {@code io.cairn.proxy.auth}): token issuance on the
 * auth prefix, and the authorization decision Swift's {@code swift.authorize} makes, called by each
 * operation once it knows the container's ACL ({@code delay_denial}).
 *
 * <p>Implementations are thread-safe.
 */
public interface AccessPolicy {
    /** Answers a request on the auth prefix ({@code /auth/...}), or returns null if it is not one. */
    @Nullable
    FullHttpResponse handleAuthRequest(HttpRequest request);

    /**
     * Swift's {@code authorize(req)}.
     *
     * @param acl the container ACL that applies ({@code X-Container-Read} for reads, {@code
     *     X-Container-Write} for object writes), or null
     */
    Decision authorize(
            String method,
            String account,
            @Nullable String container,
            @Nullable String object,
            HttpHeaders requestHeaders,
            @Nullable String acl,
            @Nullable String accountAclJson);

    /**
     * An authorization outcome.
     *
     * @param status 0 when allowed, else the status to answer (401, 403, 400)
     * @param swiftOwner whether the caller may see and set owner-only headers
     * @param body the response body when denied (empty for Swift's default)
     * @param headers extra response headers when denied (e.g. {@code Www-Authenticate}), or null
     */
    record Decision(
            int status,
            boolean swiftOwner,
            String body,
            @Nullable HttpHeaders headers) {
        /** Allowed. */
        public static Decision allow(boolean owner) {
            return new Decision(0, owner, "", null);
        }

        /** Whether the request may proceed. */
        public boolean allowed() {
            return status == 0;
        }
    }
}
