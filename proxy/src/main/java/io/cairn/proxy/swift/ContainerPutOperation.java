package io.cairn.proxy.swift;

import io.cairn.proxy.info.AccountInfo;
import io.cairn.ring.policy.StoragePolicy;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * Container PUT (reference §4.6, §4.8): owner only; name and metadata checks; the account must exist
 * (with {@code account_autocreate} it is created first); {@code max_containers_per_account} → 403;
 * {@code X-Storage-Policy} chooses the policy (400 if unknown or deprecated), else the default policy is
 * proposed; 201 created, 202 existed.
 *
 * <p>Confined to the client channel's event loop.
 */
final class ContainerPutOperation extends BodilessOperation {
    ContainerPutOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    protected void run() {
        FullHttpResponse bad = ContainerWrites.checkWrite(exchange);
        if (bad != null) {
            exchange.respond(bad);
            return;
        }
        HttpHeaders extra = new DefaultHttpHeaders();
        bad = policyHeaders(extra);
        if (bad != null) {
            exchange.respond(bad);
            return;
        }
        Authorization.whenAccountAllows(exchange, (account, d) -> {
            if (!d.swiftOwner()) {
                Relay.stripOwnerHeaders(exchange.headers());
            }
            withAccount(account, extra);
        });
    }

    private @org.jspecify.annotations.Nullable FullHttpResponse policyHeaders(HttpHeaders extra) {
        String name = exchange.headers().get("X-Storage-Policy");
        if (name == null || name.isEmpty()) {
            extra.set(
                    "X-Backend-Storage-Policy-Default",
                    Integer.toString(
                            exchange.services().policies().defaultPolicy().index()));
            return null;
        }
        StoragePolicy policy = exchange.services().policies().byName(name);
        if (policy == null) {
            return SwiftResponses.withPlain(400, "Invalid X-Storage-Policy '" + name + "'");
        }
        if (policy.deprecated()) {
            return SwiftResponses.withText(400, "Storage Policy '" + name + "' is deprecated");
        }
        extra.set("X-Backend-Storage-Policy-Index", Integer.toString(policy.index()));
        return null;
    }

    private void withAccount(AccountInfo account, HttpHeaders extra) {
        ProxyServices s = exchange.services();
        SwiftPath p = exchange.path();
        if (!account.exists() && account.status() != 0) {
            exchange.respond(SwiftResponses.standard(404));
            return;
        }
        int max = s.config().maxContainersPerAccount();
        if (max > 0
                && account.containerCount() >= max
                && !s.config().maxContainersWhitelist().contains(p.account())) {
            exchange.respond(SwiftResponses.withText(403, "Reached container limit of " + max));
            return;
        }
        if (!account.reallyExists() && s.config().accountAutocreate()) {
            OnLoop.then(exchange, AccountWrites.autocreate(exchange, p.account()), ok -> put(extra));
            return;
        }
        put(extra);
    }

    private void put(HttpHeaders extra) {
        OnLoop.then(
                exchange,
                ContainerWrites.send(exchange, HttpMethod.PUT, extra, true),
                o -> exchange.respond(o.response()));
    }
}
