package io.cairn.proxy.server;

import io.cairn.common.http.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The two identity calls authtoken's revocation poll makes, on loopback: {@code POST /identity/v3/auth/tokens}
 * (records the body, answers a fixed service token) and {@code GET /identity/v3/OS-REVOKE/events} (the deny list
 * the test fills; 401 without the service token).
 */
final class StubIdentityService implements AutoCloseable {
    static final String SERVICE_TOKEN = "service-token";

    final Set<String> denyList = ConcurrentHashMap.newKeySet();
    final List<String> logins = new CopyOnWriteArrayList<>();
    private final EventLoopGroup group;
    private final Channel server;

    StubIdentityService() throws InterruptedException {
        Transport transport = Transport.select(false);
        group = transport.newEventLoopGroup(1, "stub-identity");
        server = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannelClass())
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16), new Handler());
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            String body;
            int status = 200;
            String token = null;
            if (req.uri().equals("/identity/v3/auth/tokens")) {
                logins.add(req.content().toString(StandardCharsets.UTF_8));
                status = 201;
                token = SERVICE_TOKEN;
                body = "{\"token\": {\"expires_at\": \"2099-01-01T00:00:00.000000Z\"}}";
            } else if (!SERVICE_TOKEN.equals(req.headers().get("X-Auth-Token"))) {
                status = 401;
                body = "{}";
            } else {
                StringBuilder events = new StringBuilder();
                for (String id : denyList) {
                    events.append(events.isEmpty() ? "" : ", ")
                            .append("{\"audit_id\": \"")
                            .append(id)
                            .append("\"}");
                }
                body = "{\"events\": [" + events + "]}";
            }
            FullHttpResponse res = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(status),
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            res.headers().set("Content-Type", "application/json");
            res.headers().set("Content-Length", res.content().readableBytes());
            if (token != null) {
                res.headers().set("X-Subject-Token", token);
            }
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
