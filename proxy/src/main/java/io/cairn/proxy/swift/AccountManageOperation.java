package io.cairn.proxy.swift;

import io.cairn.proxy.pipeline.AccessPolicy;
import io.netty.handler.codec.http.FullHttpResponse;

/**
 * Account PUT and DELETE, served only with {@code allow_account_management} (reseller admins): PUT
 * creates (201) or updates (202) the account; DELETE marks it deleted (204).
 *
 * <p>Confined to the client channel's event loop.
 */
final class AccountManageOperation extends BodilessOperation {
    AccountManageOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    protected void run() {
        FullHttpResponse bad = AccountWrites.checkMetadata(exchange);
        if (bad != null) {
            exchange.respond(bad);
            return;
        }
        AccessPolicy.Decision d = Authorization.check(exchange, null);
        if (!d.allowed()) {
            exchange.respond(Authorization.denial(d));
            return;
        }
        Relay.moveAccountAcl(exchange.headers());
        if (!exchange.path().queryPart().isEmpty() && exchange.method().name().equals("DELETE")) {
            exchange.respond(SwiftResponses.withText(400, "Bad request: no query parameters allowed"));
            return;
        }
        OnLoop.then(exchange, AccountWrites.send(exchange, exchange.method()), o -> exchange.respond(o.response()));
    }
}
