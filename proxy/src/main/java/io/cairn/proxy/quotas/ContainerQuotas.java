package io.cairn.proxy.quotas;

import io.cairn.common.codec.PythonInts;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.swift.Answer;
import io.cairn.proxy.swift.Deferred;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code container_quotas}: a container PUT or POST setting {@code X-Container-Meta-Quota-Bytes} or
 * {@code -Count} to anything but digits is refused (400); an object PUT into a container whose stored usage plus
 * this upload's {@code Content-Length} (plus one object) would pass a quota is refused with 413, or with the auth
 * system's answer when the caller could not have written there anyway (so the quota does not tell strangers the
 * container exists).
 *
 * <p>Immutable; its operations are confined to the exchange's event loop.
 */
final class ContainerQuotas implements Middleware {
    static final String QUOTA_BYTES = "X-Container-Meta-Quota-Bytes";
    static final String QUOTA_COUNT = "X-Container-Meta-Quota-Count";

    @Override
    public void registerInfo(Map<String, Object> info) {
        info.put("container_quotas", Map.of());
    }

    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        SwiftPath p = ex.path();
        String method = ex.method().name();
        if (p.container() == null) {
            return next.operationFor(ex);
        }
        if (p.object() == null) {
            if (method.equals("PUT") || method.equals("POST")) {
                FullHttpResponse bad = checkQuotaHeaders(ex);
                if (bad != null) {
                    return Answer.afterBody(ex, bad);
                }
            }
            return next.operationFor(ex);
        }
        if (!method.equals("PUT")) {
            return next.operationFor(ex);
        }
        CompletableFuture<ContainerInfo> lookup = ex.services().infoCache().container(p.account(), p.containerName());
        return Deferred.when(ex, lookup, () -> withUsage(ex, next, Deferred.resultOf(lookup)));
    }

    /**
     * A container with a quota whose usage another filter below reports (object versioning adds its hidden
     * versions container's): Swift's {@code get_container_info} reads it through the pipeline below, so a
     * pre-authorized HEAD through {@code next} does here; any other container's cached info is its usage.
     */
    private static @Nullable Operation withUsage(Exchange ex, SwiftApp next, @Nullable ContainerInfo info) {
        if (info == null
                || !(info.meta().containsKey("quota-bytes") || info.meta().containsKey("quota-count"))
                || !info.sysmeta().containsKey("versions-container")) {
            return decide(ex, next, info);
        }
        SwiftPath p = ex.path();
        SwiftPath container = new SwiftPath(p.version(), p.account(), p.container(), null, "");
        CompletableFuture<ContainerInfo> usage = new CompletableFuture<>();
        Subrequests.call(ex.preAuthorized(), next, HttpMethod.HEAD, container, new DefaultHttpHeaders(), null, r -> {
            try {
                int status = r.status().code();
                usage.complete(status / 100 == 2 ? ContainerInfo.fromHeaders(status, r.headers()) : info);
            } finally {
                r.release();
            }
        });
        return Deferred.when(ex, usage, () -> decide(ex, next, usage.getNow(info)));
    }

    private static @Nullable FullHttpResponse checkQuotaHeaders(Exchange ex) {
        String bytes = ex.headers().get(QUOTA_BYTES);
        if (bytes != null && !bytes.isEmpty() && !PythonInts.isDigit(bytes)) {
            return SwiftResponses.withText(400, "Invalid bytes quota.");
        }
        String count = ex.headers().get(QUOTA_COUNT);
        if (count != null && !count.isEmpty() && !PythonInts.isDigit(count)) {
            return SwiftResponses.withText(400, "Invalid count quota.");
        }
        return null;
    }

    private static @Nullable Operation decide(Exchange ex, SwiftApp next, @Nullable ContainerInfo info) {
        if (info == null || !info.exists()) {
            return next.operationFor(ex); // answered (404) further on, as Swift's "this will hopefully 404 later"
        }
        BigInteger bytesQuota = quota(info.meta().get("quota-bytes"));
        if (bytesQuota != null) {
            BigInteger newSize = BigInteger.valueOf(info.bytes()).add(BigInteger.valueOf(Quotas.contentLength(ex)));
            if (bytesQuota.compareTo(newSize) < 0) {
                return refuse(ex, info);
            }
        }
        BigInteger countQuota = quota(info.meta().get("quota-count"));
        if (countQuota != null && countQuota.compareTo(BigInteger.valueOf(info.objectCount() + 1)) < 0) {
            return refuse(ex, info);
        }
        return next.operationFor(ex);
    }

    /** A stored quota Swift acts on: {@code isdigit()} and then {@code int()}. */
    private static @Nullable BigInteger quota(@Nullable String stored) {
        return stored != null && PythonInts.isDigit(stored) ? PythonInts.parse(stored) : null;
    }

    private static Operation refuse(Exchange ex, ContainerInfo info) {
        FullHttpResponse denial = ex.denialFor("PUT", info);
        return Answer.now(ex, denial != null ? denial : Quotas.exceeded());
    }
}
