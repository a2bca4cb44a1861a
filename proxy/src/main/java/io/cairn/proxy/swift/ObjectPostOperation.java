package io.cairn.proxy.swift;

import io.cairn.proxy.info.ContainerInfo;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;

/**
 * Object POST, fast-POST only (reference §4.7): replaces all user metadata; metadata and {@code
 * X-Delete-At}/{@code -After} checked as Swift does; 404 without the container; 202.
 *
 * <p>Confined to the client channel's event loop.
 */
final class ObjectPostOperation extends BodilessOperation {
    ObjectPostOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    protected void run() {
        FullHttpResponse bad = ObjectWriteChecks.checkMetadata(
                exchange.headers(), exchange.services().validator());
        if (bad == null) {
            bad = ObjectWriteChecks.rewriteDeleteHeaders(
                    exchange.headers(), exchange.timestamp().raw() / 100_000.0);
        }
        if (bad != null) {
            exchange.respond(bad);
            return;
        }
        SwiftPath p = exchange.path();
        OnLoop.then(exchange, exchange.services().infoCache().container(p.account(), p.containerName()), this::post);
    }

    private void post(ContainerInfo info) {
        ObjectWrites.authorizeAndSend(exchange, info, HttpMethod.POST, Map.of());
    }
}
