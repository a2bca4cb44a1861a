package io.cairn.proxy.backend;

import io.cairn.common.http.Transport;
import io.cairn.ring.Device;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Opens raw HTTP/1.1 client channels to storage nodes on a given event loop (the client's), with {@code
 * conn_timeout} as the connect timeout. GET/HEAD sources and object PUT replicas return their keep-alive
 * connection when the exchange completed cleanly, and later sources or replicas to the same node on the same
 * event loop reuse it ({@link #takeIdle}/{@link #offerIdle}) instead of connecting (Swift opens one
 * connection per PUT replica; reusing it saves the connect, the accept and the pipeline set-up on both ends).
 *
 * <p>Thread-safe (the idle channels are per event loop).
 */
public final class BackendConnector {
    private final Transport transport;
    private final int connectTimeoutMillis;
    private final IdleBackendChannels idle = new IdleBackendChannels(MAX_IDLE_PER_NODE, MAX_IDLE_NANOS);

    /**
     * Response bodies in chunks of up to 64 KiB, as the client side and the storage servers read them: the codec's
     * default of 8 KiB cut each socket read of a large GET into eight messages, each one its own trip through both
     * pipelines and its own write towards the client.
     */
    private static final int RESPONSE_CHUNK_BYTES = 64 * 1024;

    /** Idle keep-alive backend channels kept per node and event loop. */
    private static final int MAX_IDLE_PER_NODE = 32;

    /** Reuse window of an idle channel: far below the storage servers' client_timeout (60 s). */
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);

    public BackendConnector(Transport transport, Duration connTimeout) {
        this.transport = transport;
        this.connectTimeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, connTimeout.toMillis()));
    }

    /** Connects to {@code node}; {@code handler} follows the HTTP client codec in the pipeline. */
    public ChannelFuture connect(EventLoop loop, Device node, ChannelHandler handler) {
        Bootstrap b = new Bootstrap()
                .group(loop)
                .channel(transport.channelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(
                                        "codec",
                                        new HttpClientCodec(
                                                new HttpDecoderConfig().setMaxChunkSize(RESPONSE_CHUNK_BYTES),
                                                false,
                                                false))
                                .addLast(IdleBackendChannels.HANDLER, handler);
                    }
                });
        return b.connect(node.ip(), node.port());
    }

    /** A live idle keep-alive channel to {@code node} on the calling event loop, or null. */
    @Nullable
    Channel takeIdle(Device node) {
        return idle.take(IdleBackendChannels.key(node.ip(), node.port()));
    }

    /** Keeps a channel whose keep-alive exchange with {@code node} finished, for the next source or replica. */
    void offerIdle(Device node, Channel ch) {
        idle.offer(IdleBackendChannels.key(node.ip(), node.port()), ch);
    }
}
