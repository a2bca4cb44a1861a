package io.cairn.common.http;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The Netty transport in use: native epoll when the platform has it (Linux), NIO otherwise.
 *
 * <p>Immutable and thread-safe. Chosen once at startup and passed to every server and client so a
 * process never mixes transports.
 */
public final class Transport {
    private final boolean nativeEpoll;

    private Transport(boolean nativeEpoll) {
        this.nativeEpoll = nativeEpoll;
    }

    /** Native epoll if {@code preferNative} and it loads on this platform, else NIO. */
    public static Transport select(boolean preferNative) {
        return new Transport(preferNative && Epoll.isAvailable());
    }

    /** Whether this is the native epoll transport. */
    public boolean isNative() {
        return nativeEpoll;
    }

    /** A new event loop group of {@code threads} threads (0 = Netty's default) named {@code name-N}. */
    public EventLoopGroup newEventLoopGroup(int threads, String name) {
        IoHandlerFactory factory = nativeEpoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), factory);
    }

    /** The server socket channel class matching {@link #newEventLoopGroup}. */
    public Class<? extends ServerChannel> serverChannelClass() {
        return nativeEpoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** The client socket channel class matching {@link #newEventLoopGroup}. */
    public Class<? extends Channel> channelClass() {
        return nativeEpoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    @Override
    public String toString() {
        return nativeEpoll ? "epoll" : "nio";
    }
}
