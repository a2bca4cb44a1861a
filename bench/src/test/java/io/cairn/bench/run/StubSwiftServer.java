package io.cairn.bench.run;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny in-memory Swift endpoint for the generator's tests (Netty on loopback port 0): tempauth login, container PUT,
 * container HEAD (204 with {@link #containerObjectCount} as X-Container-Object-Count, when set), object
 * PUT/GET/HEAD/DELETE, a one-entry JSON listing; every {@code failEveryNthGet}-th object GET answers 503, and object
 * PUTs answer {@link #putDelayMillis} late (a slow server, without blocking its event loop). Counts what it saw and
 * keeps every container request line. Thread-safe.
 */
final class StubSwiftServer implements AutoCloseable {
    static final String TOKEN = "AUTH_tk-stub";

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final Channel server;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final int failEveryNthGet;
    final AtomicLong objectGets = new AtomicLong();
    final AtomicLong failedGets = new AtomicLong();
    final AtomicLong bytesReceived = new AtomicLong();
    final AtomicLong objectPuts = new AtomicLong();
    /** How long an object PUT's answer is held back (0: at once). */
    final AtomicLong putDelayMillis = new AtomicLong();

    final AtomicLong unauthorized = new AtomicLong();
    /** X-Container-Object-Count of a container HEAD; negative: the header is left out. */
    final AtomicLong containerObjectCount = new AtomicLong(-1);
    /** {@code "<METHOD> <uri>"} of every container request, in arrival order. */
    final Queue<String> containerRequests = new ConcurrentLinkedQueue<>();

    StubSwiftServer(int failEveryNthGet) throws InterruptedException {
        this.failEveryNthGet = failEveryNthGet;
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpServerKeepAliveHandler())
                                .addLast(new HttpObjectAggregator(16 << 20))
                                .addLast(new Handler());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .sync()
                .channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    String authUrl() {
        return "http://127.0.0.1:" + port() + "/auth/v1.0";
    }

    private FullHttpResponse handle(FullHttpRequest req) {
        String path = new QueryStringDecoder(req.uri()).path();
        if (path.equals("/auth/v1.0")) {
            if ("test:tester".equals(req.headers().get("X-Auth-User"))
                    && "testing".equals(req.headers().get("X-Auth-Key"))) {
                FullHttpResponse r = response(HttpResponseStatus.OK, new byte[0]);
                r.headers().set("X-Storage-Url", "http://127.0.0.1:" + port() + "/v1/AUTH_test");
                r.headers().set("X-Auth-Token", TOKEN);
                return r;
            }
            return response(HttpResponseStatus.UNAUTHORIZED, new byte[0]);
        }
        if (!TOKEN.equals(req.headers().get("X-Auth-Token"))) {
            unauthorized.incrementAndGet();
            return response(HttpResponseStatus.UNAUTHORIZED, new byte[0]);
        }
        boolean object = path.split("/").length == 5; // "", v1, AUTH_test, container, object
        HttpMethod method = req.method();
        if (!object) {
            containerRequests.add(method + " " + req.uri());
            if (method.equals(HttpMethod.HEAD)) {
                FullHttpResponse r = response(HttpResponseStatus.NO_CONTENT, new byte[0]);
                if (containerObjectCount.get() >= 0) {
                    r.headers().set("X-Container-Object-Count", containerObjectCount.get());
                }
                return r;
            }
            return method.equals(HttpMethod.GET)
                    ? response(HttpResponseStatus.OK, "[{\"name\":\"o000000000000\"}]".getBytes(StandardCharsets.UTF_8))
                    : response(HttpResponseStatus.CREATED, new byte[0]);
        }
        return object(method, path, req);
    }

    private FullHttpResponse object(HttpMethod method, String path, FullHttpRequest req) {
        if (method.equals(HttpMethod.PUT)) {
            byte[] body = ByteBufUtil.getBytes(req.content());
            objects.put(path, body);
            bytesReceived.addAndGet(body.length);
            objectPuts.incrementAndGet();
            return response(HttpResponseStatus.CREATED, new byte[0]);
        }
        if (method.equals(HttpMethod.GET)) {
            if (objectGets.incrementAndGet() % failEveryNthGet == 0) {
                failedGets.incrementAndGet();
                return response(HttpResponseStatus.SERVICE_UNAVAILABLE, new byte[] {'n', 'o'});
            }
            byte[] data = objects.get(path);
            return data == null
                    ? response(HttpResponseStatus.NOT_FOUND, new byte[0])
                    : response(HttpResponseStatus.OK, data);
        }
        if (method.equals(HttpMethod.HEAD)) {
            byte[] data = objects.get(path);
            FullHttpResponse r =
                    response(data == null ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.OK, new byte[0]);
            r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, data == null ? 0 : data.length);
            return r;
        }
        if (method.equals(HttpMethod.DELETE)) {
            return response(
                    objects.remove(path) == null ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.NO_CONTENT,
                    new byte[0]);
        }
        return response(HttpResponseStatus.METHOD_NOT_ALLOWED, new byte[0]);
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] body) {
        ByteBuf content = Unpooled.wrappedBuffer(body);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        if (status.code() != 204) {
            r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        return r;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            FullHttpResponse response = handle(req);
            long delay = putDelayMillis.get();
            if (delay > 0
                    && req.method().equals(HttpMethod.PUT)
                    && response.status().code() == 201) {
                ctx.executor()
                        .schedule(() -> ctx.writeAndFlush(response), delay, java.util.concurrent.TimeUnit.MILLISECONDS);
            } else {
                ctx.writeAndFlush(response);
            }
        }
    }
}
