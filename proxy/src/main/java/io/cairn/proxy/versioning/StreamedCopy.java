package io.cairn.proxy.versioning;

import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.PacedBodySource;
import io.cairn.proxy.swift.ResponseSink;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.buffer.CompositeByteBuf;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An object copied by the versioning filters (Swift's {@code _get_source_object} then {@code _put_versioned_obj}):
 * a GET of the source ({@code ?symlink=get}, newest replica) whose body streams into a PUT of the copy as it comes,
 * the PUT's pacing holding the GET back; both not authorized as the caller. The source's answer head decides
 * whether (and where) to copy.
 *
 * <p>Confined to the exchange's event loop.
 */
final class StreamedCopy implements ResponseSink {
    private final FilterOperation op;
    private final SwiftApp next;
    private final Function<HttpResponse, @Nullable SwiftPath> target;
    private final Consumer<FullHttpResponse> notCopied;
    private final Consumer<FullHttpResponse> written;
    private @Nullable Operation get;
    private @Nullable Operation put;
    private @Nullable HttpResponse errorHead;
    private @Nullable CompositeByteBuf errorBody;
    private boolean sourceEnded;
    private boolean over;

    /**
     * @param target given a 2xx answer's head: where to copy it, or null not to (then {@code notCopied} gets it)
     * @param notCopied an answer that is not copied (an error, whole; or a 2xx head {@code target} declined)
     * @param written the copy's PUT answer
     */
    private StreamedCopy(
            FilterOperation op,
            SwiftApp next,
            Function<HttpResponse, @Nullable SwiftPath> target,
            Consumer<FullHttpResponse> notCopied,
            Consumer<FullHttpResponse> written) {
        this.op = op;
        this.next = next;
        this.target = target;
        this.notCopied = notCopied;
        this.written = written;
    }

    /** Reads {@code from} and copies it where {@code target} says. */
    static void run(
            FilterOperation op,
            SwiftApp next,
            SwiftPath from,
            Function<HttpResponse, @Nullable SwiftPath> target,
            Consumer<FullHttpResponse> notCopied,
            Consumer<FullHttpResponse> written) {
        StreamedCopy c = new StreamedCopy(op, next, target, notCopied, written);
        SwiftPath src =
                new SwiftPath(from.version(), from.account(), from.containerName(), from.objectName(), "symlink=get");
        HttpHeaders h = new DefaultHttpHeaders().set("X-Newest", "True");
        c.get = op.track(Subrequests.stream(op.exchange.preAuthorized(), next, HttpMethod.GET, src, h, null, c));
    }

    @Override
    public void respond(FullHttpResponse response) {
        if (over) {
            response.release();
            return;
        }
        if (!Calls.isSuccess(response.status().code())) {
            over = true;
            notCopied.accept(response);
            return;
        }
        startResponse(response);
        if (!over) {
            HttpContent rest = new DefaultLastHttpContent(response.content().retain());
            response.release();
            endResponse((LastHttpContent) rest);
        } else {
            response.release();
        }
    }

    @Override
    public void startResponse(HttpResponse head) {
        if (!Calls.isSuccess(head.status().code())) {
            errorHead = head;
            errorBody = op.exchange.channel().alloc().compositeBuffer(Integer.MAX_VALUE);
            return;
        }
        SwiftPath to = target.apply(head);
        if (to == null) {
            over = true;
            stopGet();
            notCopied.accept(new DefaultFullHttpResponse(
                    head.protocolVersion(),
                    head.status(),
                    io.netty.buffer.Unpooled.EMPTY_BUFFER,
                    head.headers(),
                    EmptyHttpHeaders.INSTANCE));
            return;
        }
        HttpHeaders h = ObjectCopies.copyHeaders(head.headers());
        String length = head.headers().get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null) {
            h.set(HttpHeaderNames.CONTENT_LENGTH, length);
        } else {
            h.set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        }
        if (to.containerName().startsWith(VersionNames.RESERVED)) {
            h.set(VersionNames.ALLOW_RESERVED, "true");
        }
        Operation p = Subrequests.uploadPaced(op.exchange.preAuthorized(), next, to, h, pacing, r -> {
            over = true;
            if (!sourceEnded) {
                // the copy failed before the source was read to its end
                stopGet();
            }
            written.accept(r);
        });
        put = op.track(p);
        if (p == null) {
            over = true;
            stopGet();
            return;
        }
        p.start();
    }

    @Override
    public void writeBody(HttpContent content) {
        CompositeByteBuf e = errorBody;
        Operation p = put;
        if (e != null) {
            e.addComponent(true, content.content());
        } else if (p != null && !over) {
            p.content(content);
        } else {
            content.release();
        }
    }

    @Override
    public void endResponse(LastHttpContent last) {
        CompositeByteBuf e = errorBody;
        HttpResponse h = errorHead;
        if (e != null && h != null) {
            e.addComponent(true, last.content());
            errorBody = null;
            over = true;
            notCopied.accept(new DefaultFullHttpResponse(
                    h.protocolVersion(), h.status(), e, h.headers(), EmptyHttpHeaders.INSTANCE));
            return;
        }
        sourceEnded = true;
        writeBody(last);
    }

    @Override
    public void abort() {
        // the source broke mid-body: the copy must not be taken as whole
        Operation p = put;
        CompositeByteBuf e = errorBody;
        errorBody = null;
        if (e != null) {
            e.release();
        }
        if (p != null) {
            p.clientClosed();
        }
        if (!over) {
            over = true;
            notCopied.accept(SwiftResponses.standard(503));
        }
    }

    @Override
    public boolean isWritable() {
        return !pacing.paused();
    }

    /** The write below paces the source GET through this (its replicas' back-pressure). */
    private final PacedBodySource pacing = new PacedBodySource(false) {
        @Override
        protected void resumed() {
            Operation g = get;
            if (g != null && !over) {
                g.clientWritabilityChanged();
            }
        }

        @Override
        public void abort() {
            // the PUT failed: its answer reaches this copy through done, which stops the source
        }
    };

    private void stopGet() {
        Operation g = get;
        if (g != null) {
            g.clientClosed();
        }
    }
}
