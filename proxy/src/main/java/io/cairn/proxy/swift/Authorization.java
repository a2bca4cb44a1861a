package io.cairn.proxy.swift;

import io.cairn.proxy.info.AccountInfo;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Calls the {@link AccessPolicy} for an exchange once the applicable ACLs are known (Swift's {@code
 * delay_denial}) and turns a denial into its response.
 *
 * <p>Thread-safety: stateless.
 */
final class Authorization {
    private Authorization() {}

    /**
     * The decision for the exchange's request given the container's ACLs (null for account requests and
     * container writes); the account's ACL comes from the info cache, which has it whenever container or
     * account info was loaded for this request. A COPY is authorized as the PUT it becomes.
     */
    static AccessPolicy.Decision check(Exchange ex, @Nullable ContainerInfo container) {
        SwiftPath p = ex.path();
        String method = ex.method().name().equals("COPY") ? "PUT" : ex.method().name();
        return checkAs(ex, method, p.account(), p.container(), p.object(), container);
    }

    /**
     * Looks the exchange's account up, then decides on an account-level request (account POST, container
     * PUT/POST/DELETE: no container ACL applies) and calls {@code next} on the event loop with the account and
     * the decision. A denial is answered here and {@code next} is not called.
     */
    static void whenAccountAllows(Exchange ex, BiConsumer<AccountInfo, AccessPolicy.Decision> next) {
        OnLoop.then(ex, ex.services().infoCache().account(ex.path().account()), account -> {
            AccessPolicy.Decision d = check(ex, null);
            if (!d.allowed()) {
                ex.respond(denial(d));
                return;
            }
            next.accept(account, d);
        });
    }

    /**
     * The exchange's container info (looked up, continued on the exchange's event loop), then the caller's
     * decision on it: {@code allowed} gets the info, or {@code refused} the denial (503 when the info could not be
     * read).
     */
    static void whenContainerAllows(Exchange ex, Consumer<FullHttpResponse> refused, Consumer<ContainerInfo> allowed) {
        SwiftPath p = ex.path();
        ex.services()
                .infoCache()
                .container(p.account(), p.containerName())
                .whenCompleteAsync(
                        (info, e) -> {
                            if (e != null) {
                                refused.accept(SwiftResponses.standard(503));
                                return;
                            }
                            AccessPolicy.Decision d = check(ex, info);
                            if (!d.allowed()) {
                                refused.accept(denial(d));
                                return;
                            }
                            allowed.accept(info);
                        },
                        ex.eventLoop());
    }

    /** The decision for {@code method} on another resource by the exchange's caller (a copy's source). */
    static AccessPolicy.Decision checkAs(
            Exchange ex,
            String method,
            String account,
            @Nullable String c,
            @Nullable String o,
            @Nullable ContainerInfo container) {
        AuthorizeOverride override = ex.authorizeOverride();
        if (override != null && ex.services().access().allowsOverrides()) {
            return override.authorize(method, account, c, o);
        }
        AccountInfo a = ex.services().infoCache().account(account).getNow(null);
        String stored = a == null ? null : a.sysmeta().get("core-access-control");
        return ex.services()
                .access()
                .authorize(new AccessPolicy.Request(
                        method,
                        account,
                        c,
                        o,
                        ex.headers(),
                        container == null ? null : container.readAcl(),
                        container == null ? null : container.writeAcl(),
                        stored,
                        a == null || !a.reallyExists() ? null : a.sysmeta()));
    }

    /** The response for a denial: Swift's default body, or the policy's text (400 for a bad account ACL). */
    static FullHttpResponse denial(AccessPolicy.Decision d) {
        if (d.body().isEmpty()) {
            return SwiftResponses.standard(d.status());
        }
        FullHttpResponse r = SwiftResponses.withPlain(d.status(), d.body());
        r.headers().set("Content-Type", "text/plain; charset=UTF-8");
        return r;
    }
}
