package io.cairn.proxy.versioning;

import io.cairn.common.time.Timestamp;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
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
    private CurrentVersionCopy() {}

    /**
     * Copies the current object of {@code op}'s exchange if needed, then calls {@code next} with null, or with
     * the answer to give instead (an error).
     */
    static void run(
            FilterOperation op, SwiftApp app, String versionsContainer, Consumer<@Nullable FullHttpResponse> next) {
        ObjectCopies.read(op, app, op.exchange.path(), r -> {
            int status = r.status().code();
            if (status == 404) {
                r.release();
                next.accept(null);
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
        });
    }

    private static void copy(
            FilterOperation op,
            SwiftApp app,
            String versionsContainer,
            FullHttpResponse source,
            Consumer<@Nullable FullHttpResponse> next) {
        Exchange ex = op.exchange;
        SwiftPath p = ex.path();
        Timestamp ts = ObjectCopies.timestampOf(source.headers());
        ts = ts.offset() == 0 ? ts : Timestamp.ofRaw(ts.raw(), 0);
        SwiftPath to = new SwiftPath(
                p.version(), p.account(), versionsContainer, VersionNames.versionObject(p.objectName(), ts), "");
        HttpHeaders h = ObjectCopies.copyHeaders(source.headers());
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
}
