package io.cairn.proxy.swift;

import io.cairn.proxy.pipeline.AccessPolicy;
import io.netty.handler.codec.http.FullHttpResponse;
import org.jspecify.annotations.Nullable;

/**
 * Calls the {@link AccessPolicy} for an exchange once the applicable ACL is known (Swift's {@code
 * delay_denial}) and turns a denial into its response.
 *
 * <p>Thread-safety: stateless.
 */
final class Authorization {
    private Authorization() {}

    /** The decision for the exchange's request under {@code acl}. */
    static AccessPolicy.Decision check(Exchange ex, @Nullable String acl) {
        return check(ex, acl, null);
    }

    /** The decision with the account's ACL JSON (from account sysmeta) as well. */
    static AccessPolicy.Decision check(Exchange ex, @Nullable String acl, @Nullable String accountAcl) {
        SwiftPath p = ex.path();
        return ex.services()
                .access()
                .authorize(ex.method().name(), p.account(), p.container(), p.object(), ex.headers(), acl, accountAcl);
    }

    /** The response for a denial. */
    static FullHttpResponse denial(AccessPolicy.Decision d) {
        FullHttpResponse r = d.body().isEmpty()
                ? SwiftResponses.standard(d.status())
                : SwiftResponses.withText(d.status(), d.body());
        if (d.headers() != null) {
            r.headers().add(d.headers());
        }
        return r;
    }
}
