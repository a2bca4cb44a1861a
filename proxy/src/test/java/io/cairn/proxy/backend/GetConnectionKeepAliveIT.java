package io.cairn.proxy.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.http.Transport;
import io.cairn.ring.Device;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET sources reuse keep-alive backend connections, and survive a reused one the node closed. */
class GetConnectionKeepAliveIT {
    private final Transport transport = Transport.select(true);
    private EventLoopGroup serverGroup;
    private EventLoopGroup clientGroup;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    /** The server drops the connection, without answering, on this request number of a connection (0: never). */
    private volatile int dropOnRequestOfConnection;

    private Channel server;

    @BeforeEach
    void startServer() throws InterruptedException {
        serverGroup = transport.newEventLoopGroup(1, "test-node");
        clientGroup = transport.newEventLoopGroup(1, "test-proxy");
        server = new ServerBootstrap()
                .group(serverGroup)
                .channel(transport.serverChannelClass())
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        accepted.incrementAndGet();
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(1024))
                                .addLast(new Node());
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }

    @AfterEach
    void stop() {
        server.close().syncUninterruptibly();
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Answers {@code body-<n>} to the n-th request it sees; drops a connection's configured request. */
    private final class Node extends SimpleChannelInboundHandler<FullHttpRequest> {
        private int onThisConnection;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            onThisConnection++;
            if (onThisConnection == dropOnRequestOfConnection) {
                ctx.close();
                return;
            }
            byte[] body = ("body-" + requests.incrementAndGet()).getBytes(StandardCharsets.US_ASCII);
            FullHttpResponse resp = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
            resp.headers().set("Content-Length", body.length);
            ctx.writeAndFlush(resp);
        }
    }

    private Device node() {
        return BackendGets.localNode(server);
    }

    /** Runs one GET source on a client loop; completes with the body, or exceptionally if it failed. */
    private CompletableFuture<String> get(BackendConnector connector) {
        return BackendGets.body(connector, clientGroup.next(), node(), Duration.ofSeconds(5), "/sdb1/0/a/c/o");
    }

    @Test
    void shouldReuseTheConnectionWhenSequentialGetsGoToTheSameNode() throws Exception {
        BackendConnector connector = new BackendConnector(transport, Duration.ofSeconds(2));

        assertThat(get(connector).get(10, TimeUnit.SECONDS)).isEqualTo("body-1");
        assertThat(get(connector).get(10, TimeUnit.SECONDS)).isEqualTo("body-2");
        assertThat(get(connector).get(10, TimeUnit.SECONDS)).isEqualTo("body-3");

        assertThat(accepted.get()).isEqualTo(1);
    }

    @Test
    void shouldRetryOnAFreshConnectionWhenTheNodeClosedTheReusedOne() throws Exception {
        BackendConnector connector = new BackendConnector(transport, Duration.ofSeconds(2));
        dropOnRequestOfConnection = 2; // the node "times out" the idle connection as the 2nd request arrives

        assertThat(get(connector).get(10, TimeUnit.SECONDS)).isEqualTo("body-1");
        assertThat(get(connector).get(10, TimeUnit.SECONDS)).isEqualTo("body-2");

        assertThat(accepted.get()).isEqualTo(2);
    }
}
