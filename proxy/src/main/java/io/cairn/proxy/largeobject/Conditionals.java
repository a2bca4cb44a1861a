package io.cairn.proxy.largeobject;

import io.cairn.common.http.HttpDates;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * swob's {@code Response._get_conditional_response_status} for an answer the proxy assembles (a large
 * object's, whose ETag the object servers never saw): {@code If-None-Match} (304), {@code If-Match} (412),
 * {@code If-Modified-Since} (304), {@code If-Unmodified-Since} (412), in that order.
 *
 * <p>Thread-safety: stateless.
 */
final class Conditionals {
    private Conditionals() {}

    /** 304 or 412 when a condition of {@code request} stops the answer; 0 otherwise. */
    static int evaluate(HttpHeaders request, @Nullable String etag, @Nullable String lastModified) {
        String inm = request.get("If-None-Match");
        if (etag != null && !etag.isEmpty() && inm != null && matches(inm, etag)) {
            return 304;
        }
        String im = request.get("If-Match");
        if (etag != null && !etag.isEmpty() && im != null && !matches(im, etag)) {
            return 412;
        }
        long modified = lastModified == null ? HttpDates.INVALID : HttpDates.parse(lastModified);
        if (modified != HttpDates.INVALID) {
            long ims = HttpDates.parse(request.get("If-Modified-Since"));
            if (ims != HttpDates.INVALID && modified <= ims) {
                return 304;
            }
            long ius = HttpDates.parse(request.get("If-Unmodified-Since"));
            if (ius != HttpDates.INVALID && modified > ius) {
                return 412;
            }
        }
        return 0;
    }

    /** swob's {@code Match}: comma-separated tags, quotes optional, {@code *} matches anything. */
    static boolean matches(String header, String etag) {
        String want = normalize(etag);
        for (String tag : header.split(",", -1)) {
            String t = tag.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.equals("*") || normalize(t).equals(want)) {
                return true;
            }
        }
        return false;
    }

    /** swob's {@code normalize_etag}: one pair of surrounding quotes removed. */
    static String normalize(String tag) {
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            return tag.substring(1, tag.length() - 1);
        }
        return tag;
    }
}
