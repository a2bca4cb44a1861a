package io.cairn.proxy.swift;

/**
 * ETag quoting (reference §4.8): backends quote, the proxy shows plain objects' ETags bare.
 *
 * <p>Thread-safety: stateless.
 */
final class Etags {
    private Etags() {}

    /** Swift's {@code normalize_etag}: the value without surrounding double quotes. */
    static String strip(String etag) {
        String e = etag.trim();
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            return e.substring(1, e.length() - 1);
        }
        return e;
    }
}
