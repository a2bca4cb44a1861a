package io.cairn.proxy.info;

import io.cairn.common.codec.Utf8;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the proxy knows about an account from a backend HEAD (Swift's {@code headers_to_account_info},
 * reference §4.6).
 *
 * <p>Immutable.
 *
 * @param status the HEAD's status (2xx: exists; 404/410: not; 0: could not tell)
 * @param reallyExists false when the account does not exist but {@code account_autocreate} would make it
 * @param meta {@code X-Account-Meta-*} by lower-case name after the prefix
 * @param sysmeta {@code X-Account-Sysmeta-*} by lower-case name after the prefix
 */
public record AccountInfo(
        int status,
        boolean reallyExists,
        long containerCount,
        long objectCount,
        long bytes,
        Map<String, String> meta,
        Map<String, String> sysmeta) {

    /** Copies the maps. */
    public AccountInfo {
        meta = Map.copyOf(meta);
        sysmeta = Map.copyOf(sysmeta);
    }

    /** Whether the account exists (2xx). */
    public boolean exists() {
        return status >= 200 && status < 300;
    }

    /** Builds the info from a HEAD's status and headers. */
    public static AccountInfo fromHeaders(int status, HttpHeaders h) {
        boolean fake = "yes".equalsIgnoreCase(h.get("X-Backend-Fake-Account-Listing"));
        return new AccountInfo(
                status,
                status >= 200 && status < 300 && !fake,
                longHeader(h, "X-Account-Container-Count"),
                longHeader(h, "X-Account-Object-Count"),
                longHeader(h, "X-Account-Bytes-Used"),
                prefixed(h, "x-account-meta-"),
                prefixed(h, "x-account-sysmeta-"));
    }

    static long longHeader(HttpHeaders h, String name) {
        return HeaderNumbers.longOr(h.get(name), 0);
    }

    static Map<String, String> prefixed(HttpHeaders h, String lowerPrefix) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : h) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.startsWith(lowerPrefix)) {
                // as Swift's _prep_headers_to_info: names and values are text (wsgi_to_str), not wire strings
                out.put(Utf8.wsgiToStr(k.substring(lowerPrefix.length())), Utf8.wsgiToStr(e.getValue()));
            }
        }
        return out;
    }
}
