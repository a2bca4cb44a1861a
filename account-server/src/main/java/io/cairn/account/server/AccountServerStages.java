package io.cairn.account.server;

import io.cairn.account.http.AccountRequestHandler;
import io.cairn.common.db.DbFileTransferHandler;
import io.cairn.common.io.DeviceExecutors;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.server.ServerStages;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * The account server's own pipeline stages, after the scaffold's shared ones ({@code
 * io.cairn.common.server.StorageServerInitializer}: codec, idle, access-log, keep-alive, recon):
 * {@code db-transfer → aggregator → account}.
 *
 * <p>Thread-safe: one instance adds fresh handlers (and the sharable request handler) to every accepted channel.
 */
final class AccountServerStages implements ServerStages {
    private final AccountRequestHandler handler;
    private final DeviceRoot root;
    private final DeviceExecutors executors;
    private final int maxRequestBytes;

    /** @param maxRequestBytes {@code max_request_bytes}: the aggregator's bound */
    AccountServerStages(
            AccountRequestHandler handler, DeviceRoot root, DeviceExecutors executors, int maxRequestBytes) {
        this.handler = handler;
        this.root = root;
        this.executors = executors;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void addTo(ChannelPipeline p) {
        // REPLICATE /dev/part/hash/<name>: a whole DB file streamed into <dev>/tmp (replicator/README.md)
        p.addLast("db-transfer", new DbFileTransferHandler(root, executors, true));
        // account requests are small control-plane messages: aggregate under an explicit bound
        p.addLast("aggregator", new HttpObjectAggregator(maxRequestBytes));
        // the account protocol: one operation per verb, SQLite on the device executors
        p.addLast("account", handler);
    }
}
