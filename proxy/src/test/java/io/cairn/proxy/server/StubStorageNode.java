package io.cairn.proxy.server;

import io.cairn.common.http.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A storage node for proxy integration tests: answers Swift's backend protocol for accounts and
 * containers (always present) and objects (kept in memory), with faults the tests switch on: down (port
 * closed), black hole (accepts and never answers), slow (stops reading PUT bodies until released), GETs
 * that break after some bytes, and object PUTs refused with a final status instead of {@code 100 Continue}
 * (keep-alive, the announced body left unread, as any HTTP/1.1 server that then parses what follows as the
 * rest of that request), and object PUTs dropped unanswered on a reused connection. It counts the
 * connections that carried object PUTs.
 */
final class StubStorageNode implements AutoCloseable {
    /** One stored object. */
    static final class Stored {
        private final byte[] body;
        private final String etag;
        private final String timestamp;
        private final HttpHeaders headers;

        Stored(byte[] body, String etag, String timestamp, HttpHeaders headers) {
            this.body = body;
            this.etag = etag;
            this.timestamp = timestamp;
            this.headers = headers;
        }

        byte[] body() {
            return body;
        }

        String etag() {
            return etag;
        }

        String timestamp() {
            return timestamp;
        }

        HttpHeaders headers() {
            return headers;
        }
    }

    final Map<String, Stored> objects = new ConcurrentHashMap<>();
    final AtomicLong bodyBytesReceived = new AtomicLong();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger rangeRequests = new AtomicInteger();
    /** Channels (by id) that carried at least one object PUT. */
    final Set<String> putConnections = ConcurrentHashMap.newKeySet();
    /** Object PUTs still to refuse with {@link #refusal} in place of 100 Continue. */
    final AtomicInteger refuseObjectPuts = new AtomicInteger();

    /**
     * Object PUTs arriving on a connection that already carried one, still to drop unanswered (the node's
     * idle timeout closing the connection just as the proxy reuses it).
     */
    final AtomicInteger dropReusedPuts = new AtomicInteger();

    volatile int refusal = 400;
    volatile boolean blackHole;
    volatile long pauseReadsAfter = Long.MAX_VALUE;
    volatile long breakGetsAfter = Long.MAX_VALUE;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Transport transport;
    private final EventLoopGroup group;
    private final int port;
    private volatile Channel server;

    StubStorageNode(Transport transport, EventLoopGroup group, int port) throws InterruptedException {
        this.transport = transport;
        this.group = group;
        this.server = bind(port);
        this.port = ((InetSocketAddress) server.localAddress()).getPort();
    }

    private Channel bind(int p) throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannelClass())
                .option(ChannelOption.SO_REUSEADDR, true) // a restart rebinds while closed connections linger
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        channels.add(ch);
                        ch.pipeline().addLast(new HttpServerCodec()).addLast(new Handler());
                    }
                })
                .bind("127.0.0.1", p)
                .sync()
                .channel();
    }

    /** The stored object, failing the test if this node does not have it. */
    Stored stored(String key) {
        Stored s = objects.get(key);
        if (s == null) {
            throw new AssertionError("node on port " + port + " does not have " + key);
        }
        return s;
    }

    int port() {
        return port;
    }

    /** Closes the port and every connection: the node is down. */
    void stop() {
        server.close().syncUninterruptibly();
        channels.close().syncUninterruptibly();
    }

    /** Closes every accepted connection but keeps listening (the node's idle timeout). */
    void closeConnections() {
        channels.close().syncUninterruptibly();
    }

    /** Stops, then listens again on the same port (a restarted node). */
    void restart() throws InterruptedException {
        stop();
        server = bind(port);
    }

    /** Lets paused PUT bodies flow again. */
    void release() {
        pauseReadsAfter = Long.MAX_VALUE;
        for (Channel c : channels) {
            c.eventLoop().execute(() -> {
                c.config().setAutoRead(true);
                c.read();
            });
        }
    }

    @Override
    public void close() {
        stop();
    }

    static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves one connection; confined to its event loop. */
    private final class Handler extends ChannelInboundHandlerAdapter {
        private HttpRequest request = new io.netty.handler.codec.http.DefaultHttpRequest(
                HttpVersion.HTTP_1_1, io.netty.handler.codec.http.HttpMethod.GET, "/");
        private ByteArrayOutputStream body = new ByteArrayOutputStream();
        /** The current request was refused: its body (if the client sends it anyway) is dropped. */
        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (blackHole) {
                    return;
                }
                if (msg instanceof HttpRequest r) {
                    onHead(ctx, r);
                }
                if (msg instanceof HttpContent && refused) {
                    return;
                }
                if (msg instanceof HttpContent c) {
                    int n = c.content().readableBytes();
                    byte[] bytes = new byte[n];
                    c.content().readBytes(bytes);
                    body.write(bytes, 0, n);
                    if (request.method().name().equals("PUT") && n > 0) {
                        long total = bodyBytesReceived.addAndGet(n);
                        if (total >= pauseReadsAfter) {
                            ctx.channel().config().setAutoRead(false);
                        }
                    }
                    if (c instanceof LastHttpContent) {
                        answer(ctx);
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void onHead(ChannelHandlerContext ctx, HttpRequest r) {
            requests.incrementAndGet();
            request = r;
            body = new ByteArrayOutputStream();
            refused = isObjectPut(r) && refuseObjectPuts.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (isObjectPut(r)
                    && !putConnections.add(ctx.channel().id().asLongText())
                    && dropReusedPuts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refused = true;
                ctx.close();
            } else if (refused) {
                send(ctx, full(refusal, new byte[0]));
            } else if (HttpUtil.is100ContinueExpected(r)) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
            }
        }

        private static boolean isObjectPut(HttpRequest r) {
            return r.method().name().equals("PUT") && r.uri().split("\\?")[0].split("/", 6).length == 6;
        }

        private void answer(ChannelHandlerContext ctx) {
            String[] parts = request.uri().split("\\?")[0].split("/", 6);
            // /device/partition/a[/c[/o]]
            String method = request.method().name();
            if (parts.length < 6) {
                FullHttpResponse r = full(method.equals("PUT") ? 201 : 204, new byte[0]);
                r.headers().set("X-Backend-Storage-Policy-Index", "0");
                r.headers().set("X-Container-Object-Count", "0");
                r.headers().set("X-Account-Container-Count", "0");
                r.headers().set("X-PUT-Timestamp", "0000000001.00000");
                send(ctx, r);
                return;
            }
            String key = parts[3] + "/" + parts[4] + "/" + parts[5];
            switch (method) {
                case "PUT" -> {
                    byte[] data = body.toByteArray();
                    String etag = md5(data);
                    objects.put(
                            key, new Stored(data, etag, request.headers().get("X-Timestamp", "0"), request.headers()));
                    FullHttpResponse r = full(201, new byte[0]);
                    r.headers().set("ETag", "\"" + etag + "\"");
                    send(ctx, r);
                }
                case "GET", "HEAD" -> get(ctx, key, method.equals("HEAD"));
                case "DELETE" -> send(ctx, full(objects.remove(key) == null ? 404 : 204, new byte[0]));
                default -> send(ctx, full(202, new byte[0]));
            }
        }

        private void get(ChannelHandlerContext ctx, String key, boolean head) {
            Stored s = objects.get(key);
            if (s == null) {
                send(ctx, full(404, new byte[0]));
                return;
            }
            int from = 0;
            int to = s.body().length - 1;
            String range = request.headers().get("Range");
            int status = 200;
            if (range != null && range.startsWith("bytes=")) {
                rangeRequests.incrementAndGet();
                String[] ab = range.substring(6).split("-", -1);
                from = Integer.parseInt(ab[0]);
                if (!ab[1].isEmpty()) {
                    to = Math.min(to, Integer.parseInt(ab[1]));
                }
                status = 206;
            }
            HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
            r.headers().set("Content-Length", to - from + 1);
            r.headers().set("Content-Type", "application/octet-stream");
            r.headers().set("ETag", "\"" + s.etag() + "\"");
            r.headers().set("X-Timestamp", s.timestamp());
            r.headers().set("X-Backend-Timestamp", s.timestamp());
            r.headers().set("Connection", "close");
            if (status == 206) {
                r.headers().set("Content-Range", "bytes " + from + "-" + to + "/" + s.body().length);
            }
            ctx.write(r);
            if (head) {
                ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            long limit = breakGetsAfter;
            int sent = 0;
            for (int at = from; at <= to; at += 16 * 1024) {
                int n = Math.min(16 * 1024, to - at + 1);
                if (sent + n > limit) {
                    ctx.writeAndFlush(
                                    new DefaultHttpContent(Unpooled.wrappedBuffer(s.body(), at, (int) (limit - sent))))
                            .addListener(ChannelFutureListener.CLOSE);
                    return;
                }
                ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(s.body(), at, n)));
                sent += n;
            }
            ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        }

        private FullHttpResponse full(int status, byte[] content) {
            ByteBuf buf = Unpooled.wrappedBuffer(content);
            FullHttpResponse r =
                    new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), buf);
            r.headers().set("Content-Length", content.length);
            return r;
        }

        private void send(ChannelHandlerContext ctx, FullHttpResponse r) {
            ctx.writeAndFlush(r);
        }
    }
}
