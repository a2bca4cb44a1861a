package io.cairn.proxy.pipeline;

import io.cairn.proxy.swift.SwiftResponses;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Turns the {@link io.netty.handler.timeout.IdleStateHandler}'s events into Swift's {@code client_timeout}
 * (reference §4.3) so slow or half-closed clients don't pin resources: no bytes from the client for the
 * timeout while it owes us a request (between requests, or mid-body) → 408 (if nothing was answered yet)
 * and close; a client that stops reading a response for the timeout → close. While the proxy itself is
 * working on a complete request (waiting on backends) the client owes nothing and is not timed out.
 *
 * <p>Confined to the channel's event loop.
 */
public final class ClientTimeoutHandler extends ChannelDuplexHandler {
    private boolean receivingBody;
    private boolean awaitingResponse;
    private boolean responseStarted;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            receivingBody = !(msg instanceof LastHttpContent);
            awaitingResponse = true;
            responseStarted = false;
        } else if (msg instanceof LastHttpContent) {
            receivingBody = false;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse r && !r.status().equals(HttpResponseStatus.CONTINUE)) {
            responseStarted = true;
        }
        if (msg instanceof LastHttpContent && responseStarted) {
            awaitingResponse = false;
            responseStarted = false;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof IdleStateEvent idle)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        if (idle.state() == IdleState.READER_IDLE && (receivingBody || !awaitingResponse)) {
            if (receivingBody && !responseStarted) {
                FullHttpResponse r = SwiftResponses.standard(408);
                r.headers().set("Connection", "close");
                ctx.channel().writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.close();
            }
        } else if (idle.state() == IdleState.WRITER_IDLE
                && responseStarted
                && !ctx.channel().isWritable()) {
            ctx.close();
        }
    }
}
