package io.cairn.common.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * The last stage of a storage server's pipeline: closes a connection whose {@code client_timeout} ran out (the
 * {@code idle} stage's {@link IdleStateEvent}) when no stage before it answered the event itself (the object
 * server answers a PUT in progress with 408 first). Stateless and {@code @Sharable}; confined to the event loop
 * of the channel it runs on.
 */
@ChannelHandler.Sharable
final class IdleCloseHandler extends ChannelInboundHandlerAdapter {
    static final IdleCloseHandler INSTANCE = new IdleCloseHandler();

    private IdleCloseHandler() {}

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }
}
