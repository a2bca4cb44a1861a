package io.cairn.proxy.versioning;

import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * A client PUT that a versioning step must precede (the current object copied away first): the client's body
 * waits (the channel paused, chunks already read held in order) until {@link #sendBodyTo} names the operation
 * that takes it; or the PUT is refused before its body was read ({@link #refuse}), the body then dropped as it
 * comes and the answer sent after it.
 *
 * <p>Confined to the exchange's event loop.
 */
abstract class HeldBodyPut extends FilterOperation {
    private final ContainerInfo info;
    private final ArrayDeque<HttpContent> early = new ArrayDeque<>();
    private @Nullable Operation body;
    private @Nullable FullHttpResponse refusal;
    private boolean lastSeen;

    HeldBodyPut(Exchange exchange, ContainerInfo info) {
        super(exchange);
        this.info = info;
    }

    @Override
    public final void start() {
        if (!exchange.isSubrequest() && !exchange.requestComplete()) {
            exchange.channel().config().setAutoRead(false);
        }
        FullHttpResponse denied = exchange.denialFor("PUT", info);
        if (denied != null) {
            refuse(denied);
            return;
        }
        begin();
    }

    /** The PUT is allowed: runs the step before its body is taken. */
    abstract void begin();

    /** The operation that takes the client's body (tracked); null when none was made (the held body is dropped). */
    final void sendBodyTo(@Nullable Operation op) {
        body = track(op);
        if (op == null) {
            releaseEarly();
            return;
        }
        op.start();
        while (!early.isEmpty() && !closed) {
            deliver(op, early.poll());
        }
    }

    /** Hands one chunk of the client's body to the operation taking it. */
    void deliver(Operation op, HttpContent content) {
        op.content(content);
    }

    /** The operation taking the client's body, once there is one. */
    final @Nullable Operation bodyOperation() {
        return body;
    }

    /** An answer before the body was read: the body is dropped as it comes, then the answer goes. */
    final void refuse(FullHttpResponse r) {
        releaseEarly();
        if (exchange.requestComplete() || exchange.isSubrequest() || lastSeen) {
            reply(r);
            return;
        }
        refusal = r;
        exchange.channel().config().setAutoRead(true);
        exchange.channel().read();
    }

    @Override
    public final void content(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        lastSeen |= last;
        FullHttpResponse r = refusal;
        if (r != null) {
            content.release();
            if (last) {
                refusal = null;
                reply(r);
            }
            return;
        }
        Operation op = body;
        if (op != null) {
            deliver(op, content);
        } else {
            early.add(content);
        }
    }

    private void releaseEarly() {
        while (!early.isEmpty()) {
            early.poll().release();
        }
    }

    @Override
    public final void clientClosed() {
        super.clientClosed();
        releaseEarly();
        FullHttpResponse r = refusal;
        refusal = null;
        if (r != null) {
            r.release();
        }
    }
}
