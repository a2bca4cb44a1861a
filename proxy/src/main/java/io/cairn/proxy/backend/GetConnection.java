package io.cairn.proxy.backend;

import io.cairn.ring.Device;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One source of an object GET or HEAD (Swift's {@code GetOrHeadHandler} node request, reference §4.5):
 * sends the request, gives the response head to its listener within {@code node_timeout}, then passes
 * each body chunk on as it arrives (ownership included) with at most {@code chunkTimeout} between chunks
 * while reading; the listener pauses it for back-pressure. A reset, a timeout or an early end is reported
 * once as a failure.
 *
 * <p>The request is keep-alive: when the node's response completed and allows it, the channel goes back
 * to the connector's idle channels and a later source on the same event loop reuses it (no connect,
 * accept or pipeline set-up). A reused channel that turns out closed by the node before any response
 * (its idle timeout raced our request) is replaced by a fresh connection once, transparently.
 *
 * <p>Confined to the client channel's event loop, on which its channel is created.
 */
@ChannelHandler.Sharable // one retry adds it to a fresh channel; events of a channel no longer its own are ignored
public final class GetConnection extends ChannelInboundHandlerAdapter {
    /** What the GET operation hears from a source. */
    public interface Listener {
        /** The response head arrived; the body (if any) follows unless the listener closes. */
        void head(GetConnection c, HttpResponse head);

        /** A body chunk; the listener owns it. {@link LastHttpContent} ends the body. */
        void body(GetConnection c, HttpContent content);

        /** The source failed (connect error, timeout, reset) before finishing. */
        void failed(GetConnection c);
    }

    private final Device node;
    private final Listener listener;
    private final Duration nodeTimeout;
    private final Duration chunkTimeout;
    private @Nullable Channel channel;
    private @Nullable BackendConnector connector;
    private @Nullable FullHttpRequest request;
    /** The channel came from the idle channels (a failure before the head retries on a fresh one). */
    private boolean reused;

    private boolean keepAlive;
    private @Nullable ScheduledFuture<?> timer;
    /** Body chunks that arrived while paused (a read already in flight), handed over on {@link #resume}. */
    private final ArrayDeque<HttpContent> queued = new ArrayDeque<>();

    private boolean gotHead;
    private boolean complete;
    private boolean done;
    private boolean paused;

    public GetConnection(Device node, Listener listener, Duration nodeTimeout, Duration chunkTimeout) {
        this.node = node;
        this.listener = listener;
        this.nodeTimeout = nodeTimeout;
        this.chunkTimeout = chunkTimeout;
    }

    /** Sends {@code method path} with {@code headers} on an idle keep-alive channel to the node, or a new one. */
    public void start(BackendConnector connector, EventLoop loop, HttpMethod method, String path, HttpHeaders headers) {
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path);
        req.headers().set(headers);
        req.headers().set("Host", node.ip() + ":" + node.port());
        req.headers().remove("Connection");
        req.headers().set("Content-Length", 0);
        this.connector = connector;
        Channel idle = loop.inEventLoop() ? connector.takeIdle(node) : null;
        if (idle != null) {
            reused = true;
            request = req.retainedDuplicate(); // kept for one retry on a fresh connection
            channel = idle;
            idle.pipeline().replace(IdleBackendChannels.HANDLER, IdleBackendChannels.HANDLER, this);
            send(idle, req);
            return;
        }
        connect(connector, loop, req);
    }

    private void connect(BackendConnector connector, EventLoop loop, FullHttpRequest req) {
        ChannelFuture f = connector.connect(loop, node, this);
        channel = f.channel();
        f.addListener(connected -> {
            if (!connected.isSuccess()) {
                req.release();
                fail();
                return;
            }
            send(f.channel(), req);
        });
    }

    private void send(Channel ch, FullHttpRequest req) {
        arm(nodeTimeout);
        ch.writeAndFlush(req).addListener(w -> {
            if (!w.isSuccess()) {
                failOrRetry(ch);
            }
        });
    }

    public Device node() {
        return node;
    }

    /** Stops reading (the client is slow); the chunk timer does not run while paused. */
    public void pause() {
        if (!paused && !done) {
            paused = true;
            Channel c = channel;
            if (c != null) {
                c.config().setAutoRead(false);
            }
            disarm();
        }
    }

    /** Hands over what arrived while paused, then reads again. */
    public void resume() {
        if (paused && !done) {
            paused = false;
            for (HttpContent next = queued.poll(); next != null; next = queued.poll()) {
                deliver(next);
                if (paused || done) {
                    break;
                }
            }
            Channel c = channel;
            if (c != null && !paused && !done && !complete) {
                c.config().setAutoRead(true);
                c.read();
                arm(chunkTimeout);
            }
        }
    }

    /** Closes the source without reporting anything (the operation is done with it). */
    public void close() {
        done = true;
        releaseRequest();
        releaseQueued();
        disarm();
        Channel c = channel;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (done || ctx.channel() != channel) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpResponse head) {
            gotHead = true;
            releaseRequest();
            if (head.status().code() == 100) {
                ReferenceCountUtil.release(msg);
                return;
            }
            keepAlive = HttpUtil.isKeepAlive(head);
            arm(chunkTimeout);
            listener.head(this, head);
        }
        if (msg instanceof HttpContent content && !done) {
            if (content instanceof LastHttpContent) {
                complete = true;
                disarm();
                finishChannel(ctx.channel());
            } else {
                arm(chunkTimeout);
            }
            // Reads already under way when the listener paused still arrive (and with epoll, the rest of
            // a response the node finished sending): they wait here, in order, until it resumes.
            if (paused || !queued.isEmpty()) {
                queued.add(content);
            } else {
                deliver(content);
            }
        } else if (msg instanceof HttpContent) {
            ReferenceCountUtil.release(msg);
        }
    }

    private void deliver(HttpContent content) {
        if (content instanceof LastHttpContent) {
            done = true;
        }
        listener.body(this, content);
    }

    /** The exchange is over: the channel goes back to the idle channels when the node keeps it alive. */
    private void finishChannel(Channel ch) {
        channel = null;
        BackendConnector c = connector;
        if (keepAlive && c != null) {
            c.offerIdle(node, ch);
        } else {
            ch.close();
        }
    }

    private void releaseRequest() {
        FullHttpRequest r = request;
        if (r != null) {
            request = null;
            r.release();
        }
    }

    private void releaseQueued() {
        for (HttpContent c = queued.poll(); c != null; c = queued.poll()) {
            c.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!complete && ctx.channel() == channel) {
            failOrRetry(ctx.channel());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (ctx.channel() == channel) {
            failOrRetry(ctx.channel());
        } else {
            ctx.close();
        }
    }

    /**
     * A reused idle channel that broke before any response was closed by the node meanwhile: the request is
     * sent once more on a fresh connection. Anything else is the source's failure.
     */
    private void failOrRetry(Channel broken) {
        FullHttpRequest r = request;
        BackendConnector c = connector;
        if (reused && !gotHead && !done && r != null && c != null && broken == channel) {
            reused = false;
            request = null;
            disarm();
            broken.close();
            connect(c, broken.eventLoop(), r);
            return;
        }
        fail();
    }

    private void arm(Duration d) {
        disarm();
        Channel c = channel;
        if (c != null && !paused) {
            timer = c.eventLoop().schedule(this::fail, d.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void disarm() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
            timer = null;
        }
    }

    /** Whether the response head arrived. */
    public boolean gotHead() {
        return gotHead;
    }

    private void fail() {
        if (done) {
            return;
        }
        done = true;
        releaseRequest();
        releaseQueued();
        disarm();
        Channel c = channel;
        if (c != null) {
            c.close();
        }
        listener.failed(this);
    }
}
