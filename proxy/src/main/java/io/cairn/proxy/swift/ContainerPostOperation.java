package io.cairn.proxy.swift;

import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;

/**
 * Container POST (reference §4.8): owner only; metadata set or removed ({@code X-Remove-*}); 404 when the
 * account or container does not exist; 204.
 *
 * <p>Confined to the client channel's event loop.
 */
final class ContainerPostOperation extends BodilessOperation {
    ContainerPostOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    protected void run() {
        FullHttpResponse bad = ContainerWrites.checkWrite(exchange);
        if (bad != null) {
            exchange.respond(bad);
            return;
        }
        Authorization.whenAccountAllows(exchange, (account, d) -> {
            if (!account.reallyExists()) {
                exchange.respond(SwiftResponses.standard(404));
                return;
            }
            if (!d.swiftOwner()) {
                Relay.stripOwnerHeaders(exchange.headers());
            }
            OnLoop.then(
                    exchange,
                    ContainerWrites.send(exchange, HttpMethod.POST, EmptyHttpHeaders.INSTANCE, false),
                    o -> exchange.respond(o.response()));
        });
    }
}
