package io.cairn.proxy.s3api.auth;

import io.cairn.common.path.PercentCoding;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A request's query string as s3api reads it (swob's {@code params}: {@code parse_qsl(keep_blank_values=True)}
 * into a dict, so the last of repeated keys wins; {@code +} is a space; values percent-decoded as UTF-8),
 * sorted by key.
 *
 * <p>Immutable.
 */
public final class S3Query {
    private final Map<String, String> params;
    private final String raw;

    private S3Query(Map<String, String> params, String raw) {
        this.params = Collections.unmodifiableMap(params);
        this.raw = raw;
    }

    /** Parses {@code raw} (without the {@code ?}, wire characters). */
    public static S3Query parse(String raw) {
        Map<String, String> m = new TreeMap<>();
        if (!raw.isEmpty()) {
            for (String pair : raw.split("[&;]")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                m.put(decode(k), decode(v));
            }
        }
        return new S3Query(m, raw);
    }

    private static String decode(String s) {
        return PercentCoding.unquote(s.replace('+', ' '));
    }

    /** The value of {@code key} (empty for a bare key), or null. */
    public @Nullable String get(String key) {
        return params.get(key);
    }

    public boolean has(String key) {
        return params.containsKey(key);
    }

    /** All parameters, sorted by key. */
    public Map<String, String> all() {
        return params;
    }

    /** The query as received. */
    public String raw() {
        return raw;
    }
}
