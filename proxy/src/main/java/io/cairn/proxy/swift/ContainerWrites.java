package io.cairn.proxy.swift;

import io.cairn.common.path.ConstraintViolation;
import io.cairn.common.path.MetadataTarget;
import io.cairn.proxy.routing.BackendHeaders;
import io.cairn.ring.Ring;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * What container PUT/POST/DELETE share: name, metadata and ACL checks, and the fan-out to the container
 * replicas with the account-update headers spread over the requests (PUT and DELETE).
 *
 * <p>Thread-safety: stateless.
 */
final class ContainerWrites {
    private ContainerWrites() {}

    /**
     * What makes a container PUT or POST bad before anything is sent: name, metadata and ACL headers (the ACLs
     * are normalised in place). The answer refusing it, or null.
     */
    static @Nullable FullHttpResponse checkWrite(Exchange ex) {
        FullHttpResponse bad = check(ex);
        return bad != null ? bad : Relay.cleanContainerAcls(ex.headers());
    }

    /** Name and metadata violations, or null. */
    private static @Nullable FullHttpResponse check(Exchange ex) {
        SwiftPath p = ex.path();
        ConstraintViolation v = ex.services().validator().checkContainerName(p.account(), p.containerName());
        if (v != null) {
            // the proxy's own HTTPBadRequest(body=...): text/html, as Swift
            return SwiftResponses.withText(v.status(), v.body());
        }
        v = ex.services().validator().checkMetadata(ex.headers(), MetadataTarget.CONTAINER);
        return v == null ? null : SwiftResponses.withPlain(v.status(), v.body());
    }

    /** Sends {@code method} to every container replica; {@code extra} go to every request. */
    static CompletableFuture<FanOut.Outcome> send(
            Exchange ex, HttpMethod method, HttpHeaders extra, boolean accountUpdates) {
        ProxyServices s = ex.services();
        SwiftPath p = ex.path();
        Ring ring = s.rings().container();
        int part = ring.partition(s.hashPath(), p.account(), p.containerName(), null);
        Relay.applyRemoveHeaders(ex.headers());
        HttpHeaders base = BackendHeaders.base(
                method.name(), p.clientPath(), ex.timestamp().internal(), ex.transId(), null, ex.headers());
        base.add(extra);
        List<HttpHeaders> all = BackendHeaders.copies(base, ring.primaries(part).size());
        if (accountUpdates) {
            Ring aring = s.rings().account();
            int apart = aring.partition(s.hashPath(), p.account(), null, null);
            BackendHeaders.spreadAccountUpdates(all, apart, aring.primaries(apart));
        }
        return FanOut.send(ex, ring, part, method, all, Map.of()).whenComplete((o, e) -> {
            s.infoCache().invalidateContainer(p.account(), p.containerName());
            s.infoCache().invalidateAccount(p.account());
        });
    }
}
