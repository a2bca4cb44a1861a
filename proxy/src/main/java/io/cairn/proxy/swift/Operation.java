package io.cairn.proxy.swift;

import io.netty.handler.codec.http.HttpContent;

/**
 * One client request being served (Swift's controller method for one verb). The dispatcher starts it on
 * the request head, hands it each body chunk, and tells it when the client connection goes away or its
 * writability changes.
 *
 * <p>Confined to the client channel's event loop.
 */
public interface Operation {
    /** Starts serving (the head has arrived). */
    void start();

    /** A body chunk; the operation owns {@code content} and must release or pass it on. */
    void content(HttpContent content);

    /** The client channel closed before the operation finished: abort backends, release buffers. */
    void clientClosed();

    /** The client channel's writability changed (for response back-pressure). */
    default void clientWritabilityChanged() {}
}
