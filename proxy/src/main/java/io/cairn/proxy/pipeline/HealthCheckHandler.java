package io.cairn.proxy.pipeline;

import io.cairn.common.http.AnsweredBody;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Swift's {@code healthcheck} middleware: {@code GET /healthcheck} → 200 {@code OK} (text/plain), before
 * auth and without touching any backend.
 *
 * <p>Confined to the channel's event loop.
 */
public final class HealthCheckHandler extends ChannelInboundHandlerAdapter {
    private final AnsweredBody answered = new AnsweredBody();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // any method, as Swift's healthcheck middleware (a HEAD gets the headers of the GET)
        if (msg instanceof HttpRequest request && pathOf(request.uri()).equals("/healthcheck")) {
            FullHttpResponse r = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1,
                    HttpResponseStatus.OK,
                    request.method().equals(HttpMethod.HEAD)
                            ? Unpooled.EMPTY_BUFFER
                            : Unpooled.copiedBuffer("OK", StandardCharsets.US_ASCII));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
            r.headers().set(HttpHeaderNames.CONTENT_LENGTH, 2);
            HttpUtil.setKeepAlive(r, HttpUtil.isKeepAlive(request));
            answered.answered(request);
            ctx.writeAndFlush(r);
            return;
        }
        if (!answered.drop(msg)) {
            ctx.fireChannelRead(msg);
        }
    }

    static String pathOf(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }
}
