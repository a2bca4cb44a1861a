package io.cairn.container.server;

import io.cairn.common.http.HttpServerHost;
import io.cairn.common.http.Transport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An account server stand-in on loopback port 0: records each request and answers a fixed status. */
final class StubAccountServer implements AutoCloseable {
    /** One request as received. */
    record Received(String method, String path, HttpHeaders headers) {
        String header(String name) {
            return headers.get(name);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServerHost host;
    private final int status;

    StubAccountServer(int status) throws InterruptedException {
        this.status = status;
        host = HttpServerHost.withOwnGroups(Transport.select(false), 1, "stub-account");
        host.start("127.0.0.1", 0, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(65536))
                        .addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                                received.add(new Received(
                                        req.method().name(),
                                        req.uri(),
                                        req.headers().copy()));
                                FullHttpResponse r = new DefaultFullHttpResponse(
                                        HttpVersion.HTTP_1_1,
                                        HttpResponseStatus.valueOf(StubAccountServer.this.status));
                                r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
                                ctx.writeAndFlush(r);
                            }
                        });
            }
        });
    }

    String hostPort() {
        return "127.0.0.1:" + host.port();
    }

    @Override
    public void close() {
        host.close();
    }
}
