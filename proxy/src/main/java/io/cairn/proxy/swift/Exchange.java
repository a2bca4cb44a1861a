package io.cairn.proxy.swift;

import io.cairn.common.time.Timestamp;
import io.cairn.proxy.info.ContainerInfo;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One client request and its response: the parsed path, the proxy-assigned {@code X-Timestamp} and
 * transaction id, and the one way to answer (so keep-alive, the end of the exchange and the re-enabling of
 * reads for the next request happen in one place).
 *
 * <p>Confined to the client channel's event loop.
 */
public final class Exchange {
    private final ChannelHandlerContext ctx;
    private final HttpRequest request;
    private final SwiftPath path;
    private final Timestamp timestamp;
    private final ProxyServices services;
    private final Runnable onDone;
    private @Nullable CompletableFuture<ContainerInfo> corsInfo;
    private boolean requestComplete;
    private boolean responseStarted;
    private boolean done;

    Exchange(
            ChannelHandlerContext ctx,
            HttpRequest request,
            SwiftPath path,
            Timestamp timestamp,
            ProxyServices services,
            boolean requestComplete,
            Runnable onDone) {
        this.ctx = ctx;
        this.request = request;
        this.path = path;
        this.timestamp = timestamp;
        this.services = services;
        this.requestComplete = requestComplete;
        this.onDone = onDone;
    }

    /** The same exchange addressed to another resource (a copy's destination); shares the client state. */
    Exchange withPath(SwiftPath other) {
        Exchange e = new Exchange(ctx, request, other, timestamp, services, requestComplete, onDone);
        e.corsInfo = corsInfo;
        return e;
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

    public Channel channel() {
        return ctx.channel();
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

    /** Answers with a complete response; closes the connection if the request body was not all read. */
    public void respond(FullHttpResponse response) {
        if (done || responseStarted) {
            response.release();
            return;
        }
        if (!response.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            HttpUtil.setContentLength(response, response.content().readableBytes());
        }
        if (request.method().equals(HttpMethod.HEAD) && response.content().isReadable()) {
            response.content().clear();
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request) && requestComplete;
        HttpUtil.setKeepAlive(response, keepAlive);
        decorateCors(response);
        responseStarted = true;
        finish(ctx.channel().writeAndFlush(response), keepAlive);
    }

    /** Starts a streamed response (head only); the body follows with {@link #writeBody}. */
    public ChannelFuture startResponse(HttpResponse head) {
        responseStarted = true;
        HttpUtil.setKeepAlive(head, HttpUtil.isKeepAlive(request) && requestComplete);
        decorateCors(head);
        return ctx.channel().write(head);
    }

    /** One body chunk of a streamed response; ownership passes to the channel. */
    public ChannelFuture writeBody(HttpContent content) {
        return ctx.channel().writeAndFlush(content);
    }

    /** Ends a streamed response. */
    public void endResponse(LastHttpContent last) {
        if (done) {
            last.release();
            return;
        }
        finish(ctx.channel().writeAndFlush(last), HttpUtil.isKeepAlive(request) && requestComplete);
    }

    /** Ends the exchange abruptly (a streamed body cannot be completed): closes the connection. */
    public void abort() {
        if (!done) {
            done = true;
            ctx.channel().close();
            onDone.run();
        }
    }

    private void finish(ChannelFuture written, boolean keepAlive) {
        done = true;
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        written.addListener(f -> onDone.run());
    }
}
