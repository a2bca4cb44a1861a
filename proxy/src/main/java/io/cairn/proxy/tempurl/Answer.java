package io.cairn.proxy.tempurl;

import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;

/** An operation that answers at once with a complete response (a refusal); a request body is dropped. */
final class Answer implements Operation {
    private final Exchange exchange;
    private final FullHttpResponse response;

    private Answer(Exchange exchange, FullHttpResponse response) {
        this.exchange = exchange;
        this.response = response;
    }

    static Operation of(Exchange exchange, FullHttpResponse response) {
        return new Answer(exchange, response);
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
