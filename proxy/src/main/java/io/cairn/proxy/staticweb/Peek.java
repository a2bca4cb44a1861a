package io.cairn.proxy.staticweb;

import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.ResponseSink;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A subrequest's answer looked at by its head: streamed on to the client as it is when {@code serve} says so (an
 * object or index page), otherwise collected (at most {@link #MAX_KEPT} bytes of body: error pages and directory
 * markers are small; the rest of a longer body is dropped and the length set to what was kept) and handed to
 * {@code otherwise}.
 *
 * <p>Confined to the exchange's event loop.
 */
final class Peek implements ResponseSink {
    static final int MAX_KEPT = 1 << 20;

    private final Exchange client;
    private final Predicate<HttpResponse> serve;
    private final Consumer<FullHttpResponse> otherwise;
    private boolean serving;
    private @Nullable HttpResponse head;
    private @Nullable CompositeByteBuf kept;
    private boolean finished;

    Peek(Exchange client, Predicate<HttpResponse> serve, Consumer<FullHttpResponse> otherwise) {
        this.client = client;
        this.serve = serve;
        this.otherwise = otherwise;
    }

    @Override
    public void respond(FullHttpResponse response) {
        if (finished) {
            response.release();
        } else if (serve.test(response)) {
            finished = true;
            client.respond(response);
        } else {
            finished = true;
            response.headers()
                    .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            otherwise.accept(response);
        }
    }

    @Override
    public void startResponse(HttpResponse h) {
        if (serve.test(h)) {
            serving = true;
            client.startResponse(h);
        } else {
            head = h;
            kept = Unpooled.compositeBuffer();
        }
    }

    @Override
    public void writeBody(HttpContent content) {
        if (serving) {
            client.writeBody(content);
            return;
        }
        CompositeByteBuf k = kept;
        if (k != null && !finished && k.readableBytes() + content.content().readableBytes() <= MAX_KEPT) {
            ByteBuf b = content.content().retain();
            k.addComponent(true, b);
        }
        content.release();
    }

    @Override
    public void endResponse(LastHttpContent last) {
        if (serving) {
            client.endResponse(last);
            return;
        }
        writeBody(last);
        HttpResponse h = head;
        CompositeByteBuf k = kept;
        if (finished || h == null || k == null) {
            return;
        }
        finished = true;
        FullHttpResponse full = new DefaultFullHttpResponse(
                h.protocolVersion(), h.status(), k, h.headers(), io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE);
        full.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
        full.headers().set(HttpHeaderNames.CONTENT_LENGTH, k.readableBytes());
        otherwise.accept(full);
    }

    @Override
    public void abort() {
        if (serving) {
            client.abort();
            return;
        }
        CompositeByteBuf k = kept;
        if (k != null) {
            k.release();
            kept = null;
        }
        if (!finished) {
            finished = true;
            otherwise.accept(SwiftResponses.standard(503));
        }
    }

    @Override
    public boolean isWritable() {
        return !serving || client.isWritable();
    }
}
