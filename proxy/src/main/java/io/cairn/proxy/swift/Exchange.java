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
import java.util.function.Supplier;
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
    private @Nullable Supplier<FullHttpResponse> refusalOnceAuthorized;
    private @Nullable BodySource copyBody;
    private boolean serverSideCopy;
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
        return sharingClientState(other, timestamp);
    }

    /**
     * The same exchange with the {@code X-Timestamp} {@code later}, as the parent of a subrequest that must come
     * after a write made with this exchange's timestamp (a POST to an object just PUT; Swift gives every
     * subrequest its own timestamp); shares the client state.
     */
    public Exchange withTimestamp(Timestamp later) {
        return sharingClientState(path, later);
    }

    /** This exchange at {@code otherPath} and {@code otherTimestamp}, with all the client's state carried over. */
    private Exchange sharingClientState(SwiftPath otherPath, Timestamp otherTimestamp) {
        Exchange e = new Exchange(client, request, otherPath, otherTimestamp, services, sink, subrequest);
        e.requestComplete = requestComplete;
        e.copyBody = copyBody;
        e.corsInfo = corsInfo;
        e.authorizeOverride = authorizeOverride;
        e.responseFilter = responseFilter;
        e.refusalOnceAuthorized = refusalOnceAuthorized;
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
     * The auth system's refusal of {@code method} on this exchange's resource by its caller, given the container's
     * ACLs (null for account requests), as a filter asks Swift's {@code swift.authorize} before refusing for its
     * own reasons (a quota answers 413 only to callers who could have written); null when allowed.
     */
    public @Nullable FullHttpResponse denialFor(String method, @Nullable ContainerInfo container) {
        SwiftPath p = path;
        io.cairn.proxy.pipeline.AccessPolicy.Decision d =
                Authorization.checkAs(this, method, p.account(), p.container(), p.object(), container);
        return d.allowed() ? null : Authorization.denial(d);
    }

    /**
     * Whether the caller is a reseller admin (Swift's {@code reseller_request}, which the auth filter sets before
     * the filters below it run).
     */
    public boolean isResellerRequest() {
        return services.access().isResellerRequest(request.headers());
    }

    /**
     * Answers {@code refusal} in place of the write once the auth system has allowed it (Swift's
     * account_quotas wrapping {@code swift.authorize}: a caller who may not write still gets the auth system's
     * answer, not the quota's).
     */
    public void refuseOnceAuthorized(Supplier<FullHttpResponse> refusal) {
        this.refusalOnceAuthorized = refusal;
    }

    /** The refusal a filter set with {@link #refuseOnceAuthorized}, handed over once; null when none. */
    @Nullable
    FullHttpResponse takeRefusalOnceAuthorized() {
        Supplier<FullHttpResponse> r = refusalOnceAuthorized;
        refusalOnceAuthorized = null;
        return r == null ? null : r.get();
    }

    /** Passes this exchange's response head (full or streamed) through {@code filter} before it is sent. */
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
        e.copyBody = copyBody;
        e.corsInfo = corsInfo;
        e.authorizeOverride = authorizeOverride;
        e.responseFilter = responseFilter;
        return e;
    }

    /**
     * A subrequest PUT whose body its maker feeds, paced by the PUT (not the client's channel): a server-side
     * copy's (the source's GET) or a middleware's (an S3 body it decodes).
     */
    void copyBodyFrom(BodySource body) {
        this.copyBody = body;
    }

    /** This PUT is a server-side copy's write (its Content-Type is the client's to answer for). */
    void markServerSideCopy() {
        this.serverSideCopy = true;
    }

    boolean isServerSideCopy() {
        return serverSideCopy;
    }

    @Nullable
    BodySource copyBody() {
        return copyBody;
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
            ContainerInfo ci = Deferred.resultOf(info);
            Cors.decorate(services.config(), ci, origin, response.headers());
        }
    }

    private void filter(HttpResponse response) {
        Consumer<HttpResponse> f = responseFilter;
        if (f != null) {
            f.accept(response);
        }
        if (!subrequest) {
            varyOnAccept(response);
        }
    }

    /**
     * Whether {@code listing_formats} leaves this listing alone: the client chose the format, or a filter below
     * answers it in its own format (object versioning's {@code ?versions} listing turns {@code
     * swift.format_listing} off).
     */
    private static boolean listingFormattedBelow(SwiftPath p) {
        io.cairn.common.listing.QueryParameters q = io.cairn.common.listing.QueryParameters.parse(p.query());
        return q.contains("format") || (p.container() != null && q.contains("versions"));
    }

    /**
     * Swift's {@code listing_formats} (right after {@code catch_errors}): a 200 or 204 answer to an account or
     * container GET or HEAD without {@code format=} varies on {@code Accept} (whatever a filter below served there,
     * a staticweb page included).
     */
    private void varyOnAccept(HttpResponse response) {
        int status = response.status().code();
        SwiftPath p = path;
        String m = request.method().name();
        if ((status != 200 && status != 204)
                || !(m.equals("GET") || m.equals("HEAD"))
                || !(p.version().equals("v1") || p.version().equals("v1.0"))
                || (p.object() != null && !p.object().isEmpty())
                || listingFormattedBelow(p)) {
            return;
        }
        String vary = response.headers().get(io.netty.handler.codec.http.HttpHeaderNames.VARY);
        if (vary == null) {
            response.headers().set(io.netty.handler.codec.http.HttpHeaderNames.VARY, "Accept");
        } else if (!java.util.Arrays.stream(
                        vary.toLowerCase(java.util.Locale.ROOT).split(","))
                .map(String::strip)
                .toList()
                .contains("accept")) {
            response.headers().set(io.netty.handler.codec.http.HttpHeaderNames.VARY, vary + ", Accept");
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
