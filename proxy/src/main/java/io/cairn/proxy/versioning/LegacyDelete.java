package io.cairn.proxy.versioning;

import io.cairn.common.path.PercentCoding;
import io.cairn.common.time.Timestamp;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A DELETE in a container with a legacy versions location. History mode ({@code handle_obj_versions_delete_push}):
 * the current object is archived and a delete marker written, then the object is deleted. Stack mode ({@code
 * handle_obj_versions_delete_pop}): the newest archived version is restored in place of the object and removed
 * from the archive (past delete markers are honoured: behind one, the object stays deleted or the version before
 * it is restored), or without one the object is deleted.
 *
 * <p>Confined to the exchange's event loop.
 */
final class LegacyDelete extends AfterBody {
    private final SwiftApp next;
    private final ContainerInfo info;
    private final String location;
    private final boolean history;
    /** The archive's listing, newest first, page by page ({@code reverse=on}). */
    private final ArrayDeque<Map<String, Object>> page = new ArrayDeque<>();

    private String listingMarker = "";
    private boolean listingDone;
    private boolean authorized;

    LegacyDelete(Exchange exchange, SwiftApp next, ContainerInfo info, String location, boolean history) {
        super(exchange);
        this.next = next;
        this.info = info;
        this.location = location;
        this.history = history;
    }

    private String prefix() {
        return LegacyNames.prefix(exchange.path().objectName());
    }

    private SwiftPath archived(String name) {
        SwiftPath p = exchange.path();
        return new SwiftPath(p.version(), p.account(), location, name, "");
    }

    private HttpHeaders tokenHeader() {
        HttpHeaders h = new DefaultHttpHeaders();
        String token = exchange.headers().get("X-Auth-Token");
        if (token != null) {
            h.set("X-Auth-Token", token);
        }
        return h;
    }

    @Override
    void run() {
        if (history) {
            push();
        } else {
            nextItem(this::pop);
        }
    }

    /** History mode: archive the current object, write a delete marker, delete. */
    private void push() {
        FullHttpResponse denied = exchange.denialFor("DELETE", info);
        if (denied != null) {
            reply(denied);
            return;
        }
        SwiftPath p = exchange.path();
        StreamedCopy.run(
                this,
                next,
                p,
                head -> archived(LegacyNames.name(p.objectName(), ObjectCopies.timestampOf(head.headers()))),
                r -> afterCopy(r.status().code() == 404 ? 201 : r.status().code(), r, this::marker),
                r -> afterCopy(r.status().code(), r, this::marker));
    }

    /** A copy's (or its source's) answer {@code r}: released; an error answers the client, else {@code then}. */
    private void afterCopy(int status, FullHttpResponse r, Runnable then) {
        r.release();
        FullHttpResponse bad = ObjectCopies.error(status);
        if (bad != null) {
            reply(bad);
        } else {
            then.run();
        }
    }

    private void marker() {
        Timestamp now = Timestamp.now(exchange.services().clock());
        SwiftPath to = archived(LegacyNames.name(exchange.path().objectName(), now));
        HttpHeaders h = tokenHeader();
        h.set("Content-Type", VersionNames.DELETE_MARKER_CONTENT_TYPE);
        track(Subrequests.call(exchange.preAuthorized(), next, HttpMethod.PUT, to, h, Unpooled.EMPTY_BUFFER, r -> {
            int status = r.status().code();
            r.release();
            FullHttpResponse bad = ObjectCopies.error(status);
            if (bad != null) {
                reply(bad);
            } else {
                finish(exchange, exchange.path(), exchange.headers().copy());
            }
        }));
    }

    /** Sends the final DELETE (the client's, or one not authorized as the client) and answers with it. */
    private void finish(Exchange as, SwiftPath path, HttpHeaders h) {
        h.remove("X-If-Delete-At");
        track(Subrequests.call(as, next, HttpMethod.DELETE, path, h, null, this::reply));
    }

    /** The client's DELETE, as sent. */
    private void plainDelete() {
        deleteAsSent(next);
    }

    /**
     * Hands the next archived version (or null at the end) to {@code then}, fetching listing pages as needed; an
     * error answers the client.
     */
    private void nextItem(java.util.function.Consumer<@Nullable Map<String, Object>> then) {
        if (!page.isEmpty()) {
            then.accept(page.poll());
            return;
        }
        if (listingDone) {
            then.accept(null);
            return;
        }
        SwiftPath p = exchange.path();
        String query = "format=json&prefix=" + PercentCoding.quote(prefix(), "/") + "&marker="
                + PercentCoding.quote(listingMarker, "/") + "&reverse=on";
        SwiftPath lp = new SwiftPath(p.version(), p.account(), location, null, query);
        track(Subrequests.call(
                exchange.preAuthorized(), next, HttpMethod.GET, lp, new DefaultHttpHeaders(), null, r -> {
                    int status = r.status().code();
                    if (!Calls.isSuccess(status)) {
                        r.release();
                        if (status == 404) {
                            listingDone = true;
                            then.accept(null);
                        } else {
                            reply(io.cairn.proxy.swift.SwiftResponses.standard(status < 500 ? 412 : 500));
                        }
                        return;
                    }
                    List<Map<String, Object>> items =
                            VersionsListing.parse(r.content().toString(StandardCharsets.UTF_8));
                    r.release();
                    if (items == null || items.isEmpty()) {
                        listingDone = true;
                        then.accept(null);
                        return;
                    }
                    listingMarker = String.valueOf(items.get(items.size() - 1).get("name"));
                    page.addAll(items);
                    then.accept(page.poll());
                }));
    }

    /** Stack mode: one archived version considered (Swift's loop over {@code item_iter}). */
    private void pop(@Nullable Map<String, Object> previous) {
        if (previous == null) {
            plainDelete();
            return;
        }
        if (!authorized) {
            FullHttpResponse denied = exchange.denialFor("DELETE", info);
            if (denied != null) {
                reply(denied);
                return;
            }
            authorized = true;
        }
        String name = String.valueOf(previous.get("name"));
        if (VersionNames.DELETE_MARKER_CONTENT_TYPE.equals(previous.get("content_type"))) {
            behindMarker(name);
            return;
        }
        restore(name, restored -> {
            if (!restored) {
                nextItem(this::pop);
                return;
            }
            finish(exchange.preAuthorized(), archived(name), tokenHeader());
        });
    }

    /** The newest archived entry is a delete marker: the object is deleted unless it exists again. */
    private void behindMarker(String markerName) {
        HttpHeaders h = tokenHeader();
        h.set("X-Newest", "True");
        SwiftPath p = exchange.path();
        SwiftPath self = new SwiftPath(p.version(), p.account(), p.containerName(), p.objectName(), "");
        track(Subrequests.call(exchange.preAuthorized(), next, HttpMethod.HEAD, self, h, null, r -> {
            int status = r.status().code();
            r.release();
            if (status != 404) {
                FullHttpResponse bad = ObjectCopies.error(status);
                if (bad != null) {
                    reply(bad);
                } else {
                    plainDelete();
                }
                return;
            }
            nextItem(item -> restoreBeforeMarker(item, markerName));
        }));
    }

    /** Behind a marker with the object gone: the version before the marker (if any) is restored. */
    private void restoreBeforeMarker(@Nullable Map<String, Object> item, String markerName) {
        Runnable deleteMarker = () -> finish(exchange.preAuthorized(), archived(markerName), tokenHeader());
        if (item == null || VersionNames.DELETE_MARKER_CONTENT_TYPE.equals(item.get("content_type"))) {
            deleteMarker.run();
            return;
        }
        String name = String.valueOf(item.get("name"));
        restore(name, restored -> {
            if (!restored) {
                nextItem(i -> restoreBeforeMarker(i, markerName));
                return;
            }
            track(Subrequests.call(
                    exchange.preAuthorized(), next, HttpMethod.DELETE, archived(name), tokenHeader(), null, d -> {
                        int status = d.status().code();
                        d.release();
                        FullHttpResponse bad = status == 404 ? null : ObjectCopies.error(status);
                        if (bad != null) {
                            reply(bad);
                        } else {
                            deleteMarker.run();
                        }
                    }));
        });
    }

    /** {@code _restore_data}: the archived version copied over the object; {@code then} gets whether it was. */
    private void restore(String name, java.util.function.Consumer<Boolean> then) {
        SwiftPath p = exchange.path();
        SwiftPath self = new SwiftPath(p.version(), p.account(), p.containerName(), p.objectName(), "");
        StreamedCopy.run(
                this,
                next,
                archived(name),
                head -> self,
                r -> {
                    if (r.status().code() == 404) {
                        r.release();
                        then.accept(false);
                    } else {
                        afterCopy(r.status().code(), r, () -> then.accept(true));
                    }
                },
                r -> afterCopy(r.status().code(), r, () -> then.accept(true)));
    }
}
