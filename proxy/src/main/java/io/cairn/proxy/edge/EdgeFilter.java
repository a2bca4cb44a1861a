package io.cairn.proxy.edge;

import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.ProxyServices;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A filter that answers some requests by their request line before routing (run by {@link EdgeHandler}); on the
 * application seam it passes everything on, so it is there only for {@code /info}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface EdgeFilter extends Middleware {
    /**
     * This filter's answer to {@code request}, or null to pass it on. {@code path} is the request's path, unquoted,
     * one char per byte (Swift's WSGI {@code PATH_INFO}).
     */
    @Nullable
    CompletableFuture<FullHttpResponse> answer(HttpRequest request, String path, ProxyServices services);

    @Override
    default @Nullable Operation operationFor(Exchange exchange, SwiftApp next) {
        return next.operationFor(exchange);
    }

    @Override
    default boolean aboveCopy() {
        return true;
    }

    @Override
    default boolean afterAuth() {
        return false;
    }
}
