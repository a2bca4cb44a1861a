package io.cairn.common.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Binds one listening socket with a caller-supplied pipeline initializer and owns its lifecycle: the
 * shared part of every {@code XxxServer} (object, container, account, proxy).
 *
 * <p>Thread-safety: {@link #start} and {@link #close} are called by the owner thread; {@link #port} is
 * safe after {@code start} returned. Event loop groups passed in are not owned (a SAIO shares them between
 * servers) unless {@code ownsGroups} is set.
 */
public final class HttpServerHost implements AutoCloseable {
    private final Transport transport;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final boolean ownsGroups;
    private volatile @Nullable Channel serverChannel;
    private volatile int boundPort = -1;

    public HttpServerHost(
            Transport transport, EventLoopGroup bossGroup, EventLoopGroup workerGroup, boolean ownsGroups) {
        this.transport = transport;
        this.bossGroup = bossGroup;
        this.workerGroup = workerGroup;
        this.ownsGroups = ownsGroups;
    }

    /** A host with its own groups: one acceptor thread and {@code workerThreads} I/O threads (0 = default). */
    public static HttpServerHost withOwnGroups(Transport transport, int workerThreads, String name) {
        return new HttpServerHost(
                transport,
                transport.newEventLoopGroup(1, name + "-accept"),
                transport.newEventLoopGroup(workerThreads, name + "-io"),
                true);
    }

    /**
     * Binds {@code host:port} (port 0 picks a free port) and starts accepting connections.
     *
     * @throws InterruptedException if interrupted while binding
     * @throws RuntimeException (Netty's bind exception) if the bind fails, e.g. the port is in use
     */
    public void start(String host, int port, ChannelInitializer<Channel> initializer) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(transport.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(initializer);
        Channel channel = bootstrap.bind(host, port).sync().channel();
        serverChannel = channel;
        boundPort = ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** The bound port (useful after binding port 0); -1 before {@link #start}. */
    public int port() {
        return boundPort;
    }

    /** The worker group; servers may use it to schedule timeouts. */
    public EventLoopGroup workerGroup() {
        return workerGroup;
    }

    /** Stops accepting, closes the listening socket and, if owned, shuts the groups down (bounded wait). */
    @Override
    public void close() {
        Channel channel = serverChannel;
        if (channel != null) {
            channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (ownsGroups) {
            bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
