package io.cairn.proxy.versioning;

import io.cairn.common.path.PercentCoding;
import io.cairn.common.time.Timestamp;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/**
 * A DELETE or PUT with {@code ?version-id=} (Swift's {@code handle_delete_version} and {@code
 * handle_put_version}): deleting a version (and the link, when it is the current one), or making a version the
 * current one again. GET and HEAD of a version are {@link ObjectVersioning#readVersion}.
 *
 * <p>Confined to the exchange's event loop.
 */
final class VersionIdRequest extends AfterBody {
    private final SwiftApp next;
    private final String versionsContainer;
    private final String version;
    private long bodyBytes;

    VersionIdRequest(Exchange exchange, SwiftApp next, String versionsContainer, String version) {
        super(exchange);
        this.next = next;
        this.versionsContainer = versionsContainer;
        this.version = version;
    }

    @Override
    public void content(io.netty.handler.codec.http.HttpContent content) {
        bodyBytes += content.content().readableBytes();
        super.content(content);
    }

    private SwiftPath versionPath(String query) {
        SwiftPath p = exchange.path();
        Timestamp ts = VersionNames.parseTimestamp(version);
        String name = VersionNames.versionObject(p.objectName(), ts == null ? Timestamp.ofRaw(0, 0) : ts);
        return new SwiftPath(p.version(), p.account(), versionsContainer, name, query);
    }

    @Override
    void run() {
        if (exchange.method().name().equals("PUT")) {
            putVersion();
        } else {
            deleteVersion();
        }
    }

    /** {@code _check_head} of the current object, then the deletes. */
    private void deleteVersion() {
        SwiftPath p = exchange.path();
        SwiftPath self = new SwiftPath(p.version(), p.account(), p.containerName(), p.objectName(), "symlink=get");
        HttpHeaders h = new DefaultHttpHeaders().set("X-Newest", "True");
        String token = exchange.headers().get("X-Auth-Token");
        if (token != null) {
            h.set("X-Auth-Token", token);
        }
        track(Subrequests.call(exchange.preAuthorized(), next, HttpMethod.HEAD, self, h, null, r -> {
            boolean tombstone = r.status().code() == 404;
            String target = null;
            if (!tombstone) {
                FullHttpResponse bad = Calls.error(r);
                if (bad != null) {
                    reply(bad);
                    return;
                }
                if ("true".equals(r.headers().get(VersionNames.SYSMETA_VERSIONS_SYMLINK))) {
                    target = r.headers().get("X-Symlink-Target");
                }
            }
            r.release();
            afterHead(tombstone, target);
        }));
    }

    private void afterHead(boolean tombstone, @Nullable String target) {
        SwiftPath vp = versionPath("");
        String requested = versionsContainer + "/" + vp.objectName();
        if (tombstone || target == null || !PercentCoding.unquote(target).equals(requested)) {
            String current = "null";
            if (!tombstone && target != null) {
                String linked = PercentCoding.unquote(target);
                String[] split = VersionNames.splitVersion(linked.substring(linked.indexOf('/') + 1));
                current = split == null ? "null" : split[1];
            }
            deleteBacking(vp, current);
            return;
        }
        SwiftPath p = exchange.path();
        SwiftPath link = new SwiftPath(p.version(), p.account(), p.containerName(), p.objectName(), "");
        track(Subrequests.call(
                exchange, next, HttpMethod.DELETE, link, exchange.headers().copy(), null, r -> {
                    FullHttpResponse bad = Calls.error(r);
                    if (bad != null) {
                        reply(bad);
                        return;
                    }
                    r.release();
                    deleteBacking(vp, "null");
                }));
    }

    private void deleteBacking(SwiftPath vp, String current) {
        HttpHeaders h = exchange.headers().copy();
        h.set(VersionNames.ALLOW_RESERVED, "true");
        track(Subrequests.call(exchange, next, HttpMethod.DELETE, vp, h, null, r -> {
            r.headers().set(VersionNames.VERSION_ID, version);
            r.headers().set("X-Object-Current-Version-Id", current);
            reply(r);
        }));
    }

    /** {@code handle_put_version}. */
    private void putVersion() {
        String cl = exchange.headers().get(HttpHeaderNames.CONTENT_LENGTH);
        boolean hasBody = cl == null ? bodyBytes > 0 : !cl.trim().equals("0");
        if (hasBody) {
            reply(Calls.plain(400, "PUT version-id requests require a zero byte body"));
            return;
        }
        SwiftPath vp = versionPath("symlink=get");
        HttpHeaders h = new DefaultHttpHeaders();
        track(Calls.preAuthed(exchange, next, HttpMethod.HEAD, vp, h, null, r -> {
            if (r.status().code() == 404) {
                r.release();
                versionMissing();
                return;
            }
            FullHttpResponse bad = Calls.error(r);
            if (bad != null) {
                reply(bad);
                return;
            }
            HttpHeaders rh = r.headers();
            VersionedPut.Link link = new VersionedPut.Link(
                    versionsContainer,
                    vp.objectName(),
                    rh.get(HttpHeaderNames.ETAG, ""),
                    rh.get(HttpHeaderNames.CONTENT_LENGTH, "0"),
                    rh.get(HttpHeaderNames.CONTENT_TYPE, ""));
            r.release();
            VersionedPut.putSymlink(this, next, exchange.headers().copy(), link);
        }));
    }

    private void versionMissing() {
        SwiftPath p = exchange.path();
        exchange.services()
                .infoCache()
                .container(p.account(), versionsContainer)
                .whenCompleteAsync(
                        (info, e) -> {
                            if (e == null && info != null && info.exists()) {
                                reply(Calls.plain(404, "The specified version does not exist"));
                            } else {
                                reply(Calls.plain(500, Calls.NO_VERSIONS_CONTAINER));
                            }
                        },
                        exchange.eventLoop());
    }

    /** The check of a version's GET or HEAD: its id on success, a delete marker answers 404. */
    static @Nullable FullHttpResponse checkVersionRead(HttpResponse head, String version) {
        HttpHeaders h = head.headers();
        if (Calls.isSuccess(head.status().code())) {
            h.set(VersionNames.VERSION_ID, version);
        }
        String type = h.get("X-Backend-Content-Type", h.get(HttpHeaderNames.CONTENT_TYPE, ""));
        if (!VersionNames.DELETE_MARKER_CONTENT_TYPE.equals(type)) {
            return null;
        }
        FullHttpResponse nf = SwiftResponses.standard(404);
        nf.headers().set(VersionNames.VERSION_ID, version);
        nf.headers().set(HttpHeaderNames.CONTENT_TYPE, VersionNames.DELETE_MARKER_CONTENT_TYPE);
        return nf;
    }
}
