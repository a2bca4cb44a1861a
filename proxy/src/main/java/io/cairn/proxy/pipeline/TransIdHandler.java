package io.cairn.proxy.pipeline;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
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
    private static final char[] HEX = "0123456789abcdef".toCharArray();

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
            String extra = request.headers().get("X-Trans-Id-Extra", "");
            if (extra.length() > 32) {
                extra = extra.substring(0, 32);
            }
            current = transId(ThreadLocalRandom.current(), epochMillis.getAsLong() / 1000) + suffix + extra;
            request.headers().set("X-Trans-Id", current);
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * {@code tx<uuid4().hex[:21]>-<%010x seconds>}, built without {@code UUID.randomUUID} (a shared
     * {@code SecureRandom}: the id names a request in logs, it guards nothing) or {@code String.format}. The
     * version nibble (4) and variant bits stay where a uuid4 has them, so ids look exactly like Swift's.
     */
    static String transId(Random random, long epochSeconds) {
        char[] id = new char[2 + 21 + 1 + 10];
        id[0] = 't';
        id[1] = 'x';
        long high = random.nextLong();
        for (int i = 0; i < 16; i++) {
            id[2 + i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xF];
        }
        int low = random.nextInt();
        for (int i = 0; i < 5; i++) {
            id[18 + i] = HEX[(low >>> (16 - 4 * i)) & 0xF];
        }
        id[2 + 12] = '4';
        id[2 + 16] = HEX[8 | ((low >>> 20) & 0x3)];
        id[23] = '-';
        for (int i = 0; i < 10; i++) {
            id[24 + i] = HEX[(int) (epochSeconds >>> (36 - 4 * i)) & 0xF];
        }
        return new String(id);
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
