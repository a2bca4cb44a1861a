package io.cairn.object.http;

import io.cairn.common.http.HttpDates;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * swob's conditional-response rules ({@code Response._get_conditional_response_status}, reference §4.9)
 * evaluated against a GET/HEAD result: If-None-Match → 304, If-Match → 412 (also {@code *} on a 404),
 * If-Modified-Since → 304, If-Unmodified-Since → 412, in that order. Dates compare at one-second
 * resolution against {@code Last-Modified = ceil(X-Timestamp)}; they are read as swob reads them
 * ({@link HttpDates#parse}: RFC 1123, RFC 850, asctime and Python's other lenient forms), and one that does
 * not parse is ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class Conditionals {
    private Conditionals() {}

    /**
     * The conditional status, or null to answer normally.
     *
     * @param etag the object's (conditional) ETag, unquoted; null on a 404
     * @param lastModifiedSeconds {@code ceil(X-Timestamp)} in epoch seconds; -1 on a 404
     * @param notFound whether the normal answer is a 404
     */
    public static @Nullable SwiftStatus evaluate(
            HttpHeaders request, @Nullable String etag, long lastModifiedSeconds, boolean notFound) {
        String ifNoneMatch = request.get(HttpHeaderNames.IF_NONE_MATCH);
        String ifMatch = request.get(HttpHeaderNames.IF_MATCH);
        if (etag != null && ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return SwiftStatus.NOT_MODIFIED;
        }
        if (etag != null && ifMatch != null && !matches(ifMatch, etag)) {
            return SwiftStatus.PRECONDITION_FAILED;
        }
        if (notFound && ifMatch != null && tags(ifMatch).contains("*")) {
            return SwiftStatus.PRECONDITION_FAILED;
        }
        if (lastModifiedSeconds >= 0) {
            long since = parseDate(request.get(HttpHeaderNames.IF_MODIFIED_SINCE));
            if (since != HttpDates.INVALID && lastModifiedSeconds <= since) {
                return SwiftStatus.NOT_MODIFIED;
            }
            long unmodified = parseDate(request.get(HttpHeaderNames.IF_UNMODIFIED_SINCE));
            if (unmodified != HttpDates.INVALID && lastModifiedSeconds > unmodified) {
                return SwiftStatus.PRECONDITION_FAILED;
            }
        }
        return null;
    }

    /** swob's {@code Match.__contains__}: {@code *} matches anything; tags compare unquoted. */
    public static boolean matches(String header, String etag) {
        java.util.Set<String> tags = tags(header);
        return tags.contains("*") || tags.contains(normalizeEtag(etag));
    }

    private static java.util.Set<String> tags(String header) {
        java.util.Set<String> tags = new java.util.HashSet<>();
        for (String tag : header.split(",", -1)) {
            String t = tag.strip();
            if (!t.isEmpty()) {
                tags.add(normalizeEtag(t));
            }
        }
        return tags;
    }

    /** swob's {@code normalize_etag}: strips one pair of surrounding double quotes. */
    public static String normalizeEtag(String tag) {
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            return tag.substring(1, tag.length() - 1);
        }
        return tag;
    }

    /**
     * An HTTP date in epoch seconds, or {@link HttpDates#INVALID} when absent or unparsable (the header is then
     * ignored): swob's {@code _datetime_property}, see {@link HttpDates#parse}.
     */
    static long parseDate(@Nullable String value) {
        return HttpDates.parse(value);
    }
}
