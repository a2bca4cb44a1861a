package io.cairn.proxy.versioning;

import io.cairn.proxy.swift.Answer;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * The legacy versioned writes' container requests (Swift's {@code VersionedWritesMiddleware.container_request}):
 * {@code X-Versions-Location} (stack mode) or {@code X-History-Location} (history mode) is stored as sysmeta
 * (location and mode), an empty value or {@code X-Remove-*-Location} clears it, and answers show the location
 * under the header of its mode.
 *
 * <p>Thread-safety: stateless.
 */
final class LegacyContainer {
    private LegacyContainer() {}

    /**
     * Rewrites the request's headers; the answer to give instead (400 for both headers set, 412 when versioned
     * writes are disabled or the location has a slash), or null to go on.
     */
    static @Nullable FullHttpResponse rewrite(HttpHeaders h, boolean enabled, String method) {
        String versions = LegacyNames.VERSIONS_LOCATION;
        String history = LegacyNames.HISTORY_LOCATION;
        if (h.contains(versions) && h.contains(history)) {
            if (h.get(history).isEmpty()) {
                h.remove(history);
            } else if (!h.get(versions).isEmpty()) {
                return Calls.plain(400, "Only one of x-versions-location or x-history-location may be specified");
            } else {
                h.remove(versions);
            }
        }
        if (h.contains(versions) || h.contains(history)) {
            boolean stack = h.contains(versions);
            String val = stack ? h.get(versions) : h.get(history);
            if (val.isEmpty()) {
                h.set("X-Remove-Versions-Location", "x");
            } else if (!enabled && (method.equals("PUT") || method.equals("POST"))) {
                return Calls.plain(412, "Versioned Writes is disabled");
            } else {
                if (val.indexOf('/') >= 0) {
                    return Calls.html(412, "Container name cannot contain slashes");
                }
                h.set(LegacyNames.SYSMETA_LOCATION, val);
                h.set(LegacyNames.SYSMETA_MODE, stack ? "stack" : "history");
                h.set(versions, "");
                h.remove(history);
                h.remove("X-Remove-Versions-Location");
                h.remove("X-Remove-History-Location");
            }
        }
        applyRemoval(h);
        return null;
    }

    /** {@code X-Remove-Versions-Location} or {@code X-Remove-History-Location}: the location is cleared. */
    private static void applyRemoval(HttpHeaders h) {
        boolean remove = !h.get("X-Remove-Versions-Location", "").isEmpty()
                || !h.get("X-Remove-History-Location", "").isEmpty();
        if (remove) {
            h.set(LegacyNames.VERSIONS_LOCATION, "");
            h.set(LegacyNames.SYSMETA_LOCATION, "");
            h.set(LegacyNames.SYSMETA_MODE, "");
            h.remove("X-Remove-Versions-Location");
            h.remove("X-Remove-History-Location");
        }
    }

    /** {@code handle_container_request}: the answer shows the location under its mode's header. */
    static void showLocation(HttpHeaders response) {
        String location = response.get(LegacyNames.SYSMETA_LOCATION, "");
        if (location.isEmpty()) {
            return;
        }
        String mode = response.get(LegacyNames.SYSMETA_MODE, "");
        response.add(mode.equals("history") ? "X-History-Location" : "X-Versions-Location", location);
    }

    /** The container request: headers rewritten, then on below with the answer's headers shown. */
    static @Nullable Operation operationFor(Exchange ex, SwiftApp next, boolean enabled) {
        FullHttpResponse bad = rewrite(ex.headers(), enabled, ex.method().name());
        if (bad != null) {
            return Answer.afterBody(ex, bad);
        }
        ex.filterResponse(head -> showLocation(head.headers()));
        return next.operationFor(ex);
    }
}
