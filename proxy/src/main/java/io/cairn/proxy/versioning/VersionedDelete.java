package io.cairn.proxy.versioning;

import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * A DELETE in a container with versioning enabled (Swift's {@code handle_delete}): the current object is made a
 * version if it is not one, a zero-byte delete marker is written as the newest version, then the object (the
 * link) is deleted; the answer names the marker's version id.
 *
 * <p>Confined to the exchange's event loop.
 */
final class VersionedDelete extends AfterBody {
    private final SwiftApp next;
    private final ContainerInfo info;
    private final String versionsContainer;

    VersionedDelete(Exchange exchange, SwiftApp next, ContainerInfo info, String versionsContainer) {
        super(exchange);
        this.next = next;
        this.info = info;
        this.versionsContainer = versionsContainer;
    }

    @Override
    void run() {
        FullHttpResponse denied = exchange.denialFor("DELETE", info);
        if (denied != null) {
            reply(denied);
            return;
        }
        CurrentVersionCopy.run(this, next, versionsContainer, bad -> {
            if (bad != null) {
                reply(bad);
            } else {
                writeMarker();
            }
        });
    }

    private void writeMarker() {
        SwiftPath p = exchange.path();
        String marker = VersionNames.versionObject(p.objectName(), exchange.timestamp());
        SwiftPath to = new SwiftPath(p.version(), p.account(), versionsContainer, marker, "");
        HttpHeaders h = new DefaultHttpHeaders();
        h.set("Content-Type", VersionNames.DELETE_MARKER_CONTENT_TYPE);
        String token = exchange.headers().get("X-Auth-Token");
        if (token != null) {
            h.set("X-Auth-Token", token);
        }
        track(Calls.preAuthed(exchange, next, HttpMethod.PUT, to, h, Unpooled.EMPTY_BUFFER, r -> {
            FullHttpResponse bad = Calls.error(r);
            if (bad != null) {
                reply(bad);
                return;
            }
            r.release();
            deleteLink(marker);
        }));
    }

    private void deleteLink(String marker) {
        String[] split = VersionNames.splitVersion(marker);
        String id = split == null ? "" : split[1];
        HttpHeaders h = exchange.headers().copy();
        track(Subrequests.call(exchange, next, HttpMethod.DELETE, exchange.path(), h, null, r -> {
            int status = r.status().code();
            if (Calls.isSuccess(status) || status == 404) {
                r.headers().set(VersionNames.VERSION_ID, id);
                // Swift's handle_delete: tells s3api the answer is a delete marker (the gatekeeper drops it)
                r.headers().set("X-Backend-Content-Type", VersionNames.DELETE_MARKER_CONTENT_TYPE);
            }
            reply(r);
        }));
    }
}
