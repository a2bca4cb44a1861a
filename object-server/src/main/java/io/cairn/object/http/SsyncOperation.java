package io.cairn.object.http;

import io.cairn.object.ssync.SsyncOutput;
import io.cairn.object.ssync.SsyncReceiver;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * SSYNC {@code /<dev>/<part>}: Swift's {@code ObjectController.SSYNC}. Checks the path (400) and the
 * device (507, on its executor) first, then answers {@code 200} with {@code X-Backend-Accept-No-Commit:
 * True} and a chunked body, and runs the {@link SsyncReceiver} session on a replication thread: the
 * request body reaches it through an {@link SsyncBodyPipe} (back-pressure by {@code autoRead}), each
 * piece it writes is one response chunk. A session that ends normally ends the body; one that failed
 * closes the connection, as Swift's receiver hangs up.
 *
 * <p>Confined to the channel's event loop, except the session, which runs on a replication thread and
 * writes to the channel (Netty hands writes to the event loop).
 */
final class SsyncOperation extends ObjectOperation {
    private static final System.Logger LOG = System.getLogger(SsyncOperation.class.getName());

    private @Nullable SsyncBodyPipe pipe;

    SsyncOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    void start() throws RequestRejectedException {
        ObjectRequestPath p = exchange.path();
        if (!p.account().isEmpty()) {
            throw new RequestRejectedException(
                    SwiftStatus.BAD_REQUEST,
                    "Invalid path: " + exchange.request().uri());
        }
        int partition = Integer.parseInt(p.partition());
        String frag = header("X-Backend-Ssync-Frag-Index");
        if (frag != null && !frag.isEmpty()) {
            try {
                Integer.parseInt(frag.strip());
            } catch (NumberFormatException e) {
                throw new RequestRejectedException(
                        SwiftStatus.BAD_REQUEST, "Invalid X-Backend-Ssync-Frag-Index '" + frag + "'");
            }
        }
        Duration timeout = exchange.api().ssync().settings().clientTimeout();
        SsyncBodyPipe bodyPipe = new SsyncBodyPipe(exchange.ctx(), timeout);
        pipe = bodyPipe;
        // the device check touches the disk: on the device's executor, like every other verb
        exchange.onDevice(
                () -> exchange.api().diskFiles().yieldHashes(p.device(), partition, exchange.policyIndex(), List.of()),
                (ok, failure) -> {
                    if (failure != null) {
                        bodyPipe.close();
                        exchange.fail(failure);
                        return;
                    }
                    begin(p.device(), partition, bodyPipe);
                });
    }

    private void begin(String device, int partition, SsyncBodyPipe bodyPipe) {
        if (exchange.isDone()) {
            bodyPipe.close();
            return;
        }
        // a 100 owed to an Expect: 100-continue goes first, so the 200 keeps the connection open
        exchange.ctx().write(ExpectContinueHandler.CONTINUE);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8")
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                .set("X-Backend-Accept-No-Commit", "True");
        exchange.ctx().writeAndFlush(head);
        SsyncReceiver receiver = exchange.api().ssync();
        Duration writeTimeout = receiver.settings().clientTimeout();
        SsyncOutput out = bytes -> {
            ChannelFuture f = exchange.ctx().writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)));
            if (!f.awaitUninterruptibly(writeTimeout.toMillis()) || !f.isSuccess()) {
                throw new IOException("ssync response write failed", f.cause());
            }
        };
        int policy = exchange.policyIndex();
        try {
            exchange.api().ssyncThreads().execute(() -> run(receiver, device, partition, policy, bodyPipe, out));
        } catch (RejectedExecutionException e) {
            bodyPipe.close();
            exchange.ctx().close();
        }
    }

    /** Replication thread: the session, then the end of the response (or a hang-up). */
    private void run(
            SsyncReceiver receiver, String device, int partition, int policy, SsyncBodyPipe bodyPipe, SsyncOutput out) {
        boolean clean = false;
        try {
            clean = receiver.receive(device, partition, policy, bodyPipe, out);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "ssync session " + device + "/" + partition + " ended: " + e);
        } finally {
            bodyPipe.close();
        }
        boolean ok = clean;
        exchange.ctx().executor().execute(() -> finish(ok));
    }

    private void finish(boolean clean) {
        if (exchange.isDone()) {
            return;
        }
        ChannelFuture last = exchange.ctx().writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (!clean) {
            // Swift shuts the socket down so the sender stops sending at once
            last.addListener(ChannelFutureListener.CLOSE);
        }
        exchange.streamed(last);
    }

    @Override
    void content(HttpContent content) {
        SsyncBodyPipe p = pipe;
        boolean last = content instanceof LastHttpContent;
        if (content.decoderResult().isFailure()) {
            content.release();
            if (p != null) {
                p.fail("bad chunked body: " + content.decoderResult().cause());
            }
            return;
        }
        if (p == null) {
            content.release();
            return;
        }
        p.offer(content.content(), last);
    }

    @Override
    void closed() {
        SsyncBodyPipe p = pipe;
        if (p != null) {
            p.fail("client disconnected");
        }
    }

    @Override
    void idle() {
        // the session times the sender out itself (client_timeout on every read) and answers 408
    }
}
