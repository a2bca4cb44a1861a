package io.cairn.proxy.largeobject;

import io.cairn.proxy.swift.BodilessOperation;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.FullHttpResponse;
import org.jspecify.annotations.Nullable;

/**
 * A bodiless request sent on below a filter whose whole answer the filter looks at before the client gets it
 * (a container listing to rewrite, an object POST's answer): bounded answers only.
 *
 * <p>Confined to the exchange's event loop.
 */
abstract class PassOn extends BodilessOperation {
    private final SwiftApp next;
    private @Nullable Operation call;

    PassOn(Exchange exchange, SwiftApp next) {
        super(exchange);
        this.next = next;
    }

    /** Answers the client from the request's answer {@code r} (owned). */
    abstract void answer(FullHttpResponse r);

    @Override
    protected void run() {
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
