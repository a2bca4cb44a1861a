package io.cairn.proxy.pipeline;

import io.cairn.common.http.AnsweredBody;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * The auth stage: requests on the auth prefix (token issuance) and requests with an invalid token are
 * answered here by the {@link AccessPolicy}; everything else passes on, to be authorized by its operation once the container's ACLs
 * are known (Swift's {@code delay_denial}).
 *
 * <p>Confined to the channel's event loop.
 */
public final class AuthHandler extends ChannelInboundHandlerAdapter {
    private final AccessPolicy policy;
    private final AnsweredBody answered = new AnsweredBody();

    public AuthHandler(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            FullHttpResponse answer = policy.answerEarly(request, ctx.channel().localAddress());
            if (answer != null) {
                HttpUtil.setKeepAlive(answer, HttpUtil.isKeepAlive(request));
                answered.answered(request);
                ctx.writeAndFlush(answer);
                return;
            }
        } else if (answered.drop(msg)) {
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
