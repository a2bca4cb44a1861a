package io.cairn.proxy.largeobject;

import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import org.jspecify.annotations.Nullable;

/**
 * A bodiless request sent on below a filter whose whole answer the filter looks at before the client gets it
 * (a container listing to rewrite, an object POST's answer): bounded answers only.
 *
 * <p>Confined to the exchange's event loop.
 */
abstract class PassOn implements Operation {
    protected final Exchange exchange;
    private final SwiftApp next;
    private @Nullable Operation call;
    private boolean started;

    PassOn(Exchange exchange, SwiftApp next) {
        this.exchange = exchange;
        this.next = next;
    }

    /** Answers the client from the request's answer {@code r} (owned). */
    abstract void answer(FullHttpResponse r);

    @Override
    public void start() {
        if (exchange.requestComplete()) {
            run();
        }
    }

    @Override
    public void content(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        content.release();
        if (last && !started) {
            run();
        }
    }

    private void run() {
        started = true;
        call = Subrequests.call(
                exchange,
                next,
                exchange.method(),
                exchange.path(),
                exchange.headers().copy(),
                null,
                this::answer);
    }

    @Override
    public void clientClosed() {
        Operation c = call;
        if (c != null) {
            c.clientClosed();
        }
    }
}
