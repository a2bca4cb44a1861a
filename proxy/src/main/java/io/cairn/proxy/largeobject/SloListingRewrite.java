package io.cairn.proxy.largeobject;

import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A container GET through the {@code slo} filter (Swift's {@code handle_container_listing}): in a JSON listing,
 * an SLO's {@code hash} carries the container-update override {@code <md5>; slo_etag=<etag>}; the entry is
 * answered with {@code "hash": "<md5>"} and {@code "slo_etag": "\"<etag>\""}. A listing without any SLO (no
 * {@code slo_etag=} in it) is relayed as it came.
 *
 * <p>Confined to the exchange's event loop.
 */
final class SloListingRewrite extends PassOn {
    SloListingRewrite(Exchange exchange, SwiftApp next) {
        super(exchange, next);
    }

    @Override
    void answer(FullHttpResponse r) {
        int status = r.status().code();
        String type = r.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        if (status < 200 || status >= 300 || !type.startsWith("application/json")) {
            exchange.respond(r);
            return;
        }
        String body = r.content().toString(StandardCharsets.UTF_8);
        String rewritten = body.contains("slo_etag=") ? rewrite(body) : null;
        if (rewritten == null) {
            exchange.respond(r);
            return;
        }
        byte[] bytes = rewritten.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse out = r.replace(Unpooled.wrappedBuffer(bytes));
        r.release();
        out.headers().set(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(bytes.length));
        exchange.respond(out);
    }

    /** The listing with its SLO entries' {@code slo_etag} split out; null when it is not a JSON list. */
    static @Nullable String rewrite(String json) {
        return LargeObjects.rewriteRows(json, (row, hash) -> {
            if (!row.containsKey("subdir")) {
                split(row, hash);
            }
        });
    }

    /** {@code parse_header(hash)}: the etag, then {@code ; key=value} params; {@code slo_etag} moved out. */
    private static void split(Map<String, Object> item, String hash) {
        String[] parts = hash.split(";");
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            if (eq > 0) {
                String v = p.substring(eq + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                params.put(p.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), v);
            }
        }
        String slo = params.remove("slo_etag");
        if (slo == null) {
            return;
        }
        StringBuilder h = new StringBuilder(parts[0].strip());
        params.forEach((k, v) -> h.append("; ").append(k).append('=').append(v));
        item.put("hash", h.toString());
        item.put("slo_etag", "\"" + slo + "\"");
    }
}
