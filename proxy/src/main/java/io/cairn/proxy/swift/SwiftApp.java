package io.cairn.proxy.swift;

import org.jspecify.annotations.Nullable;

/**
 * The rest of the proxy's Swift application below a point of its pipeline (Swift's {@code self.app} in a
 * WSGI filter): turns an exchange into the operation that serves it. A {@link Middleware} is handed the
 * one below itself and either passes an exchange on to it or serves the exchange with operations of its
 * own, which may make subrequests to it ({@link Subrequests}).
 *
 * <p>Implementations are stateless (or immutable) and called on the exchange's event loop.
 */
@FunctionalInterface
public interface SwiftApp {
    /** The started-to-be operation for {@code exchange}, or null when it has been answered already. */
    @Nullable
    Operation operationFor(Exchange exchange);
}
