package io.cairn.proxy.s3api.auth;

import io.cairn.proxy.swift.QueryParams;
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
        QueryParams.forEachPair(raw, m::put);
        return new S3Query(m, raw);
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
