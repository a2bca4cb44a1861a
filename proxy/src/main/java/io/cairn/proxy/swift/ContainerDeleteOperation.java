package io.cairn.proxy.swift;

import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * Container DELETE (reference §4.4, §4.8): owner only; 204; 409 when not empty; a 202 (nobody had it)
 * becomes 404, as Swift's container controller does.
 *
 * <p>Confined to the client channel's event loop.
 */
final class ContainerDeleteOperation extends BodilessOperation {
    ContainerDeleteOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    protected void run() {
        Authorization.whenAccountAllows(exchange, (account, d) -> {
            if (!account.reallyExists()) {
                exchange.respond(SwiftResponses.standard(404));
                return;
            }
            OnLoop.then(
                    exchange, ContainerWrites.send(exchange, HttpMethod.DELETE, EmptyHttpHeaders.INSTANCE, true), o -> {
                        if (o.status() == 202) {
                            o.response().release();
                            exchange.respond(SwiftResponses.standard(404));
                        } else {
                            exchange.respond(o.response());
                        }
                    });
        });
    }
}
