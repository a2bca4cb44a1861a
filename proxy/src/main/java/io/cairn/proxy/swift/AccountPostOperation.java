package io.cairn.proxy.swift;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;

/**
 * Account POST (reference §4.8): owner only; {@code X-Account-Meta-*} set, {@code X-Remove-Account-Meta-*}
 * cleared; with {@code account_autocreate} a missing account is created and the POST repeated, as Swift
 * does. Answers 204.
 *
 * <p>Confined to the client channel's event loop.
 */
final class AccountPostOperation extends BodilessOperation {
    AccountPostOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    protected void run() {
        FullHttpResponse bad = AccountWrites.checkMetadata(exchange);
        if (bad != null) {
            exchange.respond(bad);
            return;
        }
        Authorization.whenAccountAllows(exchange, (account, d) -> {
            if (!d.swiftOwner()) {
                Relay.stripOwnerHeaders(exchange.headers());
            }
            Relay.moveAccountAcl(exchange.headers());
            post(true);
        });
    }

    private void post(boolean mayAutocreate) {
        OnLoop.then(exchange, AccountWrites.send(exchange, HttpMethod.POST), o -> {
            if (o.status() == 404
                    && mayAutocreate
                    && exchange.services().config().accountAutocreate()) {
                o.response().release();
                OnLoop.then(
                        exchange,
                        AccountWrites.autocreate(exchange, exchange.path().account()),
                        ok -> post(false));
                return;
            }
            exchange.respond(o.response());
        });
    }
}
