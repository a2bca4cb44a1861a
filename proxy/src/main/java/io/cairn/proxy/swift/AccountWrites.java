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
 * What account PUT/POST/DELETE share: metadata checks and the fan-out to the account replicas, and
 * Swift's {@code autocreate_account} (a PUT of the account before the first container PUT or account
 * POST, when {@code account_autocreate} is on).
 *
 * <p>Thread-safety: stateless.
 */
final class AccountWrites {
    private AccountWrites() {}

    /** Metadata violations of an account write, or null. */
    static @Nullable FullHttpResponse checkMetadata(Exchange ex) {
        ConstraintViolation v = ex.services().validator().checkMetadata(ex.headers(), MetadataTarget.ACCOUNT);
        if (v == null) {
            v = ex.services().validator().checkAccountName(ex.path().account());
        }
        return v == null ? null : SwiftResponses.withPlain(v.status(), v.body());
    }

    /** Sends {@code method} to every account replica with the client's (cleaned) headers. */
    static CompletableFuture<FanOut.Outcome> send(Exchange ex, HttpMethod method) {
        ProxyServices s = ex.services();
        Ring ring = s.rings().account();
        int part = ring.partition(s.hashPath(), ex.path().account(), null, null);
        Relay.applyRemoveHeaders(ex.headers());
        HttpHeaders base = BackendHeaders.base(
                method.name(), ex.path().clientPath(), ex.timestamp().internal(), ex.transId(), null, ex.headers());
        List<HttpHeaders> all = BackendHeaders.copies(base, ring.primaries(part).size());
        return FanOut.send(ex, ring, part, method, all, Map.of())
                .whenComplete(
                        (o, e) -> s.infoCache().invalidateAccount(ex.path().account()));
    }

    /** Swift's {@code autocreate_account}: PUT the account (202/201 both fine). */
    static CompletableFuture<Boolean> autocreate(Exchange ex, String account) {
        ProxyServices s = ex.services();
        Ring ring = s.rings().account();
        int part = ring.partition(s.hashPath(), account, null, null);
        HttpHeaders base = BackendHeaders.base(
                "PUT", "/v1/" + SwiftPath.quote(account), ex.timestamp().internal(), ex.transId(), null, null);
        base.set("X-Trans-Id", ex.transId());
        List<HttpHeaders> all = BackendHeaders.copies(base, ring.primaries(part).size());
        return s.collector()
                .send(s.nodes(ring, part), part, HttpMethod.PUT, "/" + SwiftPath.quote(account), "", all, new byte[0])
                .thenApply(rs -> {
                    s.infoCache().invalidateAccount(account);
                    FanOut.Outcome o = FanOut.choose(rs, Map.of());
                    o.response().release();
                    return (o.status() >= 200 && o.status() < 300) || o.status() == 409;
                });
    }
}
