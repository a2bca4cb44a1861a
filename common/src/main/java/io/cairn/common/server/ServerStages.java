package io.cairn.common.server;

import io.netty.channel.ChannelPipeline;

/**
 * The stages one storage server adds to each connection's pipeline after the shared ones ({@link
 * StorageServerInitializer}): its request handler and whatever must come before it (Expect: 100-continue, the
 * DB-file transfer, a bounded aggregator). Each stage is added by name, with a one-line comment, as STYLE habit 1
 * asks.
 *
 * <p>Called on the channel's event loop for every accepted channel; an implementation creates fresh handlers
 * unless they are {@code @Sharable}.
 */
@FunctionalInterface
public interface ServerStages {
    /** Adds this server's stages to the end of {@code pipeline}. */
    void addTo(ChannelPipeline pipeline);
}
