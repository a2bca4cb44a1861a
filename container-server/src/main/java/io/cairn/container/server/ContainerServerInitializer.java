package io.cairn.container.server;

import io.cairn.common.daemon.ReconDocuments;
import io.cairn.common.daemon.ReconHandler;
import io.cairn.common.db.DbFileTransferHandler;
import io.cairn.common.http.AccessLogHandler;
import io.cairn.common.http.HeaderLimits;
import io.cairn.container.http.ContainerContext;
import io.cairn.container.http.ContainerRequestHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The container server's pipeline, one stage per concern:
 * {@code codec → access-log → idle → idle-close → db-transfer → [recon] → aggregator → container}.
 *
 * <p>Thread-safe: {@link #initChannel} builds fresh per-channel handlers.
 */
public final class ContainerServerInitializer extends ChannelInitializer<Channel> {
    /** Swift's eventlet limit on a request line ({@code MAX_REQUEST_LINE}). */
    static final int MAX_INITIAL_LINE = 8192;
    /** Header block bound: Swift's per-header 8192 times a generous count. */
    static final int MAX_HEADER_BYTES = HeaderLimits.headerBlockBytes(8192);

    private static final IdleCloseHandler IDLE_CLOSE = new IdleCloseHandler();

    private final ContainerContext context;
    private final Duration clientTimeout;
    private final int maxRequestBytes;
    private final Consumer<String> accessLog;
    private final @Nullable ReconDocuments recon;
    private final @Nullable Executor reconExecutor;

    public ContainerServerInitializer(
            ContainerContext context, Duration clientTimeout, int maxRequestBytes, Consumer<String> accessLog) {
        this(context, clientTimeout, maxRequestBytes, accessLog, null, null);
    }

    /**
     * @param recon the {@code /recon/} documents to serve, or null for none
     * @param reconExecutor where recon documents are built (off the event loop); non-null with {@code recon}
     */
    public ContainerServerInitializer(
            ContainerContext context,
            Duration clientTimeout,
            int maxRequestBytes,
            Consumer<String> accessLog,
            @Nullable ReconDocuments recon,
            @Nullable Executor reconExecutor) {
        if ((recon == null) != (reconExecutor == null)) {
            throw new IllegalArgumentException("recon documents and their executor come together");
        }
        this.context = context;
        this.clientTimeout = clientTimeout;
        this.maxRequestBytes = maxRequestBytes;
        this.accessLog = accessLog;
        this.recon = recon;
        this.reconExecutor = reconExecutor;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        // HTTP/1.1 framing with bounded request line and header block (oversized → 400 from the decoder)
        p.addLast("codec", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192));
        // one Swift-style access log line per request, including those answered by later stages
        p.addLast("access-log", new AccessLogHandler("container-server", accessLog, System::nanoTime));
        // no traffic for client_timeout: the connection is cut (a stuck client must not pin a socket)
        p.addLast("idle", new IdleStateHandler(0, 0, clientTimeout.toMillis(), TimeUnit.MILLISECONDS));
        p.addLast("idle-close", IDLE_CLOSE);
        // REPLICATE /dev/part/hash/<name>: a whole DB file streamed into <dev>/tmp (replicator/README.md)
        p.addLast(
                "db-transfer",
                new DbFileTransferHandler(
                        context.devices(),
                        context.executors(),
                        context.settings().replicationServer()));
        // Swift's recon middleware: /recon/* answered from the node's ReconRegistry, before any aggregation
        if (recon != null && reconExecutor != null) {
            p.addLast("recon", new ReconHandler(recon, reconExecutor));
        }
        // container requests carry tiny bodies (REPLICATE the largest): aggregate under an explicit bound
        p.addLast("aggregator", new HttpObjectAggregator(maxRequestBytes));
        // the container protocol: one operation per verb, SQLite on the device executors
        p.addLast("container", new ContainerRequestHandler(context, clientTimeout));
    }
}
