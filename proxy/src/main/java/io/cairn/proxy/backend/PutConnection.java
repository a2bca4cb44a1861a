package io.cairn.proxy.backend;

import io.cairn.common.http.CairnBackendHeaders;
import io.cairn.ring.Device;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One replica of an object PUT (Swift's {@code Putter}, reference §3.3): sends the request head with
 * {@code Expect: 100-continue}, waits up to {@code node_timeout} for {@code 100 Continue} (or a final
 * answer), then carries body slices, then waits up to {@code node_timeout} for the final response. A
 * connection that stays unwritable for {@code node_timeout} is failed (Swift's chunk write timeout) so one
 * slow replica does not stall the others forever.
 *
 * <p>The request is keep-alive, as {@link GetConnection}'s: an idle channel to the node on this event loop
 * is taken before connecting, and the channel goes back to the idle channels only after a clean exchange:
 * {@code 100 Continue}, the whole body and its end written, the final response read to its end, keep-alive
 * (HTTP/1.1 without {@code Connection: close}), no failure, timeout or abort. Anything else closes it; in
 * particular a final status instead of {@code 100 Continue} (the node never read the body it was announced,
 * so the framing of the next request on that channel would be off). A reused channel that breaks before the
 * node answered anything (its idle timeout raced our request) is replaced by a fresh connection once,
 * transparently: no body byte is sent before {@code 100 Continue}, so nothing of the client's body is lost.
 *
 * <p>Confined to the client channel's event loop, on which its channel is created.
 */
@ChannelHandler.Sharable // see KeepAliveExchange
public final class PutConnection extends KeepAliveExchange {
    /** What the PUT operation hears from its replicas. */
    public interface Listener {
        /** The node answered its head: {@code 100 Continue}, a final status, or a failure. */
        void headAnswered(PutConnection c);

        /** The final response arrived, or the connection failed after {@code 100 Continue}. */
        void finished(PutConnection c);

        /** The channel's writability changed (back-pressure). */
        void writabilityChanged(PutConnection c);
    }

    private static final int MAX_ERROR_BODY = 4096;

    private final Listener listener;
    private final Duration nodeTimeout;
    /** The request head, kept until the node answers anything so that a reused channel can be retried. */
    private @Nullable HttpRequest request;
    /** The end of the body was written: the node has the whole request. */
    private boolean lastWritten;
    /** The final response allows the channel to carry another request. */
    private boolean keepAlive;

    private @Nullable ScheduledFuture<?> timer;
    private @Nullable ScheduledFuture<?> stallTimer;
    private boolean continued;
    /** A flush of the body chunks written is queued on the event loop. */
    private boolean flushQueued;
    /** The node's {@code 100 Continue} took the offer of the body's digest in trailers. */
    private boolean digestAccepted;

    private boolean ended;
    private boolean headAnswered;
    private boolean finished;
    private boolean failed;
    private int status;
    private HttpHeaders responseHeaders = EmptyHttpHeaders.INSTANCE;
    private final StringBuilder body = new StringBuilder();

    public PutConnection(Device node, Listener listener, Duration nodeTimeout) {
        super(node);
        this.listener = listener;
        this.nodeTimeout = nodeTimeout;
    }

    /**
     * Sends {@code PUT path} with {@code headers} (which carry Content-Length or chunked) on an idle keep-alive
     * channel to the node, or on a new one.
     */
    public void start(BackendConnector connector, EventLoop loop, String path, HttpHeaders headers) {
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT, path);
        head.headers().set(headers);
        head.headers().set("Expect", "100-continue");
        addressToNode(head);
        this.request = head;
        open(connector, loop);
    }

    /** Sends the head; the node has {@code node_timeout} to answer it (100 Continue or a final status). */
    @Override
    void send(Channel ch) {
        HttpRequest head = request;
        if (finished || head == null || ch != channel()) {
            return; // aborted while connecting
        }
        cancelTimer();
        timer = ch.eventLoop().schedule(this::timeout, nodeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        ch.writeAndFlush(head).addListener(w -> {
            if (!w.isSuccess()) {
                failOrRetry(ch);
            }
        });
    }

    @Override
    boolean retryable() {
        return !finished && request != null;
    }

    @Override
    void beforeRetry() {
        cancelTimer();
    }

    @Override
    boolean over() {
        return finished;
    }

    /** Whether the node said {@code 100 Continue} and has not failed since: it takes the body. */
    public boolean streaming() {
        return continued && !failed && !finished;
    }

    /** Whether the connection failed (connect error, timeout, reset); its node deserves an error count. */
    public boolean failed() {
        return failed;
    }

    /** The final status (0 while unknown). */
    public int status() {
        return status;
    }

    public HttpHeaders responseHeaders() {
        return responseHeaders;
    }

    /** The start of the final response's body (for error messages). */
    public String responseBody() {
        return body.toString();
    }

    public boolean isWritable() {
        Channel c = channel();
        return c == null || !streaming() || c.isWritable();
    }

    /**
     * Sends one body slice. Ownership of {@code slice} passes here: the channel releases it once written
     * (or on failure); it is released at once if this replica no longer streams.
     */
    public void write(ByteBuf slice) {
        Channel c = channel();
        if (c == null || !streaming()) {
            slice.release();
            return;
        }
        c.write(new DefaultHttpContent(slice)).addListener(w -> {
            if (!w.isSuccess()) {
                fail();
            } else if (ended) {
                restartResponseTimer(c);
            } else if (stallTimer != null) {
                // Progress: the node took a chunk, so the stall clock restarts (Swift times each send).
                stallTimer.cancel(false);
                stallTimer = null;
                armStall(c);
            }
        });
        if (!flushQueued) {
            // One flush for every chunk the client's reads hand over in this turn of the event loop, not one per
            // chunk: a writev of many chunks instead of many writes, and fewer wake-ups of the node.
            flushQueued = true;
            c.eventLoop().execute(() -> {
                flushQueued = false;
                c.flush();
            });
        }
    }

    /**
     * Whether the node's {@code 100 Continue} took {@link CairnBackendHeaders#BODY_DIGEST_OFFER}: it expects the
     * body's digest in the trailers that {@link #end(HttpHeaders)} sends.
     */
    public boolean digestAccepted() {
        return digestAccepted;
    }

    /**
     * Ends the body (a chunked one with {@code trailers} if the node accepted the digest offer, {@link
     * #digestAccepted}; else with none) and starts waiting for the final response.
     */
    public void end(HttpHeaders trailers) {
        Channel c = channel();
        if (c == null || !streaming()) {
            return;
        }
        LastHttpContent last = LastHttpContent.EMPTY_LAST_CONTENT;
        if (digestAccepted && !trailers.isEmpty()) {
            last = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER, new DefaultHttpHeaders().set(trailers));
        }
        // From here the node has node_timeout after each bit of progress (a chunk or the end taken by the
        // socket) to answer: a node that stops taking bytes or never answers is failed, never waited on.
        ended = true;
        restartResponseTimer(c);
        c.writeAndFlush(last).addListener(w -> {
            if (!w.isSuccess()) {
                fail();
            } else {
                lastWritten = true;
                restartResponseTimer(c);
            }
        });
    }

    private void restartResponseTimer(Channel c) {
        if (finished) {
            return;
        }
        cancelTimer();
        timer = c.eventLoop().schedule(this::timeout, nodeTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Closes the connection (the client went away or the PUT failed); nothing is reported. */
    public void abort() {
        finished = true;
        request = null;
        cancelTimer();
        closeChannel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (ctx.channel() != channel()) {
                return;
            }
            if (msg instanceof HttpResponse r) {
                request = null; // the node answered: no retry from here on
                onResponseHead(r);
            }
            if (msg instanceof HttpContent content && status != 0 && body.length() < MAX_ERROR_BODY) {
                body.append(content.content().toString(StandardCharsets.UTF_8));
            }
            if (msg instanceof LastHttpContent && status != 0 && !finished) {
                finished = true;
                cancelTimer();
                // back to the idle channels only after a clean exchange on both sides
                finishChannel(ctx.channel(), continued && lastWritten && keepAlive);
                if (!headAnswered) {
                    headAnswered = true;
                    listener.headAnswered(this);
                } else {
                    listener.finished(this);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onResponseHead(HttpResponse r) {
        int code = r.status().code();
        if (code == 100) {
            if (!continued && !headAnswered) {
                continued = true;
                digestAccepted = CairnBackendHeaders.BODY_DIGEST_CRC32C.equals(
                        r.headers().get(CairnBackendHeaders.BODY_DIGEST_ACCEPTED));
                headAnswered = true;
                cancelTimer();
                listener.headAnswered(this);
            }
            return;
        }
        status = code;
        responseHeaders = r.headers();
        keepAlive = HttpUtil.isKeepAlive(r);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel() != channel()) {
            ctx.fireChannelWritabilityChanged();
            return;
        }
        if (!ctx.channel().isWritable() && streaming()) {
            if (stallTimer == null) {
                armStall(ctx.channel());
            }
        } else if (stallTimer != null) {
            stallTimer.cancel(false);
            stallTimer = null;
        }
        listener.writabilityChanged(this);
        ctx.fireChannelWritabilityChanged();
    }

    /** Fails the replica if it stays unwritable without taking a chunk for {@code node_timeout}. */
    private void armStall(Channel c) {
        if (c.isWritable() || !streaming()) {
            return;
        }
        stallTimer = c.eventLoop()
                .schedule(
                        () -> {
                            stallTimer = null;
                            if (!c.isWritable()) {
                                fail();
                            }
                        },
                        nodeTimeout.toNanos(),
                        TimeUnit.NANOSECONDS);
    }

    private void timeout() {
        timer = null;
        if (!finished) {
            fail();
        }
    }

    @Override
    void fail() {
        if (finished) {
            return;
        }
        finished = true;
        failed = true;
        request = null;
        cancelTimer();
        closeChannel();
        if (!headAnswered) {
            headAnswered = true;
            listener.headAnswered(this);
        } else {
            listener.finished(this);
        }
    }

    private void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
            timer = null;
        }
        ScheduledFuture<?> s = stallTimer;
        if (s != null) {
            s.cancel(false);
            stallTimer = null;
        }
    }
}
