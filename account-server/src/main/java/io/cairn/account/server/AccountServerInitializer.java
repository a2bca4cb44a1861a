package io.cairn.account.server;

import io.cairn.account.http.AccountRequestHandler;
import io.cairn.common.daemon.ReconDocuments;
import io.cairn.common.daemon.ReconHandler;
import io.cairn.common.db.DbFileTransferHandler;
import io.cairn.common.http.HeaderLimits;
import io.cairn.common.io.DeviceExecutors;
import io.cairn.common.io.DeviceRoot;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/** The account server's pipeline. Thread-safe (stateless apart from the sharable handler). */
final class AccountServerInitializer extends ChannelInitializer<Channel> {
    /** REPLICATE merge_items batches (1000 rows) are the largest bodies; 64 MiB is far above them. */
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final AccountRequestHandler handler;
    private final DeviceRoot root;
    private final DeviceExecutors executors;
    private final @Nullable ReconDocuments recon;
    private final @Nullable Executor reconExecutor;

    AccountServerInitializer(
            AccountRequestHandler handler,
            DeviceRoot root,
            DeviceExecutors executors,
            @Nullable ReconDocuments recon,
            @Nullable Executor reconExecutor) {
        this.handler = handler;
        this.root = root;
        this.executors = executors;
        this.recon = recon;
        this.reconExecutor = reconExecutor;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline()
                // HTTP/1.1 framing
                .addLast("codec", new HttpServerCodec(8192, HeaderLimits.headerBlockBytes(8192), 8192))
                // keep-alive / Connection: close bookkeeping
                .addLast("keepalive", new HttpServerKeepAliveHandler());
        // Swift's recon middleware: /recon/* answered from the node's ReconRegistry
        if (recon != null && reconExecutor != null) {
            ch.pipeline().addLast("recon", new ReconHandler(recon, reconExecutor));
        }
        ch.pipeline()
                // REPLICATE /dev/part/hash/<name>: a whole DB file streamed into <dev>/tmp (replicator/README.md)
                .addLast("db-transfer", new DbFileTransferHandler(root, executors, true))
                // account requests are small control-plane messages: aggregate with a limit
                .addLast("aggregator", new HttpObjectAggregator(MAX_BODY))
                // the account protocol, run on the device executors
                .addLast("account", handler);
    }
}
