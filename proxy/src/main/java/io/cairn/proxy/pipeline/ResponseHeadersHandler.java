package io.cairn.proxy.pipeline;

import io.cairn.common.http.HttpDates;
import io.cairn.common.path.PercentCoding;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What every response gets on its way out, whichever stage answered it: a {@code Date} header (eventlet's
 * WSGI server adds one), {@code Connection: keep-alive} echoed to a client that sent it (eventlet does,
 * and only then), and on a 401 without one (but for an OPTIONS preflight) Swift's {@code Www-Authenticate:
 * Swift realm="<account>"} (swob's {@code www_authenticate}: the account segment of the path, percent-quoted
 * byte by byte, or {@code unknown}).
 *
 * <p>Confined to the channel's event loop.
 */
public final class ResponseHeadersHandler extends ChannelDuplexHandler {
    private final LongSupplier epochMillis;
    /** The request being answered: its URI is read when the answer goes out, after any stage rewrote it. */
    private @Nullable HttpRequest request;

    private boolean echoKeepAlive;
    private boolean options;
    private long dateSecond = Long.MIN_VALUE;
    private String date = "";

    public ResponseHeadersHandler(LongSupplier epochMillis) {
        this.epochMillis = epochMillis;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            this.request = request;
            options = request.method().equals(HttpMethod.OPTIONS);
            echoKeepAlive =
                    request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE, true);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().code() >= 200) {
            var h = response.headers();
            if (!h.contains(HttpHeaderNames.DATE)) {
                h.set(HttpHeaderNames.DATE, date());
            }
            // a refused CORS preflight is a 200 whose status Swift changes to 401 afterwards: no realm
            if (response.status().code() == 401 && !options && !h.contains(HttpHeaderNames.WWW_AUTHENTICATE)) {
                h.set(HttpHeaderNames.WWW_AUTHENTICATE, "Swift realm=\"" + realm(uri()) + "\"");
            }
            if (echoKeepAlive && HttpUtil.isKeepAlive(response)) {
                h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
        }
        ctx.write(msg, promise);
    }

    private String date() {
        long second = Math.floorDiv(epochMillis.getAsLong(), 1000);
        if (second != dateSecond) {
            dateSecond = second;
            date = HttpDates.format(second);
        }
        return date;
    }

    /**
     * swob's {@code www_authenticate}: {@code split_path(2, 3, True)} of the unquoted path; its second
     * segment (the account), {@code unknown} for {@code v1.0}, {@code auth} or a path that does not split.
     */
    private String uri() {
        HttpRequest r = request;
        return r == null ? "/" : r.uri();
    }

    static String realm(String uri) {
        int q = uri.indexOf('?');
        String path = new String(
                PercentCoding.unquoteToBytes(q < 0 ? uri : uri.substring(0, q)), StandardCharsets.ISO_8859_1);
        String[] segs = path.split("/", 4);
        // split_path(path, 2, 3, rest_with_last=True): '', version, account[, rest]; both non-empty
        if (segs.length < 3 || !segs[0].isEmpty() || segs[1].isEmpty() || segs[2].isEmpty()) {
            return "unknown";
        }
        String realm = segs[2];
        if (realm.equals("v1.0") || realm.equals("auth")) {
            return "unknown";
        }
        return PercentCoding.quote(realm.getBytes(StandardCharsets.ISO_8859_1));
    }
}
