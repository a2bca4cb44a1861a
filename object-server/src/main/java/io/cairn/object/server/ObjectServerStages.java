package io.cairn.object.server;

import io.cairn.common.server.ServerStages;
import io.cairn.object.http.ExpectContinueHandler;
import io.cairn.object.http.ObjectApi;
import io.cairn.object.http.ObjectRequestHandler;
import io.netty.channel.ChannelPipeline;

/**
 * The object server's own pipeline stages, after the scaffold's shared ones ({@code
 * io.cairn.common.server.StorageServerInitializer}: codec, idle, access-log, keep-alive, recon). Bodies are never
 * aggregated: PUT bodies stream as {@code HttpContent} to the device executor. The request handler answers the
 * {@code idle} stage's event itself (a PUT in progress answers 408 before the connection closes).
 *
 * <p>Thread-safe: one instance adds fresh handlers to every accepted channel.
 */
final class ObjectServerStages implements ServerStages {
    private final ObjectApi api;

    ObjectServerStages(ObjectApi api) {
        this.api = api;
    }

    @Override
    public void addTo(ChannelPipeline p) {
        // Expect: 100-continue answered only when the operation wants the body (so 409/412/507 come first)
        p.addLast("expect-continue", new ExpectContinueHandler());
        // routing to one operation per verb; disk work leaves the event loop for the device executors
        p.addLast("dispatch", new ObjectRequestHandler(api));
    }
}
