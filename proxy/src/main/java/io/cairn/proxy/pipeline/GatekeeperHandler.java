package io.cairn.proxy.pipeline;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Swift's {@code gatekeeper} (reference §4.1): removes internal headers (sysmeta, {@code X-Backend-*},
 * container/account/delete-at update targets) from client requests and from responses; moves a client
 * {@code X-Timestamp} to {@code X-Backend-Inbound-X-Timestamp}; copies {@code X-Storage-Token} to {@code
 * X-Auth-Token}; drops {@code Content-Length} when {@code Transfer-Encoding: chunked} is also present.
 *
 * <p>Confined to the channel's event loop; stateless.
 */
public final class GatekeeperHandler extends ChannelDuplexHandler {
    private static final List<String> PREFIXES = List.of(
            "x-account-sysmeta-",
            "x-container-sysmeta-",
            "x-object-sysmeta-",
            "x-object-transient-sysmeta-",
            "x-backend-");
    private static final Set<String> EXACT = Set.of(
            "x-account-host",
            "x-account-device",
            "x-account-partition",
            "x-container-host",
            "x-container-device",
            "x-container-partition",
            "x-container-root-db-state",
            "x-delete-at-host",
            "x-delete-at-device",
            "x-delete-at-partition",
            "x-delete-at-container");

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            HttpHeaders h = request.headers();
            strip(h);
            String ts = h.get("X-Timestamp");
            if (ts != null) {
                h.remove("X-Timestamp");
                h.set("X-Backend-Inbound-X-Timestamp", ts);
            }
            String storageToken = h.get("X-Storage-Token");
            if (storageToken != null && !h.contains("X-Auth-Token")) {
                h.set("X-Auth-Token", storageToken);
            }
            if (HttpUtil.isTransferEncodingChunked(request)) {
                h.remove(HttpHeaderNames.CONTENT_LENGTH);
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            strip(response.headers());
        }
        ctx.write(msg, promise);
    }

    /** Removes every internal header from {@code h}. */
    public static void strip(HttpHeaders h) {
        List<String> doomed = new ArrayList<>();
        for (Map.Entry<String, String> e : h) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (EXACT.contains(k) || startsWithAny(k)) {
                doomed.add(e.getKey());
            }
        }
        for (String k : doomed) {
            h.remove(k);
        }
    }

    private static boolean startsWithAny(String k) {
        for (String p : PREFIXES) {
            if (k.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
