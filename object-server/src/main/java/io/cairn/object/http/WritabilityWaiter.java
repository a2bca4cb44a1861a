package io.cairn.object.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Runs an action once the channel becomes writable again (the client drained its socket), then removes
 * itself: back-pressure for streamed bodies without polling.
 *
 * <p>Confined to the channel's event loop.
 */
final class WritabilityWaiter extends ChannelInboundHandlerAdapter {
    private final Runnable action;

    private WritabilityWaiter(Runnable action) {
        this.action = action;
    }

    /** Runs {@code action} when the channel is writable (at once if it already is) or closes. */
    static void whenWritable(ChannelHandlerContext ctx, Runnable action) {
        if (ctx.channel().isWritable()) {
            action.run();
            return;
        }
        ctx.pipeline().addLast(new WritabilityWaiter(action));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            ctx.pipeline().remove(this);
            action.run();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ctx.pipeline().remove(this);
        action.run();
        ctx.fireChannelInactive();
    }
}
