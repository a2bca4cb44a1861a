package io.cairn.proxy.swift;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Where an operation's answer goes (DESIGN.md §10): the client's channel ({@link ClientSink}) or the
 * consumer of a subrequest ({@link Subrequests}). An operation writes either one complete response, or a
 * head, body chunks and an end; ownership of every message passes to the sink. While {@link #isWritable}
 * is false the operation stops reading its source; the sink's owner calls the operation's {@link
 * Operation#clientWritabilityChanged} when it may go on.
 *
 * <p>Confined to the client channel's event loop.
 */
public interface ResponseSink {
    /** A complete answer. */
    void respond(FullHttpResponse response);

    /** The head of a streamed answer; the body follows. */
    void startResponse(HttpResponse head);

    /** One body chunk of a streamed answer. */
    void writeBody(HttpContent content);

    /** The end of a streamed answer. */
    void endResponse(LastHttpContent last);

    /** The answer cannot be completed (a source broke mid-body): the receiver must not take it as whole. */
    void abort();

    /** Whether the sink takes more body now (back-pressure). */
    boolean isWritable();
}
