package io.cairn.proxy.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.http.Transport;
import io.cairn.ring.Device;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PUT replicas reuse keep-alive backend connections only after a clean exchange, survive a reused one the
 * node closed, and never reuse one whose node answered instead of taking the body.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PutConnectionKeepAliveIT {
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(5);

    private final Transport transport = Transport.select(true);
    private EventLoopGroup serverGroup;
    private EventLoopGroup clientGroup;
    private final AtomicInteger accepted = new AtomicInteger();
    private final ChannelGroup accepts = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    /** Bodies of the PUTs the node took, by path. */
    private final Map<String, String> stored = new ConcurrentHashMap<>();
    /** The node drops the connection, without answering, on this request number of a connection (0: never). */
    private volatile int dropOnRequestOfConnection;
    /** PUTs the node answers at once with {@link #refusal} instead of 100 Continue (body never read). */
    private final AtomicInteger refuseNext = new AtomicInteger();

    private volatile int refusal = 507;
    /** The node adds {@code Connection: close} to its final PUT responses (and keeps the socket open). */
    private volatile boolean sayClose;

    private Channel server;
    private BackendConnector connector;

    @BeforeEach
    void startServer() throws InterruptedException {
        serverGroup = transport.newEventLoopGroup(1, "test-node");
        clientGroup = transport.newEventLoopGroup(1, "test-proxy");
        connector = new BackendConnector(transport, Duration.ofSeconds(2));
        server = new ServerBootstrap()
                .group(serverGroup)
                .channel(transport.serverChannelClass())
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        accepted.incrementAndGet();
                        accepts.add(ch);
                        ch.pipeline().addLast(new HttpServerCodec()).addLast(new Node());
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }

    @AfterEach
    void stop() {
        server.close().syncUninterruptibly();
        accepts.close().syncUninterruptibly();
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /**
     * A streaming object-server stand-in: 100 Continue, then 201 with the body stored once it ended; or a
     * refusal in place of 100 Continue. GETs answer the stored body. Like any HTTP/1.1 server, it parses
     * whatever follows a request on the connection as the next request, so a client that announced a body
     * and never sent it breaks the framing of its next request on that connection.
     */
    private final class Node extends ChannelInboundHandlerAdapter {
        private int onThisConnection;
        private String path = "";
        private boolean refused;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpRequest req) {
                    onRequest(ctx, req);
                }
                if (msg instanceof HttpContent content && !refused) {
                    content.content().readBytes(body, content.content().readableBytes());
                }
                if (msg instanceof LastHttpContent && !refused && !path.isEmpty()) {
                    stored.put(path, body.toString(StandardCharsets.UTF_8));
                    FullHttpResponse r = response(HttpResponseStatus.CREATED, "");
                    if (sayClose) {
                        r.headers().set("Connection", "close");
                    }
                    ctx.writeAndFlush(r);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void onRequest(ChannelHandlerContext ctx, HttpRequest req) {
            onThisConnection++;
            path = "";
            refused = false;
            body.reset();
            if (onThisConnection == dropOnRequestOfConnection) {
                ctx.close();
                return;
            }
            if (req.method().equals(HttpMethod.GET)) {
                ctx.writeAndFlush(response(HttpResponseStatus.OK, stored.getOrDefault(req.uri(), "")));
                return;
            }
            if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                // a final status instead of 100 Continue, keep-alive: the body it announced stays unread
                refused = true;
                ctx.writeAndFlush(response(HttpResponseStatus.valueOf(refusal), ""));
                return;
            }
            path = req.uri();
            if (HttpUtil.is100ContinueExpected(req)) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
            }
        }

        private FullHttpResponse response(HttpResponseStatus status, String content) {
            byte[] b = content.getBytes(StandardCharsets.UTF_8);
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(b));
            r.headers().set("Content-Length", b.length);
            return r;
        }
    }

    private Device node() {
        return BackendGets.localNode(server);
    }

    /** Runs one PUT replica on the client loop; completes with its final status, or -1 if it failed. */
    private CompletableFuture<Integer> put(String path, String content) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        EventLoop loop = clientGroup.next();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        PutConnection.Listener listener = new PutConnection.Listener() {
            @Override
            public void headAnswered(PutConnection c) {
                if (c.streaming()) {
                    c.write(Unpooled.wrappedBuffer(bytes));
                    c.end(EmptyHttpHeaders.INSTANCE);
                } else {
                    result.complete(c.failed() ? -1 : c.status());
                }
            }

            @Override
            public void finished(PutConnection c) {
                result.complete(c.failed() ? -1 : c.status());
            }

            @Override
            public void writabilityChanged(PutConnection c) {}
        };
        HttpHeaders headers = new DefaultHttpHeaders().set("Content-Length", bytes.length);
        loop.execute(() -> new PutConnection(node(), listener, NODE_TIMEOUT).start(connector, loop, path, headers));
        return result;
    }

    /** Runs one GET source on the client loop; completes with the body. */
    private CompletableFuture<String> get(String path) {
        return BackendGets.body(connector, clientGroup.next(), node(), NODE_TIMEOUT, path);
    }

    private int status(CompletableFuture<Integer> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void shouldReuseOneConnectionWhenSequentialPutsGoToTheSameNode() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(status(put("/sdb1/0/a/c/o" + i, "body-" + i))).isEqualTo(201);
        }

        assertThat(accepted.get()).isEqualTo(1);
        for (int i = 0; i < 20; i++) {
            assertThat(stored.get("/sdb1/0/a/c/o" + i)).isEqualTo("body-" + i);
        }
    }

    @Test
    void shouldShareTheConnectionBetweenPutsAndGetsWhenBothGoToTheSameNode() throws Exception {
        assertThat(status(put("/sdb1/0/a/c/o1", "first"))).isEqualTo(201);
        assertThat(get("/sdb1/0/a/c/o1").get(20, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(status(put("/sdb1/0/a/c/o2", "second"))).isEqualTo(201);
        assertThat(get("/sdb1/0/a/c/o2").get(20, TimeUnit.SECONDS)).isEqualTo("second");

        assertThat(accepted.get()).isEqualTo(1);
    }

    @Test
    void shouldRetryOnAFreshConnectionWhenTheNodeClosedTheReusedOneAsThePutArrived() throws Exception {
        dropOnRequestOfConnection = 2; // the node "times out" the idle connection as the 2nd request arrives

        assertThat(status(put("/sdb1/0/a/c/o1", "first"))).isEqualTo(201);
        assertThat(status(put("/sdb1/0/a/c/o2", "second"))).isEqualTo(201);

        assertThat(accepted.get()).isEqualTo(2);
        assertThat(stored).containsEntry("/sdb1/0/a/c/o2", "second");
    }

    @Test
    void shouldConnectAfreshWhenTheNodeClosedItsIdleConnectionsBetweenPuts() throws Exception {
        assertThat(status(put("/sdb1/0/a/c/o1", "first"))).isEqualTo(201);
        accepts.close().syncUninterruptibly(); // the node's idle timeout

        assertThat(status(put("/sdb1/0/a/c/o2", "second"))).isEqualTo(201);

        assertThat(accepted.get()).isEqualTo(2);
        assertThat(stored).containsEntry("/sdb1/0/a/c/o2", "second");
    }

    @Test
    void shouldNotReuseTheConnectionWhenTheNodeAnsweredAFinalStatusInsteadOf100Continue() throws Exception {
        assertThat(status(put("/sdb1/0/a/c/o1", "first"))).isEqualTo(201);
        refuseNext.set(1);
        assertThat(status(put("/sdb1/0/a/c/o2", "refused"))).isEqualTo(507); // on the reused connection

        // Reusing that connection would feed this PUT's head to the node as the refused PUT's body.
        assertThat(status(put("/sdb1/0/a/c/o3", "third"))).isEqualTo(201);

        assertThat(accepted.get()).isEqualTo(2);
        assertThat(stored).containsEntry("/sdb1/0/a/c/o3", "third").doesNotContainKey("/sdb1/0/a/c/o2");
    }

    @Test
    void shouldNotReuseTheConnectionWhenA4xxCameBefore100ContinueOnAFreshConnection() throws Exception {
        refusal = 409;
        refuseNext.set(1);
        assertThat(status(put("/sdb1/0/a/c/o1", "refused"))).isEqualTo(409);

        assertThat(status(put("/sdb1/0/a/c/o2", "second"))).isEqualTo(201);

        assertThat(accepted.get()).isEqualTo(2);
        assertThat(stored).containsEntry("/sdb1/0/a/c/o2", "second");
    }

    @Test
    void shouldNotReuseTheConnectionWhenTheNodeSaidConnectionClose() throws Exception {
        sayClose = true;

        assertThat(status(put("/sdb1/0/a/c/o1", "first"))).isEqualTo(201);
        assertThat(status(put("/sdb1/0/a/c/o2", "second"))).isEqualTo(201);

        assertThat(accepted.get()).isEqualTo(2);
    }
}
