package io.cairn.proxy.largeobject;

import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;

/**
 * A filter's answer given without going on (a 400 for a bad manifest header): sent at once, any request
 * body is dropped (the connection then closes, as for every answer sent before the body was read).
 *
 * <p>Confined to the exchange's event loop.
 */
final class Answer implements Operation {
    private final Exchange exchange;
    private final FullHttpResponse response;

    Answer(Exchange exchange, FullHttpResponse response) {
        this.exchange = exchange;
        this.response = response;
    }

    @Override
    public void start() {
        exchange.respond(response);
    }

    @Override
    public void content(HttpContent content) {
        content.release();
    }

    @Override
    public void clientClosed() {}
}
