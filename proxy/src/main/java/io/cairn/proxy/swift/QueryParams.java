package io.cairn.proxy.swift;

import io.cairn.common.path.PercentCoding;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A query string as swob's {@code req.params} reads it ({@code parse_qsl(keep_blank_values=True)}, the last
 * occurrence of a name wins) and writes it back.
 *
 * <p>Thread-safety: stateless.
 */
public final class QueryParams {
    private QueryParams() {}

    /** The parameters of {@code query} (without {@code ?}), in order of first appearance. */
    public static Map<String, String> parse(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.put(k, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    /** {@code urlencode(params)}. */
    public static String build(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(PercentCoding.quote(k, "")).append('=').append(PercentCoding.quote(v, ""));
        });
        return sb.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
