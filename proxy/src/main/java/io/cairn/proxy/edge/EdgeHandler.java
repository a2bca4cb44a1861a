package io.cairn.proxy.edge;

import io.cairn.common.http.AnsweredBody;
import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.swift.ProxyServices;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline stage of one {@link EdgeFilter}: asks it about each request and, when it answers, drops the request's
 * body and sends the answer (a HEAD's without its body) once it is ready; reading pauses after the request's end
 * until then, so a pipelined request waits its turn. Everything else goes on unchanged.
 *
 * <p>Confined to the channel's event loop; one instance per channel.
 */
public final class EdgeHandler extends ChannelInboundHandlerAdapter {
    private final EdgeFilter filter;
    private final ProxyServices services;
    private final AnsweredBody answered = new AnsweredBody();
    private boolean pending;

    public EdgeHandler(EdgeFilter filter, ProxyServices services) {
        this.filter = filter;
        this.services = services;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            CompletableFuture<FullHttpResponse> answer = filter.answer(request, pathInfo(request.uri()), services);
            if (answer != null) {
                pending = true;
                answered.answered(request);
                if (!answered.pending()) {
                    ctx.channel().config().setAutoRead(false);
                }
                boolean keepAlive = HttpUtil.isKeepAlive(request);
                boolean head = request.method().equals(HttpMethod.HEAD);
                answer.whenComplete((r, failure) -> ctx.executor().execute(() -> send(ctx, r, keepAlive, head)));
                return;
            }
        } else if (answered.drop(msg)) {
            if (!answered.pending() && pending) {
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private void send(ChannelHandlerContext ctx, @Nullable FullHttpResponse answer, boolean keepAlive, boolean head) {
        pending = false;
        FullHttpResponse r = answer == null ? SwiftResponses.standard(500) : answer;
        if (head) {
            // as swob answers a HEAD: the GET's headers, Content-Length included, and no body
            FullHttpResponse full = r;
            int length = full.content().readableBytes();
            r = full.replace(Unpooled.EMPTY_BUFFER);
            HttpUtil.setContentLength(r, length);
            full.release();
        }
        HttpUtil.setKeepAlive(r, keepAlive);
        ctx.writeAndFlush(r).addListener((ChannelFutureListener) f -> {
            if (!keepAlive) {
                // Connection: close (or an HTTP/1.0 client): the answer ends the connection
                f.channel().close();
            } else if (f.channel().isActive() && !answered.pending()) {
                f.channel().config().setAutoRead(true);
                f.channel().read();
            }
        });
    }

    /** Swift's {@code PATH_INFO}: the path before any query, unquoted, one char per byte. */
    static String pathInfo(String uri) {
        int q = uri.indexOf('?');
        byte[] bytes = PercentCoding.unquoteToBytes(q < 0 ? uri : uri.substring(0, q));
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
