package io.cairn.proxy.largeobject;

import io.cairn.common.codec.Json;
import io.cairn.common.config.ConfigSection;
import io.cairn.proxy.bulk.BulkResults;
import io.cairn.proxy.info.HeaderNumbers;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The large-object filters by their Swift egg entry names, and what they share.
 *
 * <p>Thread-safety: stateless.
 */
public final class LargeObjects {
    /** The request headers a large-object subrequest carries over from the client's (Swift's {@code make_subrequest}). */
    private static final List<String> CARRIED =
            List.of("X-Auth-Token", "X-Storage-Token", "X-Service-Token", "Referer", "User-Agent", "Host", "Origin");

    private LargeObjects() {}

    /**
     * The filter for egg entry {@code entry} ({@code slo}, {@code dlo}) configured from its section; unknown
     * keys are added to {@code warnings}.
     *
     * @throws IllegalArgumentException for an entry that is not a large-object filter
     */
    public static Middleware middleware(String entry, ConfigSection section, List<String> warnings) {
        return switch (entry) {
            case "slo" -> {
                SloConfig c = SloConfig.from(section);
                c.unknownKeys().forEach(k -> warnings.add("[" + section.name() + "] unknown key " + k));
                yield new StaticLargeObject(c, Clock.systemUTC());
            }
            case "dlo" -> {
                DloConfig c = DloConfig.from(section);
                c.unknownKeys().forEach(k -> warnings.add("[" + section.name() + "] unknown key " + k));
                yield new DynamicLargeObject(c, Clock.systemUTC());
            }
            case "symlink" -> Symlink.from(section, warnings);
            default -> throw new IllegalArgumentException("not a large-object filter: " + entry);
        };
    }

    /** The client's identity headers for a subrequest made on its behalf. */
    static HttpHeaders subrequestHeaders(HttpHeaders client) {
        HttpHeaders h = new DefaultHttpHeaders();
        for (String name : CARRIED) {
            String v = client.get(name);
            if (v != null) {
                h.set(name, v);
            }
        }
        return h;
    }

    /** An ETag without its quotes (swob's {@code resp.etag}: every {@code "} removed). */
    static @Nullable String unquote(@Nullable String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }

    /**
     * A JSON listing with each row that has a {@code hash} given to {@code row} (with that hash) to rewrite in
     * place; null when the listing is not a JSON list.
     */
    @SuppressWarnings("unchecked")
    static @Nullable String rewriteRows(String json, BiConsumer<Map<String, Object>, String> row) {
        Object doc;
        try {
            doc = Json.parse(json);
        } catch (Json.JsonException e) {
            return null;
        }
        if (!(doc instanceof List<?> items)) {
            return null;
        }
        for (Object o : items) {
            if (o instanceof Map<?, ?> m && m.get("hash") instanceof String hash) {
                row.accept((Map<String, Object>) m, hash);
            }
        }
        return Json.write(items);
    }

    /** A header's integer value; -1 when absent or not one. */
    static long parseLong(@Nullable String v) {
        return HeaderNumbers.longOr(v, -1);
    }

    /** The value of a query parameter (first occurrence, percent-decoded), or null. */
    static @Nullable String param(String query, String name) {
        if (query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(k).equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** bulk's {@code ACCEPTABLE_FORMATS}: the types of SLO and bulk result documents. */
    static final List<String> RESULT_FORMATS = BulkResults.FORMATS;

    /** {@link BulkResults#bestFormat}. */
    static @Nullable String bestResultFormat(@Nullable String accept) {
        return BulkResults.bestFormat(accept);
    }

    /** {@link BulkResults#body}. */
    static String resultBody(String format, java.util.Map<String, Object> data, List<String[]> errors, String root) {
        return BulkResults.body(format, data, errors, root);
    }

    /**
     * Answers with a document as Swift sends a generator's output: {@code Transfer-Encoding: chunked}, no
     * {@code Content-Length}.
     */
    static void sendChunked(Exchange exchange, int status, String type, String doc) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, SwiftResponses.status(status));
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        exchange.startResponse(head);
        exchange.writeBody(new DefaultHttpContent(Unpooled.wrappedBuffer(doc.getBytes(StandardCharsets.UTF_8))));
        exchange.endResponse(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    /** Swift's {@code config_true_value}. */
    static boolean isTrue(@Nullable String v) {
        return v != null && ConfigSection.TRUE_VALUES.contains(v.trim().toLowerCase(Locale.ROOT));
    }
}
