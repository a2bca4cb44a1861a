package io.cairn.proxy.swift;

import io.cairn.common.config.ConfigSection;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.routing.BackendHeaders;
import io.cairn.ring.Ring;
import io.cairn.ring.policy.StoragePolicy;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Container GET (object listing) and HEAD (reference §4.8): authorized against {@code X-Container-Read}
 * once the container's info is known; one container replica at a time; listing parameters and {@code
 * Accept} pass through; the backend's policy index is shown as {@code X-Storage-Policy: <name>}; ACLs and
 * sync settings only to owners.
 *
 * <p>Confined to the client channel's event loop.
 */
final class ContainerReadOperation extends BodilessOperation {
    ContainerReadOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    protected void run() {
        ProxyServices s = exchange.services();
        SwiftPath p = exchange.path();
        OnLoop.then(exchange, s.infoCache().container(p.account(), p.containerName()), info -> {
            AccessPolicy.Decision d = Authorization.check(exchange, info);
            if (!d.allowed()) {
                exchange.respond(Authorization.denial(d));
                return;
            }
            if (info.status() == 0) {
                exchange.respond(SwiftResponses.standard(404));
                return;
            }
            Ring ring = s.rings().container();
            int part = ring.partition(s.hashPath(), p.account(), p.containerName(), null);
            HttpHeaders h = BackendHeaders.base(
                    exchange.method().name(),
                    p.clientPath(),
                    exchange.timestamp().internal(),
                    exchange.transId(),
                    null,
                    exchange.headers());
            boolean newest = "true".equalsIgnoreCase(exchange.headers().get("X-Newest"));
            OnLoop.then(
                    exchange,
                    s.reader()
                            .read(
                                    s.nodes(ring, part),
                                    part,
                                    exchange.method(),
                                    p.backendPath() + p.queryPart(),
                                    h,
                                    newest),
                    r -> {
                        FullHttpResponse out = Relay.of(r, d.swiftOwner());
                        Relay.listingHeaders(out, p.query());
                        String idx = r.headers().get("X-Backend-Storage-Policy-Index");
                        // translated only on success, as GETorHEAD_base
                        if (idx != null && r.status() >= 200 && r.status() < 300) {
                            try {
                                StoragePolicy policy = s.policies().byIndex(Integer.parseInt(idx.trim()));
                                if (policy != null) {
                                    out.headers().set("X-Storage-Policy", policy.name());
                                }
                            } catch (NumberFormatException e) {
                                // a malformed index from a backend: show no policy
                            }
                        }
                        if (d.resellerRequest()) {
                            // Swift exposes the sharding state to reseller admins
                            String sharding = r.headers().get("X-Container-Sysmeta-Sharding", "");
                            out.headers()
                                    .set("X-Container-Sharding", ConfigSection.isTrue(sharding) ? "True" : "False");
                        }
                        exchange.respond(out);
                    });
        });
    }
}
