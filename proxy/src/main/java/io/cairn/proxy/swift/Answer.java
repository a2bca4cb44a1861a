package io.cairn.proxy.swift;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * A filter's complete answer given without going on (a refusal, a 400 for a bad header). Two ways to treat the
 * request's body, both as Swift's server (eventlet) ends up: {@link #afterBody} reads and drops it first, so the
 * connection stays usable (small bodies, such as a manifest, whose answer the harness compares byte for byte);
 * {@link #now} answers at once and the connection closes if the body was not all read (a refused upload that may
 * be large: the client should not have to send it all).
 *
 * <p>Confined to the exchange's event loop.
 */
public final class Answer implements Operation {
    private final Exchange exchange;
    private final FullHttpResponse response;
    private final boolean waitForBody;
    private boolean sent;

    private Answer(Exchange exchange, FullHttpResponse response, boolean waitForBody) {
        this.exchange = exchange;
        this.response = response;
        this.waitForBody = waitForBody;
    }

    /** Answers once the request's body has been read and dropped. */
    public static Operation afterBody(Exchange exchange, FullHttpResponse response) {
        return new Answer(exchange, response, true);
    }

    /** Answers at once; a request body still coming is dropped (and the connection then closed). */
    public static Operation now(Exchange exchange, FullHttpResponse response) {
        return new Answer(exchange, response, false);
    }

    @Override
    public void start() {
        if (!waitForBody || exchange.requestComplete()) {
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
