package io.cairn.proxy.backend;

import io.cairn.common.http.Transport;
import io.cairn.ring.Device;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import java.time.Duration;

/**
 * Opens raw HTTP/1.1 client channels to storage nodes on a given event loop (the client's), with {@code
 * conn_timeout} as the connect timeout and Swift's {@code Connection: close} per request.
 *
 * <p>Thread-safe (immutable).
 */
public final class BackendConnector {
    private final Transport transport;
    private final int connectTimeoutMillis;

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
                        ch.pipeline().addLast("codec", new HttpClientCodec()).addLast("handler", handler);
                    }
                });
        return b.connect(node.ip(), node.port());
    }
}
