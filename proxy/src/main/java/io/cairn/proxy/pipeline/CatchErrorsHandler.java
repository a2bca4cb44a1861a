package io.cairn.proxy.pipeline;

import io.cairn.proxy.swift.SwiftResponses;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Swift's {@code catch_errors}: an exception no handler dealt with becomes a 500 (written from the tail
 * so every outbound stage, access log included, sees it) and the connection is closed, since its request
 * state is unknown. Client I/O errors (resets) only close the connection.
 *
 * <p>Confined to the channel's event loop; stateless. Sits last so it sees exceptions from every stage.
 */
public final class CatchErrorsHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = System.getLogger(CatchErrorsHandler.class.getName());

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.log(Level.DEBUG, "client connection error on {0}: {1}", ctx.channel(), cause.toString());
            ctx.close();
            return;
        }
        LOG.log(Level.ERROR, "unhandled error on " + ctx.channel(), cause);
        if (ctx.channel().isActive()) {
            FullHttpResponse r = SwiftResponses.standard(500);
            r.headers().set("Connection", "close");
            ctx.channel().writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
