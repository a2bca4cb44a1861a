package io.cairn.proxy.swift;

import io.cairn.common.time.Timestamp;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One request being served (Swift's {@code swob.Request} as the controllers see it): the parsed path, the
 * headers (the operation's to change), the proxy-assigned {@code X-Timestamp} and transaction id, and the
 * {@link ResponseSink} its answer goes to — the client's channel, or for a subrequest ({@link
 * Subrequests}) the middleware or operation that made it.
 *
 * <p>Confined to the client channel's event loop.
 */
public final class Exchange {
    private final Channel client;
    private final HttpRequest request;
    private final SwiftPath path;
    private final Timestamp timestamp;
    private final ProxyServices services;
    private final ResponseSink sink;
    private final boolean subrequest;
    private @Nullable CompletableFuture<ContainerInfo> corsInfo;
    private @Nullable AuthorizeOverride authorizeOverride;
    private @Nullable Consumer<HttpResponse> responseFilter;
    private @Nullable BodyPacing bodyPacing;
    private boolean requestComplete;
    private boolean responseStarted;
    private boolean done;

    Exchange(
            Channel client,
            HttpRequest request,
            SwiftPath path,
            Timestamp timestamp,
            ProxyServices services,
            ResponseSink sink,
            boolean subrequest) {
        this.client = client;
        this.request = request;
        this.path = path;
        this.timestamp = timestamp;
        this.services = services;
        this.sink = sink;
        this.subrequest = subrequest;
    }

    /**
     * The same exchange addressed to another resource (a copy's destination; object versioning's read of a
     * version, as Swift rewrites {@code PATH_INFO}); shares the client state.
     */
    public Exchange withPath(SwiftPath other) {
        Exchange e = new Exchange(client, request, other, timestamp, services, sink, subrequest);
        e.requestComplete = requestComplete;
        e.corsInfo = corsInfo;
        e.authorizeOverride = authorizeOverride;
        e.responseFilter = responseFilter;
        return e;
    }

    /**
     * The same request with the query {@code query} (a middleware that consumes its own parameters, as
     * TempURL keeps only its own); shares the client state.
     */
    public Exchange withQuery(String query) {
        SwiftPath p = path;
        return withPath(new SwiftPath(p.version(), p.account(), p.container(), p.object(), query));
    }

    /**
     * Swift's {@code swift.authorize} with {@code swift.authorize_override}: a middleware that has decided who
     * the request acts as (TempURL) authorizes it, and the subrequests made for it, in place of the auth
     * system.
     */
    public void overrideAuthorization(AuthorizeOverride decider) {
        this.authorizeOverride = decider;
    }

    @Nullable
    AuthorizeOverride authorizeOverride() {
        return authorizeOverride;
    }

    /**
     * Passes this exchange's response head (full or streamed) through {@code filter} before it is sent; a filter
     * set earlier (by a filter higher in the pipeline) runs after it, as the outer WSGI middleware sees the
     * inner one's response.
     */
    public void filterResponse(Consumer<HttpResponse> filter) {
        Consumer<HttpResponse> outer = responseFilter;
        this.responseFilter = outer == null ? filter : filter.andThen(outer);
    }

    /**
     * A stand-in for this exchange as the parent of subrequests that are not authorized as the caller (Swift's
     * {@code make_pre_authed_request}: a middleware that has checked access itself writes to a hidden container).
     */
    public Exchange preAuthorized() {
        Exchange e = withPath(path);
        e.authorizeOverride = (method, account, container, object) -> AccessPolicy.Decision.allow(false);
        return e;
    }

    /** A stand-in for this exchange whose subrequests carry {@code X-Timestamp} {@code ts} (Swift's offset). */
    public Exchange atTimestamp(Timestamp ts) {
        Exchange e = new Exchange(client, request, path, ts, services, sink, subrequest);
        e.requestComplete = requestComplete;
        e.corsInfo = corsInfo;
        e.authorizeOverride = authorizeOverride;
        e.responseFilter = responseFilter;
        return e;
    }

    /**
     * Swift's {@code swift.authorize} for {@code method} on this exchange's resource given its container's ACLs:
     * the denial to answer, or null when allowed (a middleware checking before it writes pre-authorized).
     */
    public @Nullable FullHttpResponse denial(String method, @Nullable ContainerInfo container) {
        SwiftPath p = path;
        AccessPolicy.Decision d =
                Authorization.checkAs(this, method, p.account(), p.container(), p.object(), container);
        return d.allowed() ? null : Authorization.denial(d);
    }

    /** The pacing of a body a middleware feeds to this (sub)request ({@link Subrequests#uploadPaced}). */
    void pace(BodyPacing pacing) {
        this.bodyPacing = pacing;
    }

    @Nullable
    BodyPacing bodyPacing() {
        return bodyPacing;
    }

    /** A subrequest made for this exchange acts as its caller: it inherits the authorization override. */
    void inheritAuthorization(Exchange parent) {
        this.authorizeOverride = parent.authorizeOverride;
    }

    public HttpRequest request() {
        return request;
    }

    public HttpHeaders headers() {
        return request.headers();
    }

    public HttpMethod method() {
        return request.method();
    }

    public SwiftPath path() {
        return path;
    }

    /** The request's {@code X-Timestamp}, assigned by the proxy on arrival. */
    public Timestamp timestamp() {
        return timestamp;
    }

    public String transId() {
        return request.headers().get("X-Trans-Id", "-");
    }

    public ProxyServices services() {
        return services;
    }

    /** The event loop everything of this request runs on (the client channel's). */
    public EventLoop eventLoop() {
        return client.eventLoop();
    }

    /**
     * The client's channel, for reading a client's request body (a subrequest has none of its own: its
     * body, if any, comes from a {@code BodySource}).
     */
    public Channel channel() {
        return client;
    }

    /** Whether this request was made by the proxy itself (Swift's {@code make_subrequest}). */
    public boolean isSubrequest() {
        return subrequest;
    }

    /**
     * For a container or object request with an {@code Origin} (Swift's {@code cors_validation}): looks up
     * the container's CORS settings as they are before the request runs, to decorate its answer with.
     */
    void lookUpCors() {
        SwiftPath p = path;
        String m = request.method().name();
        if (p.container() != null
                && request.headers().contains("Origin")
                && (m.equals("GET") || m.equals("HEAD") || m.equals("PUT") || m.equals("POST") || m.equals("DELETE"))) {
            corsInfo = services.infoCache().container(p.account(), p.containerName());
        }
    }

    private void decorateCors(HttpResponse response) {
        CompletableFuture<ContainerInfo> info = corsInfo;
        String origin = request.headers().get("Origin");
        if (info != null && origin != null && !origin.isEmpty()) {
            ContainerInfo ci = info.isCompletedExceptionally() ? null : info.getNow(null);
            Cors.decorate(services.config(), ci, origin, response.headers());
        }
    }

    private void filter(HttpResponse response) {
        Consumer<HttpResponse> f = responseFilter;
        if (f != null) {
            f.accept(response);
        }
    }

    /** Whether the whole request (head and body) has been read. */
    public boolean requestComplete() {
        return requestComplete;
    }

    void markRequestComplete() {
        requestComplete = true;
    }

    public boolean responseStarted() {
        return responseStarted;
    }

    public boolean isDone() {
        return done;
    }

    /** Whether the answer's receiver takes more body now. */
    public boolean isWritable() {
        return sink.isWritable();
    }

    /** Answers with a complete response. */
    public void respond(FullHttpResponse response) {
        if (done || responseStarted) {
            response.release();
            return;
        }
        decorateCors(response);
        filter(response);
        responseStarted = true;
        done = true;
        sink.respond(response);
    }

    /** Starts a streamed response (head only); the body follows with {@link #writeBody}. */
    public void startResponse(HttpResponse head) {
        responseStarted = true;
        decorateCors(head);
        filter(head);
        sink.startResponse(head);
    }

    /** One body chunk of a streamed response; ownership passes to the sink. */
    public void writeBody(HttpContent content) {
        if (done) {
            content.release();
            return;
        }
        sink.writeBody(content);
    }

    /** Ends a streamed response. */
    public void endResponse(LastHttpContent last) {
        if (done) {
            last.release();
            return;
        }
        done = true;
        sink.endResponse(last);
    }

    /** Ends the exchange abruptly (a streamed body cannot be completed). */
    public void abort() {
        if (!done) {
            done = true;
            sink.abort();
        }
    }
}
