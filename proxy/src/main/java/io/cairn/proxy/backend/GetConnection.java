package io.cairn.proxy.backend;

import io.cairn.ring.Device;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
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
@ChannelHandler.Sharable // see KeepAliveExchange
public final class GetConnection extends KeepAliveExchange {
    /** What the GET operation hears from a source. */
    public interface Listener {
        /** The response head arrived; the body (if any) follows unless the listener closes. */
        void head(GetConnection c, HttpResponse head);

        /** A body chunk; the listener owns it. {@link LastHttpContent} ends the body. */
        void body(GetConnection c, HttpContent content);

        /** The source failed (connect error, timeout, reset) before finishing. */
        void failed(GetConnection c);
    }

    private final Listener listener;
    private final Duration nodeTimeout;
    private final Duration chunkTimeout;
    /** The request until it is written for good: on a reused channel a copy is written, kept for one retry. */
    private @Nullable FullHttpRequest request;

    private boolean keepAlive;
    private @Nullable ScheduledFuture<?> timer;
    /** Body chunks that arrived while paused (a read already in flight), handed over on {@link #resume}. */
    private final ArrayDeque<HttpContent> queued = new ArrayDeque<>();

    private boolean gotHead;
    private boolean complete;
    private boolean done;
    private boolean paused;

    public GetConnection(Device node, Listener listener, Duration nodeTimeout, Duration chunkTimeout) {
        super(node);
        this.listener = listener;
        this.nodeTimeout = nodeTimeout;
        this.chunkTimeout = chunkTimeout;
    }

    /** Sends {@code method path} with {@code headers} on an idle keep-alive channel to the node, or a new one. */
    public void start(BackendConnector connector, EventLoop loop, HttpMethod method, String path, HttpHeaders headers) {
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path);
        req.headers().set(headers);
        addressToNode(req);
        req.headers().set("Content-Length", 0);
        request = req;
        open(connector, loop);
    }

    @Override
    void send(Channel ch) {
        FullHttpRequest r = request;
        if (r == null || done) {
            return; // closed while connecting
        }
        FullHttpRequest out;
        if (reused()) {
            out = r.retainedDuplicate(); // the request stays for one retry on a fresh connection
        } else {
            out = r;
            request = null;
        }
        arm(nodeTimeout);
        ch.writeAndFlush(out).addListener(w -> {
            if (!w.isSuccess()) {
                failOrRetry(ch);
            }
        });
    }

    @Override
    boolean retryable() {
        return !gotHead && !done && request != null;
    }

    @Override
    void beforeRetry() {
        disarm();
    }

    @Override
    boolean over() {
        return complete;
    }

    /** Stops reading (the client is slow); the chunk timer does not run while paused. */
    public void pause() {
        if (!paused && !done) {
            paused = true;
            Channel c = channel();
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
            Channel c = channel();
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
        closeChannel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (done || ctx.channel() != channel()) {
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
                finishChannel(ctx.channel(), keepAlive);
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

    private void arm(Duration d) {
        disarm();
        Channel c = channel();
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

    @Override
    void fail() {
        if (done) {
            return;
        }
        done = true;
        releaseRequest();
        releaseQueued();
        disarm();
        closeChannel();
        listener.failed(this);
    }
}
