package io.cairn.proxy.backend;

import io.cairn.ring.Device;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpRequest;
import org.jspecify.annotations.Nullable;

/**
 * What {@link GetConnection} and {@link PutConnection} share: one request to one node on a keep-alive channel.
 *
 * <ul>
 *   <li>An idle channel to the node on this event loop is taken before connecting ({@link #open}); the exchange
 *       becomes the channel's handler in place of the idle-channel handler.
 *   <li>A reused channel that breaks before the node answered anything was closed by the node meanwhile (its
 *       idle timeout raced our request): the request goes once more on a fresh connection ({@link #failOrRetry}),
 *       when the subclass says nothing is lost by it ({@link #retryable}).
 *   <li>At the end the channel goes back to the idle channels when the exchange left it reusable, else it is
 *       closed ({@link #finishChannel}).
 * </ul>
 *
 * <p>Events of a channel that is no longer the exchange's (the broken one of a retry) are ignored, closed on an
 * exception. Confined to the client channel's event loop, on which its channel is created.
 */
@ChannelHandler.Sharable // one retry adds it to a fresh channel; events of a channel no longer its own are ignored
abstract class KeepAliveExchange extends ChannelInboundHandlerAdapter {
    private final Device node;
    private @Nullable Channel channel;
    private @Nullable BackendConnector connector;
    /** The channel came from the idle channels (a failure before any answer may retry on a fresh one). */
    private boolean reused;

    KeepAliveExchange(Device node) {
        this.node = node;
    }

    public final Device node() {
        return node;
    }

    /** The channel of this exchange; null before {@link #open} and once it was handed back or closed. */
    final @Nullable Channel channel() {
        return channel;
    }

    /** Whether the channel in use came from the idle channels (and no retry replaced it yet). */
    final boolean reused() {
        return reused;
    }

    /** {@code Host} set to the node, {@code Connection} removed: every request is keep-alive. */
    final void addressToNode(HttpRequest request) {
        request.headers().set("Host", node.ip() + ":" + node.port());
        request.headers().remove("Connection");
    }

    /** Sends the request on an idle keep-alive channel to the node, or on a new one ({@link #send}). */
    final void open(BackendConnector connector, EventLoop loop) {
        this.connector = connector;
        Channel idle = loop.inEventLoop() ? connector.takeIdle(node) : null;
        if (idle != null) {
            reused = true;
            channel = idle;
            idle.pipeline().replace(IdleBackendChannels.HANDLER, IdleBackendChannels.HANDLER, this);
            send(idle);
            return;
        }
        connect(connector, loop);
    }

    private void connect(BackendConnector connector, EventLoop loop) {
        ChannelFuture f = connector.connect(loop, node, this);
        channel = f.channel();
        f.addListener(connected -> {
            if (!connected.isSuccess()) {
                fail();
                return;
            }
            send(f.channel());
        });
    }

    /** Writes the request on {@code ch}, the exchange's channel, once connected (or taken idle). */
    abstract void send(Channel ch);

    /** Whether sending the request once more on a fresh channel loses nothing (the node answered nothing yet). */
    abstract boolean retryable();

    /** Called before a retry's fresh connection: cancel the timers of the broken channel. */
    abstract void beforeRetry();

    /** Whether the exchange is over, so the channel's end is no failure. */
    abstract boolean over();

    /** The exchange failed: closes the channel and reports it, once. */
    abstract void fail();

    /**
     * A reused idle channel that broke before the node answered: the request is sent once more on a fresh
     * connection. Anything else is the exchange's failure.
     */
    final void failOrRetry(Channel broken) {
        BackendConnector c = connector;
        if (reused && c != null && broken == channel && retryable()) {
            reused = false;
            beforeRetry();
            broken.close();
            connect(c, broken.eventLoop());
            return;
        }
        fail();
    }

    /** The exchange is over: the channel goes back to the idle channels when {@code reusable}, else it is closed. */
    final void finishChannel(Channel ch, boolean reusable) {
        channel = null;
        BackendConnector c = connector;
        if (reusable && c != null) {
            c.offerIdle(node, ch);
        } else {
            ch.close();
        }
    }

    /** Closes the exchange's channel, if it has one. */
    final void closeChannel() {
        Channel c = channel;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public final void channelInactive(ChannelHandlerContext ctx) {
        if (!over() && ctx.channel() == channel) {
            failOrRetry(ctx.channel());
        }
    }

    @Override
    public final void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (ctx.channel() == channel) {
            failOrRetry(ctx.channel());
        } else {
            ctx.close();
        }
    }
}
