package io.cairn.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackendClientIT {
    private final Transport transport = Transport.select(true);
    private final AtomicInteger connections = new AtomicInteger();
    private HttpServerHost server;
    private EventLoopGroup clientGroup;
    private BackendClient client;

    @BeforeEach
    void start() throws InterruptedException {
        server = HttpServerHost.withOwnGroups(transport, 1, "test-server");
        server.start("127.0.0.1", 0, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                connections.incrementAndGet();
                ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(1 << 20))
                        .addLast(new EchoHandler());
            }
        });
        clientGroup = transport.newEventLoopGroup(1, "test-client");
        client = new BackendClient(transport, clientGroup, 1 << 20, Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        client.close();
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        server.close();
    }

    @Test
    void shouldReuseOneConnectionWhenRequestsAreSequential() throws Exception {
        for (int i = 0; i < 5; i++) {
            BackendResponse r = client.send(
                            new BackendRequest(
                                    "127.0.0.1",
                                    server.port(),
                                    HttpMethod.PUT,
                                    "/sda/1/a/c/o" + i,
                                    new io.netty.handler.codec.http.DefaultHttpHeaders(),
                                    ("body" + i).getBytes(StandardCharsets.UTF_8)),
                            Duration.ofSeconds(5))
                    .get(10, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.bodyText()).isEqualTo("PUT /sda/1/a/c/o" + i + " body" + i);
        }
        assertThat(connections.get()).isEqualTo(1);
    }

    @Test
    void shouldServeConcurrentRequestsWhenManyAreInFlight() throws Exception {
        List<CompletableFuture<BackendResponse>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(client.send(
                    BackendRequest.of("127.0.0.1", server.port(), HttpMethod.GET, "/x/" + i), Duration.ofSeconds(5)));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(all.get(i).get(10, TimeUnit.SECONDS).bodyText()).isEqualTo("GET /x/" + i + " ");
        }
    }

    @Test
    void shouldSendOnceMoreOnAFreshConnectionWhenAReusedOneClosesBeforeAnswering() throws Exception {
        assertThat(get("/first").status()).isEqualTo(200);

        BackendResponse r = get("/drop-reused");

        assertThat(r.bodyText()).isEqualTo("GET /drop-reused ");
        assertThat(connections.get()).isEqualTo(2);
    }

    @Test
    void shouldFailWithoutRetryingWhenAFreshConnectionClosesBeforeAnswering() {
        assertFailsWithIoError("/drop");

        assertThat(connections.get()).isEqualTo(1);
    }

    @Test
    void shouldRetryOnlyOnceWhenTheFreshConnectionAlsoCloses() throws Exception {
        assertThat(get("/first").status()).isEqualTo(200);

        assertFailsWithIoError("/drop");

        assertThat(connections.get()).isEqualTo(2);
    }

    private void assertFailsWithIoError(String path) {
        CompletableFuture<BackendResponse> f =
                client.send(BackendRequest.of("127.0.0.1", server.port(), HttpMethod.GET, path), Duration.ofSeconds(5));
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(java.io.IOException.class);
    }

    private BackendResponse get(String path) throws Exception {
        return client.send(BackendRequest.of("127.0.0.1", server.port(), HttpMethod.GET, path), Duration.ofSeconds(5))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldFailWithTimeoutWhenServerDoesNotAnswer() {
        CompletableFuture<BackendResponse> f = client.send(
                BackendRequest.of("127.0.0.1", server.port(), HttpMethod.GET, "/silent"), Duration.ofMillis(200));
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void shouldFailWithIoErrorWhenNothingListens() throws Exception {
        int closedPort = LoopbackPorts.pickFree();
        CompletableFuture<BackendResponse> f =
                client.send(BackendRequest.of("127.0.0.1", closedPort, HttpMethod.GET, "/"), Duration.ofSeconds(5));
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(java.io.IOException.class);
    }

    /**
     * Answers every request with "METHOD uri body", except: /silent gets no answer; /drop-reused closes the
     * connection unanswered when it is not the connection's first request; /drop always closes it unanswered.
     */
    private static final class EchoHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private int served;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            served++;
            if (req.uri().equals("/silent")) {
                return;
            }
            if (req.uri().equals("/drop") || (req.uri().equals("/drop-reused") && served > 1)) {
                ctx.close();
                return;
            }
            String text = req.method() + " " + req.uri() + " " + req.content().toString(StandardCharsets.UTF_8);
            FullHttpResponse resp = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1,
                    req.method().equals(HttpMethod.PUT) ? HttpResponseStatus.CREATED : HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
            HttpUtil.setContentLength(resp, resp.content().readableBytes());
            HttpUtil.setKeepAlive(resp, true);
            ctx.writeAndFlush(resp);
        }
    }
}
