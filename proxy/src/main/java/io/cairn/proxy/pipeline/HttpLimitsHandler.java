package io.cairn.proxy.pipeline;

import io.cairn.proxy.swift.SwiftResponses;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers requests the HTTP decoder refused: a request line over {@code max_request_line} → 414, a header
 * block over its limit or a malformed request → 400; the connection is then closed (the decoder cannot
 * resynchronize). Everything else passes through.
 *
 * <p>Confined to the channel's event loop.
 */
public final class HttpLimitsHandler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
            Throwable cause = o.decoderResult().cause();
            ReferenceCountUtil.release(msg);
            if (!(msg instanceof HttpRequest)) {
                ctx.close();
                return;
            }
            FullHttpResponse r;
            if (cause instanceof TooLongFrameException
                    && String.valueOf(cause.getMessage()).contains("line")) {
                r = SwiftResponses.standard(414);
            } else if (cause instanceof TooLongFrameException) {
                r = SwiftResponses.withText(400, "Request header too large");
            } else {
                r = SwiftResponses.standard(400);
            }
            r.headers().set("Connection", "close");
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
