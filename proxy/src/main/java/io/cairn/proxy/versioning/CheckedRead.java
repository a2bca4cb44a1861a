package io.cairn.proxy.versioning;

import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.ResponseSink;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A GET or HEAD sent on below the filter whose answer's head the filter checks before the client gets it: the
 * check may change the head's headers and let the answer through (its body streams to the client untouched,
 * with the client's writability as back-pressure), or answer something else instead (a version that is a delete
 * marker answers 404).
 *
 * <p>Confined to the exchange's event loop.
 */
final class CheckedRead extends AfterBody implements ResponseSink {
    private final SwiftApp next;
    private final SwiftPath path;
    private final HttpHeaders headers;
    private final Function<HttpResponse, @Nullable FullHttpResponse> check;
    private @Nullable Operation downstream;
    private boolean passing;
    private boolean over;

    /**
     * @param check given each answer's head: null to pass it on (headers possibly changed), else the
     *     replacement answer
     */
    CheckedRead(
            Exchange exchange,
            SwiftApp next,
            SwiftPath path,
            HttpHeaders headers,
            Function<HttpResponse, @Nullable FullHttpResponse> check) {
        super(exchange);
        this.next = next;
        this.path = path;
        this.headers = headers;
        this.check = check;
    }

    @Override
    void run() {
        downstream = track(Subrequests.stream(exchange, next, exchange.method(), path, headers, null, this));
    }

    @Override
    public void respond(FullHttpResponse response) {
        if (over) {
            response.release();
            return;
        }
        over = true;
        FullHttpResponse other = check.apply(response);
        if (other != null) {
            response.release();
            exchange.respond(other);
        } else {
            exchange.respond(response);
        }
    }

    @Override
    public void startResponse(HttpResponse head) {
        FullHttpResponse other = check.apply(head);
        if (other != null) {
            over = true;
            Operation d = downstream;
            if (d != null) {
                d.clientClosed();
            }
            exchange.respond(other);
            return;
        }
        passing = true;
        exchange.startResponse(head);
    }

    @Override
    public void writeBody(HttpContent content) {
        if (passing) {
            exchange.writeBody(content);
        } else {
            content.release();
        }
    }

    @Override
    public void endResponse(LastHttpContent last) {
        if (passing) {
            exchange.endResponse(last);
        } else {
            last.release();
        }
    }

    @Override
    public void abort() {
        if (passing) {
            exchange.abort();
        } else if (!over) {
            over = true;
            exchange.respond(io.cairn.proxy.swift.SwiftResponses.standard(503));
        }
    }

    @Override
    public boolean isWritable() {
        return !passing || exchange.isWritable();
    }

    @Override
    public void clientWritabilityChanged() {
        Operation d = downstream;
        if (d != null && passing) {
            d.clientWritabilityChanged();
        }
    }
}
