package io.cairn.object.server;

import io.cairn.common.daemon.ReconDocuments;
import io.cairn.common.daemon.ReconHandler;
import io.cairn.common.http.AccessLogHandler;
import io.cairn.common.http.HeaderLimits;
import io.cairn.object.http.ExpectContinueHandler;
import io.cairn.object.http.ObjectApi;
import io.cairn.object.http.ObjectRequestHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The object server's pipeline, one stage per concern (STYLE habit 1). Bodies are never aggregated: PUT
 * bodies stream as {@code HttpContent} to the device executor.
 *
 * <p>Thread-safe: one instance initializes every accepted channel; each channel gets its own handlers.
 */
public final class ObjectServerInitializer extends ChannelInitializer<Channel> {
    /** Swift's request line limit (eventlet's {@code MAX_REQUEST_LINE}). */
    static final int MAX_INITIAL_LINE = 8192;
    /** Body chunks handed to the storage layer at most this large. */
    static final int MAX_CHUNK = 64 * 1024;

    private final ObjectApi api;
    private final int maxHeaderSize;
    private final Duration clientTimeout;
    private final Consumer<String> accessLog;
    private final @Nullable ReconDocuments recon;
    private final @Nullable Executor reconExecutor;

    /**
     * @param maxHeaderSize longest header line ({@code max_header_size}); the block may hold {@link HeaderLimits#MAX_HEADER_LINES} of them
     * @param clientTimeout {@code client_timeout}: no byte in either direction for this long closes the
     *     connection (a PUT in progress answers 408 first)
     * @param accessLog where access-log lines go (a no-op when {@code log_requests = false})
     */
    public ObjectServerInitializer(
            ObjectApi api, int maxHeaderSize, Duration clientTimeout, Consumer<String> accessLog) {
        this(api, maxHeaderSize, clientTimeout, accessLog, null, null);
    }

    /**
     * @param recon the {@code /recon/} documents to serve, or null for none
     * @param reconExecutor where recon documents are built (off the event loop); non-null with {@code recon}
     */
    public ObjectServerInitializer(
            ObjectApi api,
            int maxHeaderSize,
            Duration clientTimeout,
            Consumer<String> accessLog,
            @Nullable ReconDocuments recon,
            @Nullable Executor reconExecutor) {
        if ((recon == null) != (reconExecutor == null)) {
            throw new IllegalArgumentException("recon documents and their executor come together");
        }
        this.api = api;
        this.maxHeaderSize = maxHeaderSize;
        this.clientTimeout = clientTimeout;
        this.accessLog = accessLog;
        this.recon = recon;
        this.reconExecutor = reconExecutor;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        // HTTP/1.1 framing; request line and headers bounded as Swift bounds them, bodies in 64 KiB chunks
        p.addLast(
                "codec",
                new HttpServerCodec(MAX_INITIAL_LINE, HeaderLimits.headerBlockBytes(maxHeaderSize), MAX_CHUNK));
        // client_timeout: a connection with no traffic either way (slow, stuck or half-gone client) is let go;
        // output progress counts as traffic so a slow reader of a big GET is not cut off while it drains
        p.addLast("idle", new IdleStateHandler(true, 0, 0, clientTimeout.toNanos(), TimeUnit.NANOSECONDS));
        // one Swift-style line per request, including those answered by later stages' rejections
        p.addLast("access-log", new AccessLogHandler("object-server", accessLog, System::nanoTime));
        // Connection: keep-alive/close bookkeeping; closes after a response that says close
        p.addLast("keep-alive", new HttpServerKeepAliveHandler());
        // Expect: 100-continue answered only when the operation wants the body (so 409/412/507 come first)
        p.addLast("expect-continue", new ExpectContinueHandler());
        // Swift's recon middleware: /recon/* answered from the node's ReconRegistry
        if (recon != null && reconExecutor != null) {
            p.addLast("recon", new ReconHandler(recon, reconExecutor));
        }
        // routing to one operation per verb; disk work leaves the event loop for the device executors
        p.addLast("dispatch", new ObjectRequestHandler(api));
    }
}
