package io.cairn.common.http;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * The body of a request a pipeline stage answered itself: the request is released, and so is each chunk of its
 * body as it arrives, until the last, so none reaches the stages after it. One instance per channel, kept by the
 * stage (requests on a connection come one after the other).
 *
 * <p>Confined to the channel's event loop.
 */
public final class AnsweredBody {
    private boolean dropping;

    /** The stage answers {@code request}: releases it and drops its body's chunks from now on. */
    public void answered(HttpRequest request) {
        dropping = !(request instanceof LastHttpContent);
        ReferenceCountUtil.release(request);
    }

    /**
     * Whether {@code msg} is a chunk of an answered request's body; if so it was released and the stage must not
     * pass it on.
     */
    public boolean drop(Object msg) {
        if (!dropping || !(msg instanceof HttpContent) || msg instanceof HttpRequest) {
            return false;
        }
        dropping = !(msg instanceof LastHttpContent);
        ReferenceCountUtil.release(msg);
        return true;
    }

    /** Whether chunks of an answered request's body are still to come. */
    public boolean pending() {
        return dropping;
    }

    /** Forgets an answered body (a new request begins). */
    public void reset() {
        dropping = false;
    }
}
