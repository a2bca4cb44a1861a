package io.cairn.proxy.versioning;

import io.cairn.common.time.Timestamp;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * A PUT to a container with versioning enabled (Swift's {@code handle_put}): the current object is made a
 * version if it is not one ({@link CurrentVersionCopy}), the client's data is written straight into the
 * versions container as {@code \0<object>\0<~timestamp>}, then the object itself becomes a static symlink to
 * that version ({@link #putSymlink}), answered with the data's ETag and {@code X-Object-Version-Id}.
 *
 * <p>Confined to the exchange's event loop.
 */
final class VersionedPut extends HeldBodyPut {
    private final SwiftApp next;
    private final String versionsContainer;
    private long bodyBytes;

    VersionedPut(Exchange exchange, SwiftApp next, ContainerInfo info, String versionsContainer) {
        super(exchange, info);
        this.next = next;
        this.versionsContainer = versionsContainer;
    }

    @Override
    void begin() {
        CurrentVersionCopy.run(this, next, versionsContainer, bad -> {
            if (bad != null) {
                refuse(bad);
            } else {
                putData();
            }
        });
    }

    @Override
    void deliver(Operation op, HttpContent content) {
        bodyBytes += content.content().readableBytes();
        op.content(content);
    }

    /** {@code _put_versioned_obj_from_client}. */
    private void putData() {
        SwiftPath p = exchange.path();
        Timestamp ts = exchange.timestamp();
        String name = VersionNames.versionObject(p.objectName(), ts);
        SwiftPath to = new SwiftPath(p.version(), p.account(), versionsContainer, name, "");
        HttpHeaders h = new DefaultHttpHeaders();
        Calls.copyHeaders(exchange.headers(), h, Calls::nonExpiry);
        h.set(VersionNames.ALLOW_RESERVED, "true");
        Operation op =
                Subrequests.callWithClientBody(exchange.preAuthorized(), next, to, h, r -> dataWritten(r, h, name));
        sendBodyTo(op);
    }

    private void dataWritten(FullHttpResponse r, HttpHeaders putHeaders, String name) {
        if (r.status().code() == 404) {
            r.release();
            reply(Calls.plain(500, Calls.NO_VERSIONS_CONTAINER));
            return;
        }
        FullHttpResponse bad = Calls.error(r);
        if (bad != null) {
            reply(bad);
            return;
        }
        String etag = r.headers().get(HttpHeaderNames.ETAG, "");
        r.release();
        String sloSize = putHeaders.get("X-Object-Sysmeta-Slo-Size");
        String bytes = sloSize != null && !sloSize.isEmpty() ? sloSize : Long.toString(bodyBytes);
        String type = Calls.bareContentType(putHeaders.get(HttpHeaderNames.CONTENT_TYPE, ""));
        HttpHeaders h = exchange.headers().copy();
        putSymlink(this, next, h, new Link(versionsContainer, name, etag, bytes, type));
    }

    /** What the current-version symlink points at. */
    record Link(String versionsContainer, String versionName, String etag, String bytes, String contentType) {}

    /**
     * {@code _put_symlink_to_version}: the object becomes a static link to the version, written a tick after the
     * request's timestamp, as the caller; the answer carries the version's ETag and id.
     */
    static void putSymlink(FilterOperation op, SwiftApp next, HttpHeaders h, Link link) {
        Exchange ex = op.exchange;
        h.set("X-Object-Sysmeta-Symlink-Target-Etag", link.etag());
        h.set("X-Object-Sysmeta-Symlink-Target-Bytes", link.bytes());
        h.set(HttpHeaderNames.CONTENT_TYPE, link.contentType());
        h.set("X-Symlink-Target", SwiftPath.quote(link.versionsContainer() + "/" + link.versionName()));
        h.set(VersionNames.SYSMETA_VERSIONS_SYMLINK, "true");
        h.set("X-Object-Sysmeta-Symloop-Extend", "true");
        h.set("X-Object-Sysmeta-Allow-Reserved-Names", "true");
        h.set(VersionNames.ALLOW_RESERVED, "true");
        for (String n : new String[] {
            "ETag",
            "X-If-Delete-At",
            "X-Symlink-Target-Account",
            "X-Object-Manifest",
            "X-Static-Large-Object",
            "X-Object-Sysmeta-Slo-Etag",
            "X-Object-Sysmeta-Slo-Size",
            "Transfer-Encoding",
            "Expect"
        }) {
            h.remove(n);
        }
        String[] split = VersionNames.splitVersion(link.versionName());
        String versionId = split == null ? "" : split[1];
        Exchange at = ex.atTimestamp(Timestamp.ofRaw(ex.timestamp().raw(), 1));
        SwiftPath p = ex.path();
        SwiftPath self = new SwiftPath(p.version(), p.account(), p.containerName(), p.objectName(), p.query());
        op.track(Subrequests.call(at, next, HttpMethod.PUT, self, h, Unpooled.EMPTY_BUFFER, r -> {
            r.headers().set(HttpHeaderNames.ETAG, link.etag());
            r.headers().set(VersionNames.VERSION_ID, versionId);
            op.reply(r);
        }));
    }
}
