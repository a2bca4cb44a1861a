package io.cairn.proxy.swift;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Requests the proxy makes to its own Swift API (Swift's {@code make_subrequest}; DESIGN.md §10): a new
 * {@link Exchange} on the parent's event loop, with its own headers, the parent's {@code X-Timestamp}
 * and transaction id, answered into a {@link ResponseSink} of the caller's instead of the client's
 * channel. It goes through the same controllers and operations as a client request — authorization
 * included, with the headers given (so a copy's source is read as the copying user). A middleware sends
 * its subrequests to the application below itself ({@link SwiftApp}); the other forms start at the top
 * (below server-side copy).
 *
 * <p>Thread-safety: call on the parent's event loop.
 */
public final class Subrequests {
    private Subrequests() {}

    /**
     * Starts {@code method} on {@code path} with {@code headers} (taken over; the subrequest has no body)
     * through the whole application; the answer streams into {@code sink}. The returned operation is told
     * {@link Operation#clientWritabilityChanged} when the sink may take more and {@link
     * Operation#clientClosed} when its answer is no longer wanted; null when the answer was complete at once
     * (e.g. a 405).
     */
    static @Nullable Operation stream(
            Exchange parent, HttpMethod method, SwiftPath path, HttpHeaders headers, ResponseSink sink) {
        return stream(parent, parent.services().app(), method, path, headers, null, sink);
    }

    /**
     * As {@link #stream(Exchange, HttpMethod, SwiftPath, HttpHeaders, ResponseSink)}, through {@code app}, with
     * an optional whole {@code body} (ownership passes; its length becomes the {@code Content-Length}).
     */
    public static @Nullable Operation stream(
            Exchange parent,
            SwiftApp app,
            HttpMethod method,
            SwiftPath path,
            HttpHeaders headers,
            @Nullable ByteBuf body,
            ResponseSink sink) {
        headers.set("X-Trans-Id", parent.transId());
        // a subrequest carries no body of its own, unless given one here
        headers.remove("Content-Length");
        headers.remove("Transfer-Encoding");
        headers.remove("Expect");
        if (body != null) {
            headers.set("Content-Length", Integer.toString(body.readableBytes()));
        }
        HttpRequest request =
                new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, path.clientPath() + path.queryPart(), headers);
        Exchange child =
                new Exchange(parent.channel(), request, path, parent.timestamp(), parent.services(), sink, true);
        child.inheritAuthorization(parent);
        child.markRequestComplete();
        Operation op = app.operationFor(child);
        if (op != null) {
            op.start();
            if (body != null) {
                op.content(new DefaultLastHttpContent(body));
            }
        } else if (body != null) {
            body.release();
        }
        return op;
    }

    /**
     * A PUT through the whole application whose body the caller hands to the returned operation's {@link
     * Operation#content} as it arrives ({@code headers} keep their {@code Content-Length}); no pacing is asked
     * of the caller, so it suits bounded bodies (a manifest). The answer goes to {@code sink}. The operation is
     * returned unstarted: the caller starts it, then feeds it.
     */
    static @Nullable Operation upload(Exchange parent, SwiftPath path, HttpHeaders headers, ResponseSink sink) {
        return upload(parent, path, headers, sink, null);
    }

    /**
     * A server-side copy's PUT of the destination through the application below {@code copy} (so the quotas,
     * versioning and symlink filters see it, as Swift's copy middleware sends its PUT down the pipeline), its body
     * the source's, paced by {@code body} ({@code headers} carry the source's {@code Content-Length}); unstarted.
     */
    static @Nullable Operation upload(
            Exchange parent, SwiftPath path, HttpHeaders headers, ResponseSink sink, @Nullable BodySource body) {
        HttpHeaders h = headers.copy();
        h.set("X-Trans-Id", parent.transId());
        h.remove("Expect");
        HttpRequest request =
                new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT, path.clientPath() + path.queryPart(), h);
        Exchange child =
                new Exchange(parent.channel(), request, path, parent.timestamp(), parent.services(), sink, true);
        child.inheritAuthorization(parent);
        child.markRequestComplete();
        if (body != null) {
            child.copyBodyFrom(body);
            // a server-side copy's PUT keeps the client's Content-Type checks (Swift's copy middleware does not set
            // swift.content_type_overridden); other filters' writes may carry swift_* parameters
            child.markServerSideCopy();
        }
        return parent.services().app().operationFor(child);
    }

    /**
     * A request with a body through {@code app} (e.g. a middleware's PUT of a body it decodes, as S3's
     * aws-chunked): the caller feeds the body to the returned operation's {@link Operation#content} as it
     * arrives and {@code source} is told to pause and resume (back-pressure) and when the replicas are ready
     * ({@code headers} keep their {@code Content-Length}). The answer goes to {@code sink}. The operation is
     * returned unstarted (the caller starts it, then feeds it); null when the answer was complete at once.
     */
    public static @Nullable Operation upload(
            Exchange parent,
            SwiftApp app,
            HttpMethod method,
            SwiftPath path,
            HttpHeaders headers,
            BodySource source,
            ResponseSink sink) {
        headers.set("X-Trans-Id", parent.transId());
        headers.remove("Expect");
        HttpRequest request =
                new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, path.clientPath() + path.queryPart(), headers);
        Exchange child =
                new Exchange(parent.channel(), request, path, parent.timestamp(), parent.services(), sink, true);
        child.inheritAuthorization(parent);
        child.copyBodyFrom(source);
        child.markRequestComplete();
        return app.operationFor(child);
    }

    /**
     * A PUT through {@code app} that takes over the client's request body (Swift's middleware moving {@code
     * wsgi.input} to a subrequest: object versioning writes the client's data to the versions container). The
     * operation below reads and paces the client channel as a client PUT does ({@code 100 Continue} included);
     * the caller hands it the client's body chunks through the returned operation, which it starts. The
     * answer comes whole to {@code done}, as with {@link #call}. {@code headers} keep their {@code
     * Content-Length} or {@code Transfer-Encoding}.
     */
    public static @Nullable Operation callWithClientBody(
            Exchange parent, SwiftApp app, SwiftPath path, HttpHeaders headers, Consumer<FullHttpResponse> done) {
        headers.set("X-Trans-Id", parent.transId());
        HttpRequest request = new DefaultHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.PUT, path.clientPath() + path.queryPart(), headers);
        Buffering sink = new Buffering(parent, MAX_CALL_BODY, done);
        // a client's body is paced on the client channel; a subrequest's (a manifest slo PUTs) is handed in whole
        Exchange child = new Exchange(
                parent.channel(), request, path, parent.timestamp(), parent.services(), sink, parent.isSubrequest());
        child.inheritAuthorization(parent);
        if (parent.requestComplete()) {
            child.markRequestComplete();
        }
        BodySource fed = parent.copyBody();
        if (fed != null) {
            // the parent's body is fed by its maker (S3's decoded body, a copy's source): the PUT below paces that
            child.copyBodyFrom(fed);
        }
        Operation op = app.operationFor(child);
        sink.op = op;
        return op == null ? null : new FedBody(child, op);
    }

    /**
     * A PUT through {@code app} whose body the caller feeds, as it gets it, to the returned operation's {@link
     * Operation#content} (the last chunk a {@link LastHttpContent}); the write below paces the caller through
     * {@code source} as it paces a client (a middleware copying a large object streams it this way). {@code
     * headers} carry the {@code Content-Length} (or {@code Transfer-Encoding: chunked}). The answer comes whole to
     * {@code done}. The operation is returned unstarted: the caller starts it, then feeds it.
     */
    public static @Nullable Operation uploadPaced(
            Exchange parent,
            SwiftApp app,
            SwiftPath path,
            HttpHeaders headers,
            BodySource source,
            Consumer<FullHttpResponse> done) {
        headers.set("X-Trans-Id", parent.transId());
        headers.remove("Expect");
        HttpRequest request = new DefaultHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.PUT, path.clientPath() + path.queryPart(), headers);
        Buffering sink = new Buffering(parent, MAX_CALL_BODY, done);
        Exchange child =
                new Exchange(parent.channel(), request, path, parent.timestamp(), parent.services(), sink, true);
        child.inheritAuthorization(parent);
        child.copyBodyFrom(source);
        Operation op = app.operationFor(child);
        sink.op = op;
        return op == null ? null : new FedBody(child, op);
    }

    /** Hands a fed body to the operation below, marking its exchange's request complete at the last chunk. */
    private static final class FedBody implements Operation {
        private final Exchange child;
        private final Operation op;

        FedBody(Exchange child, Operation op) {
            this.child = child;
            this.op = op;
        }

        @Override
        public void start() {
            op.start();
        }

        @Override
        public void content(HttpContent content) {
            if (content instanceof LastHttpContent) {
                child.markRequestComplete();
            }
            op.content(content);
        }

        @Override
        public void clientClosed() {
            op.clientClosed();
        }

        @Override
        public void clientWritabilityChanged() {
            op.clientWritabilityChanged();
        }
    }

    /** The most body bytes {@link #call} collects: a listing page or a manifest is far smaller. */
    public static final int MAX_CALL_BODY = 32 << 20;

    /**
     * A subrequest through {@code app} whose answer is wanted whole (a HEAD, a listing, a manifest, a PUT of
     * a manifest): {@code done} gets it once, with at most {@link #MAX_CALL_BODY} bytes of body (a longer one
     * is cut short and answered as a 500), or a 503 when the answer broke off. The caller owns (releases) the
     * response. The returned operation is told {@link Operation#clientClosed} if the answer is no longer
     * wanted.
     *
     * @param body the request's body (ownership passes), or null for none
     */
    public static @Nullable Operation call(
            Exchange parent,
            SwiftApp app,
            HttpMethod method,
            SwiftPath path,
            HttpHeaders headers,
            @Nullable ByteBuf body,
            Consumer<FullHttpResponse> done) {
        Buffering sink = new Buffering(parent, MAX_CALL_BODY, done);
        Operation op = stream(parent, app, method, path, headers, body, sink);
        sink.op = op;
        if (sink.finished && op != null) {
            op.clientClosed();
        }
        return op;
    }

    /** Collects an answer into one {@link FullHttpResponse}. */
    private static final class Buffering implements ResponseSink {
        private final Exchange parent;
        private final int maxBody;
        private final Consumer<FullHttpResponse> done;
        private @Nullable HttpResponse head;
        private @Nullable CompositeByteBuf body;
        private @Nullable Operation op;
        private boolean finished;

        Buffering(Exchange parent, int maxBody, Consumer<FullHttpResponse> done) {
            this.parent = parent;
            this.maxBody = maxBody;
            this.done = done;
        }

        @Override
        public void respond(FullHttpResponse response) {
            if (finished) {
                response.release();
                return;
            }
            finished = true;
            done.accept(response);
        }

        @Override
        public void startResponse(HttpResponse h) {
            head = h;
            body = parent.channel().alloc().compositeBuffer(Integer.MAX_VALUE);
        }

        @Override
        public void writeBody(HttpContent content) {
            CompositeByteBuf b = body;
            if (finished || b == null) {
                content.release();
                return;
            }
            if (b.readableBytes() + content.content().readableBytes() > maxBody) {
                content.release();
                fail(500);
                return;
            }
            b.addComponent(true, content.content());
        }

        @Override
        public void endResponse(LastHttpContent last) {
            writeBody(last);
            CompositeByteBuf b = body;
            HttpResponse h = head;
            if (finished || b == null || h == null) {
                return;
            }
            finished = true;
            body = null;
            done.accept(new DefaultFullHttpResponse(
                    h.protocolVersion(), h.status(), b, h.headers(), last.trailingHeaders()));
        }

        @Override
        public void abort() {
            fail(503);
        }

        private void fail(int status) {
            if (finished) {
                return;
            }
            finished = true;
            CompositeByteBuf b = body;
            body = null;
            if (b != null) {
                b.release();
            }
            Operation o = op;
            if (o != null) {
                o.clientClosed();
            }
            done.accept(SwiftResponses.standard(status));
        }

        @Override
        public boolean isWritable() {
            return true;
        }
    }
}
