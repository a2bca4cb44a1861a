package io.cairn.proxy.largeobject;

import io.cairn.proxy.swift.BodilessOperation;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.ResponseSink;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import org.jspecify.annotations.Nullable;

/**
 * An object GET or HEAD sent on below a large-object filter whose answer the filter takes over when it is
 * a manifest (Swift's {@code WSGIContext._app_call} then a look at the response headers). Anything else —
 * every plain object — passes through untouched: its head, each body buffer and its end go straight to the
 * exchange, with the exchange's writability as the back-pressure; the only cost is one header lookup.
 *
 * <p>Confined to the exchange's event loop.
 */
abstract class ManifestRead extends BodilessOperation implements ResponseSink {
    protected final SwiftApp next;
    private final int maxManifest;
    private @Nullable Operation downstream;
    private @Nullable SegmentedBody body;
    private @Nullable HttpResponse manifestHead;
    private @Nullable CompositeByteBuf manifest;
    private boolean passThrough;
    private boolean over;

    /** @param maxManifest the most manifest body bytes read (more is a 500) */
    ManifestRead(Exchange exchange, SwiftApp next, int maxManifest) {
        super(exchange);
        this.next = next;
        this.maxManifest = maxManifest;
    }

    /** Adds the filter's backend hints to the headers of the request sent on. */
    abstract void prepare(HttpHeaders headers);

    /** Whether the answer is a manifest this filter serves. */
    abstract boolean isManifest(HttpResponse head);

    /** Whether serving the manifest needs its body (read whole before {@link #serve}). */
    abstract boolean needsBody(HttpResponse head);

    /** Serves the manifest; {@code body} (released by the caller afterwards) when {@link #needsBody}. */
    abstract void serve(HttpResponse head, @Nullable ByteBuf body);

    /** The resource read (the exchange's by default; a symlink's target for a followed link). */
    SwiftPath target() {
        return exchange.path();
    }

    /** The exchange the read below is made for (the client's; pre-authorized for a link into reserved names). */
    Exchange subrequestParent() {
        return exchange;
    }

    /** Adds to a passed-through answer's headers (nothing by default). */
    void passThroughHead(HttpHeaders headers) {}

    /** Sends the read on below the filter. */
    @Override
    protected final void run() {
        HttpHeaders h = exchange.headers().copy();
        prepare(h);
        downstream = Subrequests.stream(subrequestParent(), next, exchange.method(), target(), h, null, this);
    }

    /** Streams the large object's body: the filter's answer from here on. */
    final void stream(SegmentedBody b) {
        body = b;
        b.start();
    }

    @Override
    public void respond(FullHttpResponse response) {
        if (over) {
            response.release();
            return;
        }
        if (passThrough || !isManifest(response)) {
            over = true;
            passThroughHead(response.headers());
            exchange.respond(response);
            return;
        }
        over = true;
        try {
            serve(response, response.content());
        } finally {
            response.release();
        }
    }

    @Override
    public void startResponse(HttpResponse head) {
        if (!isManifest(head)) {
            passThrough = true;
            passThroughHead(head.headers());
            exchange.startResponse(head);
            return;
        }
        if (needsBody(head)) {
            manifestHead = head;
            manifest = exchange.channel().alloc().compositeBuffer(Integer.MAX_VALUE);
            return;
        }
        over = true;
        stopDownstream();
        serve(head, null);
    }

    @Override
    public void writeBody(HttpContent content) {
        if (passThrough) {
            exchange.writeBody(content);
            return;
        }
        CompositeByteBuf m = manifest;
        if (m == null || over) {
            content.release();
            return;
        }
        if (m.readableBytes() + content.content().readableBytes() > maxManifest) {
            content.release();
            over = true;
            releaseManifest();
            stopDownstream();
            exchange.respond(SwiftResponses.standard(500));
            return;
        }
        m.addComponent(true, content.content());
    }

    @Override
    public void endResponse(LastHttpContent last) {
        if (passThrough) {
            exchange.endResponse(last);
            return;
        }
        writeBody(last);
        CompositeByteBuf m = manifest;
        HttpResponse h = manifestHead;
        if (m == null || h == null || over) {
            return;
        }
        over = true;
        manifest = null;
        try {
            serve(h, m);
        } finally {
            m.release();
        }
    }

    @Override
    public void abort() {
        if (passThrough) {
            exchange.abort();
            return;
        }
        if (!over) {
            over = true;
            releaseManifest();
            exchange.respond(SwiftResponses.standard(503));
        }
    }

    @Override
    public boolean isWritable() {
        return !passThrough || exchange.isWritable();
    }

    @Override
    public void clientWritabilityChanged() {
        SegmentedBody b = body;
        Operation d = downstream;
        if (b != null) {
            b.clientWritabilityChanged();
        } else if (d != null && passThrough) {
            d.clientWritabilityChanged();
        }
    }

    @Override
    public void clientClosed() {
        over = true;
        releaseManifest();
        stopDownstream();
        SegmentedBody b = body;
        if (b != null) {
            b.clientClosed();
        }
    }

    private void stopDownstream() {
        Operation d = downstream;
        if (d != null) {
            d.clientClosed();
        }
    }

    private void releaseManifest() {
        CompositeByteBuf m = manifest;
        manifest = null;
        if (m != null) {
            m.release();
        }
    }
}
