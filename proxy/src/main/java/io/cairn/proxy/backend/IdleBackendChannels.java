package io.cairn.proxy.backend;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Keep-alive backend channels of finished GET/HEAD sources and object PUT replicas, kept per event loop and
 * per storage node ({@code ip:port}) so the next source or replica on the same loop skips the TCP connect,
 * the accept and the pipeline set-up on both ends. A small object GET or PUT costs little more than those,
 * so reusing the connection is a large part of its CPU. An idle channel sits behind {@link #IDLE_HANDLER}, which closes it on
 * anything the node sends or on an error; it is reused only while younger than {@code maxIdleNanos}
 * (well under the storage servers' idle timeouts) and only from its own event loop.
 *
 * <p>Thread-safe: all state is per thread ({@link FastThreadLocal}); a channel is only handed out on, and
 * only kept from, its own event loop.
 */
final class IdleBackendChannels {
    /** Name of the source's or replica's handler in a backend pipeline; the idle handler takes its place. */
    static final String HANDLER = "handler";

    private static final ChannelHandler IDLE_HANDLER = new IdleHandler();

    private final int maxPerNode;
    private final long maxIdleNanos;
    private final FastThreadLocal<Map<String, ArrayDeque<Idle>>> perLoop = new FastThreadLocal<>() {
        @Override
        protected Map<String, ArrayDeque<Idle>> initialValue() {
            return new HashMap<>();
        }
    };

    IdleBackendChannels(int maxPerNode, long maxIdleNanos) {
        this.maxPerNode = maxPerNode;
        this.maxIdleNanos = maxIdleNanos;
    }

    static String key(String ip, int port) {
        return ip + ":" + port;
    }

    /** A live idle channel to {@code key} on the calling event loop, or null; stale ones are closed. */
    @Nullable
    Channel take(String key) {
        ArrayDeque<Idle> q = perLoop.get().get(key);
        if (q == null) {
            return null;
        }
        long now = System.nanoTime();
        for (Idle e = q.pollLast(); e != null; e = q.pollLast()) {
            Channel ch = e.channel;
            if (ch.isActive() && ch.eventLoop().inEventLoop() && now - e.sinceNanos < maxIdleNanos) {
                return ch;
            }
            ch.close();
        }
        return null;
    }

    /**
     * Keeps {@code ch} (a finished keep-alive exchange, on the calling event loop) for reuse, or closes it
     * when it is not reusable or the node already has {@code maxPerNode} idle channels on this loop.
     */
    void offer(String key, Channel ch) {
        if (!ch.isActive() || !ch.eventLoop().inEventLoop()) {
            ch.close();
            return;
        }
        ch.config().setAutoRead(true);
        ch.pipeline().replace(HANDLER, HANDLER, IDLE_HANDLER);
        ArrayDeque<Idle> q = perLoop.get().computeIfAbsent(key, k -> new ArrayDeque<>());
        q.addLast(new Idle(ch, System.nanoTime()));
        while (q.size() > maxPerNode) {
            Idle oldest = q.pollFirst();
            if (oldest != null) {
                oldest.channel.close();
            }
        }
    }

    private record Idle(Channel channel, long sinceNanos) {}

    /** Between exchanges a node has nothing to say: anything it sends, or an error, ends the channel. */
    @ChannelHandler.Sharable
    private static final class IdleHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
