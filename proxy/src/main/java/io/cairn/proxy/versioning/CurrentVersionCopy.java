package io.cairn.proxy.versioning;

import io.cairn.common.time.Timestamp;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code _copy_current}: before a write to a versioned container, an object that is not yet a
 * version's symlink (it was written while versioning was off) is copied into the versions container under its
 * own timestamp, so it becomes a version. The source is read whole ({@code Subrequests.MAX_CALL_BODY} at most;
 * a larger unversioned object is refused with 413 rather than half-copied).
 *
 * <p>Confined to the exchange's event loop.
 */
final class CurrentVersionCopy {
    /** The headers of the source worth keeping on the copy (what the object server stores). */
    private static final String[] KEPT = {
        "Content-Type",
        "Content-Encoding",
        "Content-Disposition",
        "X-Delete-At",
        "X-Static-Large-Object",
        "X-Object-Manifest",
        "ETag"
    };

    private CurrentVersionCopy() {}

    /**
     * Copies the current object of {@code op}'s exchange if needed, then calls {@code next} with null, or with
     * the answer to give instead (an error).
     */
    static void run(
            FilterOperation op, SwiftApp app, String versionsContainer, Consumer<@Nullable FullHttpResponse> next) {
        Exchange ex = op.exchange;
        SwiftPath p = ex.path();
        SwiftPath self = new SwiftPath(p.version(), p.account(), p.containerName(), p.objectName(), "symlink=get");
        HttpHeaders h = new DefaultHttpHeaders().set("X-Newest", "True");
        op.track(io.cairn.proxy.swift.Subrequests.call(ex.preAuthorized(), app, HttpMethod.GET, self, h, null, r -> {
            int status = r.status().code();
            if (status == 404) {
                r.release();
                next.accept(null);
                return;
            }
            if (status == 500
                    && r.content().readableBytes() == 0
                    && !r.headers().contains("X-Timestamp")) {
                // the whole-answer limit was passed: Swift's MAX_FILE_SIZE check answers such sources 413
                r.release();
                next.accept(SwiftResponses.standard(413));
                return;
            }
            FullHttpResponse bad = Calls.error(r);
            if (bad != null) {
                next.accept(bad);
                return;
            }
            if ("true".equals(r.headers().get(VersionNames.SYSMETA_VERSIONS_SYMLINK))) {
                r.release();
                next.accept(null);
                return;
            }
            copy(op, app, versionsContainer, r, next);
        }));
    }

    private static void copy(
            FilterOperation op,
            SwiftApp app,
            String versionsContainer,
            FullHttpResponse source,
            Consumer<@Nullable FullHttpResponse> next) {
        Exchange ex = op.exchange;
        SwiftPath p = ex.path();
        HttpHeaders sh = source.headers();
        Timestamp ts = sourceTimestamp(sh);
        SwiftPath to = new SwiftPath(
                p.version(), p.account(), versionsContainer, VersionNames.versionObject(p.objectName(), ts), "");
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
        op.track(Calls.preAuthed(
                ex, app, HttpMethod.PUT, to, h, source.content().retain(), r -> {
                    source.release();
                    if (r.status().code() == 404) {
                        r.release();
                        next.accept(Calls.plain(500, Calls.NO_VERSIONS_CONTAINER));
                        return;
                    }
                    FullHttpResponse bad = Calls.error(r);
                    if (bad == null) {
                        r.release();
                    }
                    next.accept(bad);
                }));
    }

    /** {@code x-timestamp}, else {@code Last-Modified} in whole seconds. */
    private static Timestamp sourceTimestamp(HttpHeaders h) {
        String xts = h.get("X-Timestamp");
        Timestamp ts = xts == null ? null : VersionNames.parseTimestamp(xts);
        if (ts != null) {
            return ts.offset() == 0 ? ts : Timestamp.ofRaw(ts.raw(), 0);
        }
        String lm = h.get(HttpHeaderNames.LAST_MODIFIED);
        long seconds = 0;
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
