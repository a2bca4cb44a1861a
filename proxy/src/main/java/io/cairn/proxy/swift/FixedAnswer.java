package io.cairn.proxy.swift;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * A filter's answer given without going on (a 400 for a bad manifest header, a refused version request): sent once the request's body
 * (if any) has been read and dropped, so the connection stays usable, as Swift's server leaves it.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class FixedAnswer implements Operation {
    private final Exchange exchange;
    private final FullHttpResponse response;
    private boolean sent;

    public FixedAnswer(Exchange exchange, FullHttpResponse response) {
        this.exchange = exchange;
        this.response = response;
    }

    @Override
    public void start() {
        if (exchange.requestComplete()) {
            send();
        }
    }

    @Override
    public void content(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        content.release();
        if (last) {
            send();
        }
    }

    private void send() {
        if (!sent) {
            sent = true;
            exchange.respond(response);
        }
    }

    @Override
    public void clientClosed() {
        if (!sent) {
            sent = true;
            response.release();
        }
    }
}
