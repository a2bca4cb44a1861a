package io.cairn.container.server;

import io.cairn.common.db.DbFileTransferHandler;
import io.cairn.common.server.ServerStages;
import io.cairn.container.http.ContainerContext;
import io.cairn.container.http.ContainerRequestHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import java.time.Duration;

/**
 * The container server's own pipeline stages, after the scaffold's shared ones ({@code
 * io.cairn.common.server.StorageServerInitializer}: codec, idle, access-log, recon; no keep-alive stage, the
 * request handler closes after answering a request that asked to):
 * {@code db-transfer → aggregator → container}.
 *
 * <p>Thread-safe: one instance adds fresh handlers to every accepted channel.
 */
final class ContainerServerStages implements ServerStages {
    private final ContainerContext context;
    private final Duration clientTimeout;
    private final int maxRequestBytes;

    /**
     * @param clientTimeout {@code client_timeout}: how long a listing waits for a slow client to take a chunk
     * @param maxRequestBytes {@code max_request_bytes}: the aggregator's bound
     */
    ContainerServerStages(ContainerContext context, Duration clientTimeout, int maxRequestBytes) {
        this.context = context;
        this.clientTimeout = clientTimeout;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void addTo(ChannelPipeline p) {
        // REPLICATE /dev/part/hash/<name>: a whole DB file streamed into <dev>/tmp (replicator/README.md)
        p.addLast(
                "db-transfer",
                new DbFileTransferHandler(
                        context.devices(),
                        context.executors(),
                        context.settings().replicationServer()));
        // container requests carry tiny bodies (REPLICATE the largest): aggregate under an explicit bound
        p.addLast("aggregator", new HttpObjectAggregator(maxRequestBytes));
        // the container protocol: one operation per verb, SQLite on the device executors
        p.addLast("container", new ContainerRequestHandler(context, clientTimeout));
    }
}
