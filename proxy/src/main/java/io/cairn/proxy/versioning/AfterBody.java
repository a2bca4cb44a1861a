package io.cairn.proxy.versioning;

import io.cairn.proxy.swift.Exchange;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * A filter operation that needs no request body: it drops the body (so the connection stays usable, as Swift's
 * server leaves it), then {@link #run}s; subrequests it makes are registered so a closing client stops them.
 *
 * <p>Confined to the exchange's event loop.
 */
abstract class AfterBody extends FilterOperation {
    private boolean started;

    AfterBody(Exchange exchange) {
        super(exchange);
    }

    /** Serves the request (its body, if any, has been read). */
    abstract void run();

    @Override
    public void start() {
        if (exchange.requestComplete()) {
            go();
        }
    }

    @Override
    public void content(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        content.release();
        if (last) {
            go();
        }
    }

    private void go() {
        if (!started && !closed) {
            started = true;
            run();
        }
    }
}
