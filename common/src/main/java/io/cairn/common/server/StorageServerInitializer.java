package io.cairn.common.server;

import io.cairn.common.daemon.ReconDocuments;
import io.cairn.common.daemon.ReconHandler;
import io.cairn.common.http.AccessLogHandler;
import io.cairn.common.http.HeaderLimits;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A storage server's pipeline: the stages every storage server shares, one per concern (STYLE habit 1), around
 * the stages the server supplies:
 * {@code codec → idle → access-log → [keep-alive] → [recon] → <the server's stages> → idle-close}.
 *
 * <p>Thread-safe: one instance initializes every accepted channel; each channel gets its own handlers.
 */
public final class StorageServerInitializer extends ChannelInitializer<Channel> {
    /** Swift's request line limit (eventlet's {@code MAX_REQUEST_LINE}). */
    public static final int MAX_INITIAL_LINE = 8192;
    /** Body chunks handed on at most this large (Swift's {@code network_chunk_size}). */
    public static final int MAX_CHUNK = 64 * 1024;

    private final StorageServerSettings settings;
    private final Consumer<String> accessLog;
    private final boolean keepAliveStage;
    private final @Nullable ReconDocuments recon;
    private final @Nullable Executor reconExecutor;
    private final ServerStages stages;

    /**
     * @param accessLog where access-log lines go (a no-op when {@code log_requests = false})
     * @param keepAliveStage whether Netty's {@link HttpServerKeepAliveHandler} keeps the {@code Connection}
     *     bookkeeping (false: the server's request handler closes after answering a request that asked to)
     * @param recon the {@code /recon/} documents to serve, or null for none
     * @param reconExecutor where recon documents are built (off the event loop); non-null with {@code recon}
     * @param stages the server's own stages, added after the shared ones
     */
    public StorageServerInitializer(
            StorageServerSettings settings,
            Consumer<String> accessLog,
            boolean keepAliveStage,
            @Nullable ReconDocuments recon,
            @Nullable Executor reconExecutor,
            ServerStages stages) {
        if ((recon == null) != (reconExecutor == null)) {
            throw new IllegalArgumentException("recon documents and their executor come together");
        }
        this.settings = settings;
        this.accessLog = accessLog;
        this.keepAliveStage = keepAliveStage;
        this.recon = recon;
        this.reconExecutor = reconExecutor;
        this.stages = stages;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        // HTTP/1.1 framing; request line and headers bounded as Swift bounds them (oversized: 400 from the
        // decoder), bodies in 64 KiB chunks
        p.addLast(
                "codec",
                new HttpServerCodec(
                        MAX_INITIAL_LINE, HeaderLimits.headerBlockBytes(settings.maxHeaderSize()), MAX_CHUNK));
        // client_timeout: a connection with no traffic either way (slow, stuck or half-gone client) is let go;
        // output progress counts as traffic so a slow reader of a big GET or listing is not cut off while it
        // drains. The event travels on to the server's stages, then to idle-close.
        p.addLast(
                "idle",
                new IdleStateHandler(true, 0, 0, settings.clientTimeout().toNanos(), TimeUnit.NANOSECONDS));
        // one Swift-style line per request, including those answered by later stages' rejections
        p.addLast("access-log", new AccessLogHandler(settings.serverName(), accessLog, System::nanoTime));
        if (keepAliveStage) {
            // Connection: keep-alive/close bookkeeping; closes after a response that says close
            p.addLast("keep-alive", new HttpServerKeepAliveHandler());
        }
        if (recon != null && reconExecutor != null) {
            // Swift's recon middleware: /recon/* answered from the node's ReconRegistry, before any aggregation
            p.addLast("recon", new ReconHandler(recon, reconExecutor));
        }
        stages.addTo(p);
        // client_timeout ran out and no stage answered it: the connection is closed
        p.addLast("idle-close", IdleCloseHandler.INSTANCE);
    }
}
