package io.cairn.proxy.swift;

import io.cairn.common.path.PercentCoding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A query string as swob's {@code req.params} reads it ({@code parse_qsl(keep_blank_values=True)}, the last
 * occurrence of a name wins) and writes it back. Only {@code &} separates pairs: Python 3.9.2's {@code
 * parse_qsl}, under which Swift 2.30.1 runs, no longer splits on {@code ;}.
 *
 * <p>Thread-safety: stateless.
 */
public final class QueryParams {
    private QueryParams() {}

    /** The parameters of {@code query} (without {@code ?}), in order of first appearance. */
    public static Map<String, String> parse(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        forEachPair(query, out::put);
        return out;
    }

    /**
     * Each non-empty {@code name=value} pair of {@code query} (wire characters, without {@code ?}) in order,
     * both decoded as {@code unquote_plus} does ({@code +} is a space, malformed escapes stay as they are); a
     * pair without {@code =} has the value "".
     */
    public static void forEachPair(String query, BiConsumer<String, String> pair) {
        int start = 0;
        int n = query.length();
        while (start < n) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start) {
                int eq = query.indexOf('=', start);
                if (eq < 0 || eq > end) {
                    pair.accept(decode(query.substring(start, end)), "");
                } else {
                    pair.accept(decode(query.substring(start, eq)), decode(query.substring(eq + 1, end)));
                }
            }
            start = end + 1;
        }
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
        return PercentCoding.unquote(s.indexOf('+') < 0 ? s : s.replace('+', ' '));
    }
}
