package io.cairn.container.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Closes a connection when the {@code IdleStateHandler} before it reports it idle (Swift's
 * {@code client_timeout}). Confined to the channel's event loop; stateless, so sharable.
 */
@io.netty.channel.ChannelHandler.Sharable
final class IdleCloseHandler extends ChannelDuplexHandler {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }
}
