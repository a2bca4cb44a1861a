package io.cairn.proxy.swift;

import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.routing.BackendHeaders;
import io.cairn.proxy.routing.BestResponse;
import io.cairn.ring.Ring;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * What object POST and DELETE share: authorisation and the fan-out to the object's replicas with container-update (and
 * expirer-queue) headers spread over the requests as Swift's {@code _backend_requests} does.
 *
 * <p>Thread-safety: stateless.
 */
final class ObjectWrites {
    private ObjectWrites() {}

    /**
     * The rest of an object POST or DELETE once its container is known: authorised against the container's ACLs,
     * 404 when the container does not exist, 503 when its policy has no ring here; otherwise sent to the
     * replicas ({@code overrides} maps backend statuses) and their best answer relayed.
     */
    static void authorizeAndSend(Exchange ex, ContainerInfo info, HttpMethod method, Map<Integer, Integer> overrides) {
        AccessPolicy.Decision d = Authorization.check(ex, info);
        if (!d.allowed()) {
            ex.respond(Authorization.denial(d));
            return;
        }
        if (!info.exists()) {
            ex.respond(SwiftResponses.standard(404));
            return;
        }
        CompletableFuture<FanOut.Outcome> f = send(ex, info, method, overrides);
        if (f == null) {
            ex.respond(SwiftResponses.standard(503));
            return;
        }
        OnLoop.then(ex, f, o -> ex.respond(o.response()));
    }

    /** Sends {@code method} to the object's replicas, or null when the policy has no ring here. */
    static @Nullable CompletableFuture<FanOut.Outcome> send(
            Exchange ex, ContainerInfo info, HttpMethod method, Map<Integer, Integer> overrides) {
        ProxyServices s = ex.services();
        SwiftPath p = ex.path();
        Ring ring = s.rings().object(info.storagePolicyIndex());
        if (ring == null) {
            return null;
        }
        int part = ring.partition(s.hashPath(), p.account(), p.containerName(), p.objectName());
        int n = ring.primaries(part).size();
        HttpHeaders base = BackendHeaders.base(
                method.name(),
                p.clientPath(),
                ex.timestamp().internal(),
                ex.transId(),
                info.storagePolicyIndex(),
                ex.headers());
        List<HttpHeaders> all = BackendHeaders.copies(base, n);
        Ring cring = s.rings().container();
        int cpart = cring.partition(s.hashPath(), p.account(), p.containerName(), null);
        BackendHeaders.DeleteAtTarget deleteAt = null;
        String at = ex.headers().get("X-Delete-At");
        if (at != null) {
            String dc = ObjectWriteChecks.expirerContainer(
                    Long.parseLong(at), s.hashPath(), p.account(), p.containerName(), p.objectName());
            int dpart = cring.partition(s.hashPath(), ObjectWriteChecks.EXPIRER_ACCOUNT, dc, null);
            deleteAt = new BackendHeaders.DeleteAtTarget(dc, dpart, cring.primaries(dpart));
        }
        BackendHeaders.spreadContainerUpdates(all, cpart, cring.primaries(cpart), BestResponse.quorumSize(n), deleteAt);
        return FanOut.send(ex, ring, part, method, all, overrides);
    }
}
