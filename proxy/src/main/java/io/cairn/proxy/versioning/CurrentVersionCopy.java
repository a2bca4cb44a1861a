package io.cairn.proxy.versioning;

import io.cairn.common.time.Timestamp;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code _copy_current}: before a write to a versioned container, an object that is not yet a
 * version's symlink (it was written while versioning was off) is copied into the versions container under its
 * own timestamp, so it becomes a version ({@link StreamedCopy}: streamed, whatever its size).
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
        SwiftPath p = op.exchange.path();
        StreamedCopy.run(
                op,
                app,
                p,
                head -> {
                    if ("true".equals(head.headers().get(VersionNames.SYSMETA_VERSIONS_SYMLINK))) {
                        return null;
                    }
                    Timestamp ts = ObjectCopies.timestampOf(head.headers());
                    ts = ts.offset() == 0 ? ts : Timestamp.ofRaw(ts.raw(), 0);
                    String name = VersionNames.versionObject(p.objectName(), ts);
                    return new SwiftPath(p.version(), p.account(), versionsContainer, name, "");
                },
                r -> {
                    int status = r.status().code();
                    if (status == 404 || Calls.isSuccess(status)) {
                        // nothing to version, or already a version's link
                        r.release();
                        next.accept(null);
                    } else {
                        next.accept(Calls.error(r));
                    }
                },
                r -> {
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
                });
    }
}
