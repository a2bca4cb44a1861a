package io.cairn.proxy.swift;

import io.cairn.proxy.info.ContainerInfo;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;

/**
 * Object DELETE (reference §4.4, §15.3): tombstones on every replica; 204, or 404 when a quorum had
 * nothing; without a quorum of any class a 404 counts as 204.
 *
 * <p>Confined to the client channel's event loop.
 */
final class ObjectDeleteOperation extends BodilessOperation {
    ObjectDeleteOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    protected void run() {
        SwiftPath p = exchange.path();
        OnLoop.then(exchange, exchange.services().infoCache().container(p.account(), p.containerName()), this::delete);
    }

    private void delete(ContainerInfo info) {
        ObjectWrites.authorizeAndSend(exchange, info, HttpMethod.DELETE, Map.of(404, 204));
    }
}
