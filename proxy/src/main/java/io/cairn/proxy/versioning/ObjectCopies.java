package io.cairn.proxy.versioning;

import io.cairn.common.time.Timestamp;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The object copies both versioning modes make (Swift's {@code _get_source_object}, {@code _put_versioned_obj}):
 * reading an object whole ({@code ?symlink=get}, newest replica) and writing it elsewhere with its metadata, both
 * not authorized as the caller; and the legacy mode's {@code _check_response_error}, where any client error
 * answers 412.
 *
 * <p>Confined to the exchange's event loop.
 */
final class ObjectCopies {
    /** The headers of the source kept on the copy. */
    private static final String[] KEPT = {
        "Content-Type",
        "Content-Encoding",
        "Content-Disposition",
        "X-Delete-At",
        "X-Static-Large-Object",
        "X-Object-Manifest",
        // a link read with ?symlink=get shows its target as these; written back through the symlink filter below,
        // the copy is a link again (Swift's legacy versioning keeps them the same way)
        "X-Symlink-Target",
        "X-Symlink-Target-Account",
        "X-Symlink-Target-Etag",
        "ETag"
    };

    private ObjectCopies() {}

    /** {@code _check_response_error}: null on success, else 412 for a 4xx and 503 otherwise. */
    static @Nullable FullHttpResponse error(int status) {
        if (Calls.isSuccess(status)) {
            return null;
        }
        return SwiftResponses.standard(status >= 400 && status < 500 ? 412 : 503);
    }

    /**
     * The headers a copy of an object carries: what the object server stores ({@code copy_header_subset} but
     * {@code X-Timestamp}), and {@code ;swift_bytes=} for an SLO manifest.
     */
    static HttpHeaders copyHeaders(HttpHeaders sh) {
        HttpHeaders h = new DefaultHttpHeaders();
        for (String name : KEPT) {
            String v = sh.get(name);
            if (v != null) {
                h.set(name, v);
            }
        }
        Calls.copyHeaders(sh, h, n -> {
            String l = n.toLowerCase(Locale.ROOT);
            return l.startsWith("x-object-meta-") || l.startsWith("x-object-sysmeta-");
        });
        String sloSize = h.get("X-Object-Sysmeta-Slo-Size");
        if (sloSize != null && !sloSize.isEmpty()) {
            h.set(HttpHeaderNames.CONTENT_TYPE, h.get(HttpHeaderNames.CONTENT_TYPE, "") + "; swift_bytes=" + sloSize);
        }
        return h;
    }

    /** The source's {@code X-Timestamp}, else its {@code Last-Modified}. */
    static Timestamp timestampOf(HttpHeaders h) {
        String xts = h.get("X-Timestamp");
        Timestamp ts = xts == null ? null : VersionNames.parseTimestamp(xts);
        if (ts != null) {
            return ts;
        }
        long seconds = 0;
        String lm = h.get(HttpHeaderNames.LAST_MODIFIED);
        if (lm != null) {
            try {
                seconds = ZonedDateTime.parse(lm, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toEpochSecond();
            } catch (java.time.format.DateTimeParseException e) {
                seconds = 0;
            }
        }
        return Timestamp.ofRaw(seconds * Timestamp.UNITS_PER_SECOND, 0);
    }
}
