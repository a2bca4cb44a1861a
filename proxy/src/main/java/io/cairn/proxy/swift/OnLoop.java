package io.cairn.proxy.swift;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Continues an operation on its client's event loop when a backend future completes; an unexpected
 * failure answers 503 (the backends could not be reached) and is logged with the transaction id.
 *
 * <p>Thread-safety: stateless.
 */
final class OnLoop {
    private static final Logger LOG = System.getLogger(OnLoop.class.getName());

    private OnLoop() {}

    static <T> void then(Exchange ex, CompletableFuture<T> future, Consumer<T> next) {
        future.whenCompleteAsync(
                (value, failure) -> {
                    if (failure != null || value == null) {
                        LOG.log(Level.WARNING, "backend step failed for " + ex.transId(), failure);
                        ex.respond(SwiftResponses.standard(503));
                        return;
                    }
                    try {
                        next.accept(value);
                    } catch (RuntimeException e) {
                        LOG.log(Level.ERROR, "operation failed for " + ex.transId(), e);
                        ex.respond(SwiftResponses.standard(500));
                    }
                },
                ex.eventLoop());
    }
}
