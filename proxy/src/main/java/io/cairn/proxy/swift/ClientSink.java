package io.cairn.proxy.swift;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.function.BooleanSupplier;

/**
 * The client's channel as a {@link ResponseSink}: keep-alive (only when the whole request was read), the
 * end of the exchange and the re-enabling of reads for the next request happen here, in one place. Its
 * own started/done state is the one every {@link Exchange} of the client request shares (a COPY's
 * destination exchange answers through the same sink).
 *
 * <p>Confined to the client channel's event loop.
 */
final class ClientSink implements ResponseSink {
    private final ChannelHandlerContext ctx;
    private final HttpRequest request;
    private final BooleanSupplier requestComplete;
    private final Runnable onDone;
    private boolean responseStarted;
    private boolean done;

    ClientSink(ChannelHandlerContext ctx, HttpRequest request, BooleanSupplier requestComplete, Runnable onDone) {
        this.ctx = ctx;
        this.request = request;
        this.requestComplete = requestComplete;
        this.onDone = onDone;
    }

    /** Answers with a complete response; closes the connection if the request body was not all read. */
    @Override
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
            // swob makes no error page for a HEAD: its length is 0 (a document's HEAD keeps the GET's length)
            if (response.status().code() >= 300) {
                HttpUtil.setContentLength(response, 0);
            }
        }
        boolean keepAlive = keepAlive();
        HttpUtil.setKeepAlive(response, keepAlive);
        responseStarted = true;
        finish(ctx.channel().writeAndFlush(response), keepAlive);
    }

    @Override
    public void startResponse(HttpResponse head) {
        responseStarted = true;
        HttpUtil.setKeepAlive(head, keepAlive());
        ctx.channel().write(head);
    }

    @Override
    public void writeBody(HttpContent content) {
        ctx.channel().writeAndFlush(content);
    }

    @Override
    public void endResponse(LastHttpContent last) {
        if (done) {
            last.release();
            return;
        }
        finish(ctx.channel().writeAndFlush(last), keepAlive());
    }

    /** Ends the exchange abruptly (a streamed body cannot be completed): closes the connection. */
    @Override
    public void abort() {
        if (!done) {
            done = true;
            ctx.channel().close();
            onDone.run();
        }
    }

    @Override
    public boolean isWritable() {
        return ctx.channel().isWritable();
    }

    private boolean keepAlive() {
        return HttpUtil.isKeepAlive(request) && requestComplete.getAsBoolean();
    }

    private void finish(ChannelFuture written, boolean keepAlive) {
        done = true;
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        written.addListener(f -> onDone.run());
    }
}
