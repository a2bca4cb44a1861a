package io.cairn.object.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * {@code Expect: 100-continue} as Swift's object server (eventlet) does it: {@code 100 Continue} goes out
 * only when the operation starts reading the body, so a final status (409, 412, 507, …) can be answered
 * first and the client never sends the body (reference §3.3). Unlike Netty's
 * {@code HttpServerExpectContinueHandler}, which answers 100 as soon as the headers arrive.
 *
 * <p>The operation writes {@link #CONTINUE} when it wants the body; this handler turns it into a
 * {@code 100 Continue} if one is owed, and drops it otherwise. A final response written while the
 * 100 is still owed gets {@code Connection: close}: the client may send the body anyway, and nobody
 * would read it.
 *
 * <p>Confined to the channel's event loop.
 */
public final class ExpectContinueHandler extends ChannelDuplexHandler {
    /** Outbound marker: "the operation is ready for the request body". Not reference-counted. */
    public static final Object CONTINUE = new Continue(EmptyHttpHeaders.INSTANCE);

    /** {@link #CONTINUE} whose {@code 100 Continue} (if one is owed) carries {@code name: value}. */
    public static Object continueWith(String name, String value) {
        return new Continue(new DefaultHttpHeaders().set(name, value));
    }

    private record Continue(HttpHeaders headers) {}

    private boolean continueOwed;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            continueOwed = HttpUtil.is100ContinueExpected(request);
            if (continueOwed) {
                request.headers().remove(HttpHeaderNames.EXPECT);
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof Continue marker) {
            if (continueOwed) {
                continueOwed = false;
                DefaultFullHttpResponse response = new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER);
                response.headers().set(marker.headers());
                ctx.write(response, promise);
            } else {
                promise.setSuccess();
            }
            return;
        }
        if (msg instanceof HttpResponse response
                && response.status().codeClass() != HttpStatusClass.INFORMATIONAL
                && continueOwed) {
            continueOwed = false;
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ctx.write(msg, promise);
    }
}
