package io.cairn.proxy.s3api;

import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * The {@code s3api} stage before auth (Swift's s3api sits before tempauth): an S3 request is authenticated here
 * ({@link S3Front}) and passed on as an {@link S3HttpRequest} addressed to the user's account, with a token of
 * the user, for the {@link S3Api} middleware to serve; an S3 request that fails authentication is answered
 * here with S3's error document (its body discarded). Requests without S3 authentication pass untouched, at
 * the cost of a look at the path, the query and one header.
 *
 * <p>Confined to the channel's event loop.
 */
public final class S3RequestHandler extends ChannelInboundHandlerAdapter {
    private final S3Front front;
    private boolean swallowing;

    public S3RequestHandler(S3Front front) {
        this.front = front;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && !(msg instanceof LastHttpContent)) {
            swallowing = false;
            HttpRequest out;
            try {
                out = front.translate(request);
            } catch (S3Exception e) {
                FullHttpResponse answer = S3ErrorResponses.render(
                        e,
                        request.headers().get("X-Trans-Id", "-"),
                        request.method().name().equals("HEAD"));
                HttpUtil.setKeepAlive(answer, HttpUtil.isKeepAlive(request));
                swallowing = true;
                ctx.writeAndFlush(answer);
                return;
            }
            ctx.fireChannelRead(out == null ? request : out);
            return;
        }
        if (swallowing && msg instanceof HttpContent) {
            swallowing = !(msg instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
