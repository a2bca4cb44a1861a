package io.cairn.proxy.swift;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * An operation that ignores any request body (Swift reads none for these verbs) and runs once the request
 * is complete, so the connection is in a clean state for the response: the controllers' bodiless verbs, and the
 * filters' operations that read something below before answering (a listing to rewrite, a manifest to follow).
 *
 * <p>Confined to the client channel's event loop.
 */
public abstract class BodilessOperation implements Operation {
    protected final Exchange exchange;
    private boolean started;

    protected BodilessOperation(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public final void start() {
        if (exchange.requestComplete()) {
            run();
            started = true;
        }
    }

    @Override
    public final void content(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        content.release();
        if (last && !started) {
            started = true;
            run();
        }
    }

    @Override
    public void clientClosed() {}

    /** Serves the request; answers through {@link Exchange}. */
    protected abstract void run();
}
