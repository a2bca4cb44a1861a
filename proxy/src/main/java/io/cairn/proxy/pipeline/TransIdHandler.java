package io.cairn.proxy.pipeline;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Swift's {@code catch_errors} transaction id: every request gets {@code X-Trans-Id = tx<21 hex of a
 * uuid4>-<%010x epoch seconds><suffix>} (plus a client's {@code X-Trans-Id-Extra}, ≤ 32 characters), set
 * on the request for the backends and the access log, and echoed as {@code X-Trans-Id} and {@code
 * X-Openstack-Request-Id} on its response.
 *
 * <p>Confined to the channel's event loop; requests on one connection are served one at a time.
 */
public final class TransIdHandler extends ChannelDuplexHandler {
    private final String suffix;
    private final LongSupplier epochMillis;
    private String current = "";

    public TransIdHandler(String suffix, LongSupplier epochMillis) {
        this.suffix = suffix;
        this.epochMillis = epochMillis;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            String uuid = UUID.randomUUID().toString().replace("-", "");
            String extra = request.headers().get("X-Trans-Id-Extra", "");
            if (extra.length() > 32) {
                extra = extra.substring(0, 32);
            }
            current = "tx" + uuid.substring(0, 21) + "-" + String.format("%010x", epochMillis.getAsLong() / 1000)
                    + suffix + extra;
            request.headers().set("X-Trans-Id", current);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response
                && !response.status().equals(HttpResponseStatus.CONTINUE)
                && !current.isEmpty()) {
            response.headers().set("X-Trans-Id", current);
            response.headers().set("X-Openstack-Request-Id", current);
        }
        ctx.write(msg, promise);
    }
}
