package io.cairn.proxy.swift;

import io.netty.handler.codec.http.HttpContent;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * An operation that holds the request while it decides which operation serves it (after a lookup): body chunks
 * that arrive meanwhile wait here in order, and go to the decided operation once it has started; the client's
 * events go to it from then on.
 *
 * <p>Confined to the exchange's event loop.
 */
public abstract class HoldingOperation implements Operation {
    private final ArrayDeque<HttpContent> early = new ArrayDeque<>();
    private @Nullable Operation decided;
    private boolean closed;

    /** Whether the client went away. */
    protected final boolean closed() {
        return closed;
    }

    /**
     * Serves the request with {@code op}: starts it and hands it the chunks held so far; null when the decision
     * answered the request itself (the held chunks are dropped).
     */
    protected final void serveWith(@Nullable Operation op) {
        decided = op;
        if (op == null) {
            releaseEarly();
            return;
        }
        op.start();
        while (!early.isEmpty() && !closed) {
            op.content(early.poll());
        }
    }

    /** Drops the chunks held so far. */
    protected final void releaseEarly() {
        while (!early.isEmpty()) {
            early.poll().release();
        }
    }

    @Override
    public final void content(HttpContent content) {
        Operation op = decided;
        if (op != null) {
            op.content(content);
        } else if (closed) {
            content.release();
        } else {
            early.add(content);
        }
    }

    @Override
    public final void clientClosed() {
        closed = true;
        releaseEarly();
        Operation op = decided;
        if (op != null) {
            op.clientClosed();
        }
    }

    @Override
    public final void clientWritabilityChanged() {
        Operation op = decided;
        if (op != null) {
            op.clientWritabilityChanged();
        }
    }
}
