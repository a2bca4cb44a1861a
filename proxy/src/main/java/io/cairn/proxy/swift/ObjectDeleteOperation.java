package io.cairn.proxy.swift;

import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
        AccessPolicy.Decision d = Authorization.check(exchange, info);
        if (!d.allowed()) {
            exchange.respond(Authorization.denial(d));
            return;
        }
        if (!info.exists()) {
            exchange.respond(SwiftResponses.standard(404));
            return;
        }
        CompletableFuture<FanOut.Outcome> f = ObjectWrites.send(exchange, info, HttpMethod.DELETE, Map.of(404, 204));
        if (f == null) {
            exchange.respond(SwiftResponses.standard(503));
            return;
        }
        OnLoop.then(exchange, f, o -> exchange.respond(o.response()));
    }
}
