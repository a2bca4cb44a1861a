package io.cairn.proxy.swift;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.jspecify.annotations.Nullable;

/**
 * Requests the proxy makes to its own Swift API (Swift's {@code make_subrequest}; DESIGN.md §10): a new
 * {@link Exchange} on the parent's event loop, with its own headers, the parent's {@code X-Timestamp}
 * and transaction id, answered into a {@link ResponseSink} of the caller's instead of the client's
 * channel. It goes through the same controllers and operations as a client request — authorization
 * included, with the headers given (so a copy's source is read as the copying user).
 *
 * <p>Thread-safety: call on the parent's event loop.
 */
final class Subrequests {
    private Subrequests() {}

    /**
     * Starts {@code method} on {@code path} with {@code headers} (taken over; the subrequest has no body);
     * the answer streams into {@code sink}. The returned operation is told {@link
     * Operation#clientWritabilityChanged} when the sink may take more and {@link Operation#clientClosed}
     * when its answer is no longer wanted; null when the answer was complete at once (e.g. a 405).
     */
    static @Nullable Operation stream(
            Exchange parent, HttpMethod method, SwiftPath path, HttpHeaders headers, ResponseSink sink) {
        headers.set("X-Trans-Id", parent.transId());
        // a subrequest carries no body of its own
        headers.remove("Content-Length");
        headers.remove("Transfer-Encoding");
        headers.remove("Expect");
        HttpRequest request =
                new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, path.clientPath() + path.queryPart(), headers);
        Exchange child =
                new Exchange(parent.channel(), request, path, parent.timestamp(), parent.services(), sink, true);
        child.markRequestComplete();
        Operation op = Controllers.operationFor(child);
        if (op != null) {
            op.start();
        }
        return op;
    }
}
