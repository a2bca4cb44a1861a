package io.cairn.common.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Writes one access-log line per request, Swift-style: {@code client "METHOD path" status bytes-sent
 * "referer" "trans-id" "user-agent" seconds}. Sits right after the HTTP codec so it sees every request
 * and response, including those answered by earlier handlers (health check, limits).
 *
 * <p>Confined to the channel's event loop. Pipelined requests are matched with responses in order.
 */
public final class AccessLogHandler extends ChannelDuplexHandler {
    /** Swift's status for a client that disconnected before its response was complete. */
    static final int CLIENT_CLOSED_REQUEST = 499;

    private final String serverName;
    private final Consumer<String> sink;
    private final LongSupplier nanoClock;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>(2);
    private int status;
    private long bytesSent;

    /**
     * @param serverName prefix of each line (e.g. {@code object-server})
     * @param sink where lines go (a logger in production, a list in tests)
     * @param nanoClock {@code System::nanoTime} in production
     */
    public AccessLogHandler(String serverName, Consumer<String> sink, LongSupplier nanoClock) {
        this.serverName = serverName;
        this.sink = sink;
        this.nanoClock = nanoClock;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            pending.addLast(new Pending(
                    request.method().name(),
                    request.uri(),
                    request.headers().get(HttpHeaderNames.REFERER, "-"),
                    request.headers().get("X-Trans-Id", "-"),
                    request.headers().get(HttpHeaderNames.USER_AGENT, "-"),
                    nanoClock.getAsLong()));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            HttpResponseStatus s = response.status();
            if (s.codeClass() != io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL) {
                status = s.code();
                bytesSent = 0;
            }
        }
        if (msg instanceof ByteBufHolder holder) {
            bytesSent += holder.content().readableBytes();
        } else if (msg instanceof ByteBuf buf) {
            bytesSent += buf.readableBytes();
        } else if (msg instanceof FileRegion region) {
            bytesSent += region.count();
        }
        if (msg instanceof LastHttpContent && status != 0) {
            logOne(ctx.channel().remoteAddress());
        }
        ctx.write(msg, promise);
    }

    /**
     * A client that goes away before its response is complete still gets its line, with Swift's 499 (client
     * disconnect) unless a status was already being sent.
     */
    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        while (!pending.isEmpty()) {
            if (status == 0) {
                status = CLIENT_CLOSED_REQUEST;
            }
            logOne(ctx.channel().remoteAddress());
        }
        super.channelInactive(ctx);
    }

    private void logOne(@org.jspecify.annotations.Nullable SocketAddress remote) {
        Pending p = pending.pollFirst();
        if (p == null) {
            return;
        }
        String client =
                remote instanceof InetSocketAddress isa ? isa.getAddress().getHostAddress() : "-";
        long micros = (nanoClock.getAsLong() - p.startNanos) / 1000;
        sink.accept(serverName + " " + client + " \"" + p.method + " " + p.uri + "\" " + status + " " + bytesSent
                + " \"" + p.referer + "\" \"" + p.transId + "\" \"" + p.userAgent + "\" " + (micros / 1_000_000) + "."
                + pad6(micros % 1_000_000));
        status = 0;
        bytesSent = 0;
    }

    private static String pad6(long v) {
        String s = Long.toString(v);
        return "000000".substring(s.length()) + s;
    }

    private record Pending(
            String method, String uri, String referer, String transId, String userAgent, long startNanos) {}
}
