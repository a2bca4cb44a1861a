package io.cairn.common.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.AbstractChannelPoolMap;
import io.netty.channel.pool.ChannelPoolMap;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Pooled keep-alive HTTP/1.1 client for small backend requests between Cairn nodes (and to Swift
 * nodes): container and account updates, REPLICATE, HEAD. Responses are aggregated up to a bound.
 *
 * <p>Thread-safe. Each request takes a connection from the pool of its {@code host:port}, and returns it
 * when the response completed with keep-alive; a timed-out or failed connection is closed, never reused.
 */
public final class BackendClient implements AutoCloseable {
    private static final AttributeKey<InFlight> IN_FLIGHT = AttributeKey.valueOf("cairn.backend.inFlight");
    private static final AttributeKey<Boolean> USED = AttributeKey.valueOf("cairn.backend.used");

    private final ChannelPoolMap<InetSocketAddress, SimpleChannelPool> pools;
    private final AbstractChannelPoolMap<InetSocketAddress, SimpleChannelPool> poolMap;

    /**
     * @param maxResponseBytes larger responses fail the request (the connection is closed)
     * @param connectTimeout TCP connect timeout
     */
    public BackendClient(Transport transport, EventLoopGroup group, int maxResponseBytes, Duration connectTimeout) {
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.channelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        this.poolMap = new AbstractChannelPoolMap<>() {
            @Override
            protected SimpleChannelPool newPool(InetSocketAddress key) {
                return new SimpleChannelPool(bootstrap.clone().remoteAddress(key), new PoolHandler(maxResponseBytes));
            }
        };
        this.pools = poolMap;
    }

    /**
     * Sends {@code request}; the future completes with the response (any status), or exceptionally with
     * an {@link IOException} (connect/IO failure) or {@link TimeoutException} after {@code timeout}.
     */
    public CompletableFuture<BackendResponse> send(BackendRequest request, Duration timeout) {
        CompletableFuture<BackendResponse> result = new CompletableFuture<>();
        attempt(request, timeout, result, false);
        return result;
    }

    /**
     * One try on a pooled connection. A reused keep-alive connection can be closed by the node (its idle timeout)
     * just as a request goes out; that request is sent once more on a fresh connection, as Swift's proxy and
     * Cairn's PUT connections do. Requests here are idempotent (updates carry their timestamp).
     */
    private void attempt(
            BackendRequest request, Duration timeout, CompletableFuture<BackendResponse> result, boolean retried) {
        InetSocketAddress address = InetSocketAddress.createUnresolved(request.host(), request.port());
        SimpleChannelPool pool = pools.get(address);
        pool.acquire().addListener((Future<Channel> acquired) -> {
            if (!acquired.isSuccess()) {
                result.completeExceptionally(new IOException(
                        "cannot connect to " + request.host() + ":" + request.port() + ": " + acquired.cause(),
                        acquired.cause()));
                return;
            }
            Channel channel = acquired.getNow();
            boolean reused = channel.attr(USED).getAndSet(Boolean.TRUE) != null;
            if (!reused || retried) {
                dispatch(pool, channel, request, timeout, result);
                return;
            }
            CompletableFuture<BackendResponse> first = new CompletableFuture<>();
            first.whenComplete((response, failure) -> {
                if (failure instanceof ClosedBeforeResponse) {
                    attempt(request, timeout, result, true);
                } else if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(response);
                }
            });
            dispatch(pool, channel, request, timeout, first);
        });
    }

    private static void dispatch(
            SimpleChannelPool pool,
            Channel channel,
            BackendRequest request,
            Duration timeout,
            CompletableFuture<BackendResponse> result) {
        FullHttpRequest http = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, request.method(), request.path(), Unpooled.wrappedBuffer(request.body()));
        http.headers().set(request.headers());
        http.headers().set(HttpHeaderNames.HOST, request.host() + ":" + request.port());
        HttpUtil.setContentLength(http, request.body().length);
        ScheduledFuture<?> timer = channel.eventLoop()
                .schedule(
                        () -> {
                            InFlight f = channel.attr(IN_FLIGHT).getAndSet(null);
                            if (f != null) {
                                f.result.completeExceptionally(new TimeoutException(
                                        request + " timed out after " + timeout.toMillis() + " ms"));
                                channel.close();
                                pool.release(channel);
                            }
                        },
                        timeout.toNanos(),
                        TimeUnit.NANOSECONDS);
        channel.attr(IN_FLIGHT).set(new InFlight(result, timer, pool));
        channel.writeAndFlush(http).addListener(written -> {
            if (!written.isSuccess()) {
                InFlight f = channel.attr(IN_FLIGHT).getAndSet(null);
                if (f != null) {
                    f.timer.cancel(false);
                    f.result.completeExceptionally(new ClosedBeforeResponse(
                            "cannot send " + request + ": " + written.cause(), written.cause()));
                    channel.close();
                    pool.release(channel);
                }
            }
        });
    }

    @Override
    public void close() {
        poolMap.close();
    }

    /** The connection went away before its response was complete: on a reused connection, worth one more try. */
    private static final class ClosedBeforeResponse extends IOException {
        private static final long serialVersionUID = 1L;

        ClosedBeforeResponse(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /** The request a pooled connection is serving right now. */
    private record InFlight(
            CompletableFuture<BackendResponse> result, ScheduledFuture<?> timer, SimpleChannelPool pool) {}

    private static final class PoolHandler extends AbstractChannelPoolHandler {
        private final int maxResponseBytes;

        PoolHandler(int maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
        }

        @Override
        public void channelCreated(Channel ch) {
            ch.pipeline()
                    .addLast("codec", new HttpClientCodec())
                    .addLast("aggregator", new HttpObjectAggregator(maxResponseBytes))
                    .addLast("response", new ResponseHandler());
        }
    }

    /** Completes the in-flight request of its connection; confined to the connection's event loop. */
    private static final class ResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            InFlight f = ctx.channel().attr(IN_FLIGHT).getAndSet(null);
            if (f == null) {
                ctx.close();
                return;
            }
            f.timer.cancel(false);
            byte[] body = ByteBufUtil.getBytes(response.content());
            boolean keepAlive = HttpUtil.isKeepAlive(response);
            // return the connection before completing, so a caller that sends its next request from the
            // completion finds it in the pool
            if (!keepAlive) {
                ctx.close();
            }
            f.pool.release(ctx.channel());
            f.result.complete(new BackendResponse(
                    response.status().code(), response.headers().copy(), body));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            fail(
                    ctx,
                    new ClosedBeforeResponse(
                            "connection closed by " + ctx.channel().remoteAddress(), null));
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a socket error (reset by the node) ends the connection as a close does; a decoding error does not
            fail(
                    ctx,
                    cause instanceof IOException io
                            ? new ClosedBeforeResponse(String.valueOf(io.getMessage()), io)
                            : new IOException(cause));
            ctx.close();
        }

        private static void fail(ChannelHandlerContext ctx, IOException cause) {
            @Nullable InFlight f = ctx.channel().attr(IN_FLIGHT).getAndSet(null);
            if (f != null) {
                f.timer.cancel(false);
                f.result.completeExceptionally(cause);
                f.pool.release(ctx.channel());
            }
        }
    }
}
