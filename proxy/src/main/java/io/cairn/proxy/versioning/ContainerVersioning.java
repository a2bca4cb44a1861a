package io.cairn.proxy.versioning;

import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.info.HeaderNumbers;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.QueryParams;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.cairn.ring.policy.StoragePolicy;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Object versioning's container requests (Swift's {@code ContainerContext}): {@code X-Versions-Enabled} on PUT or
 * POST creates the hidden versions container and records it in sysmeta; a DELETE is refused while versions
 * remain (and removes the empty versions container first); GET and HEAD answer {@code X-Versions-Enabled}, count
 * the versions' bytes, and list versions ({@link VersionsListing}).
 *
 * <p>Thread-safety: stateless; its operations are confined to the exchange's event loop.
 */
final class ContainerVersioning {
    private ContainerVersioning() {}

    static @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        String m = ex.method().name();
        if ((m.equals("PUT") || m.equals("POST")) && ex.headers().contains(VersionNames.CLIENT_VERSIONS_ENABLED)) {
            return new AfterContainerInfo(ex, info -> new Enable(ex, next, info));
        }
        if (m.equals("DELETE")) {
            return new AfterContainerInfo(ex, info -> new Delete(ex, next, info));
        }
        if (m.equals("GET") || m.equals("HEAD")) {
            return new Read(ex, next);
        }
        return next.operationFor(ex);
    }

    private static SwiftPath container(SwiftPath p, String name) {
        return new SwiftPath(p.version(), p.account(), name, null, "");
    }

    /** {@code enable_versioning}. */
    private static final class Enable extends AfterBody {
        private final SwiftApp next;
        private final ContainerInfo info;

        Enable(Exchange exchange, SwiftApp next, ContainerInfo info) {
            super(exchange);
            this.next = next;
            this.info = info;
        }

        @Override
        void run() {
            if (info.sysmeta().containsKey("versions-location")) {
                reply(Calls.html(
                        400,
                        "Cannot enable object versioning on a container that is already using the legacy"
                                + " versioned writes feature."));
                return;
            }
            boolean enabled = Calls.isTrue(exchange.headers().get(VersionNames.CLIENT_VERSIONS_ENABLED));
            exchange.headers().set(VersionNames.SYSMETA_VERSIONS_ENABLED, enabled ? "True" : "False");
            if (!enabled) {
                original(null);
                return;
            }
            HttpHeaders h = new DefaultHttpHeaders();
            if (info.exists()) {
                StoragePolicy policy = exchange.services().policies().byIndex(info.storagePolicyIndex());
                if (policy != null) {
                    h.set("X-Storage-Policy", policy.name());
                }
            } else if (exchange.method().name().equals("PUT")
                    && exchange.headers().contains("X-Storage-Policy")) {
                h.set("X-Storage-Policy", exchange.headers().get("X-Storage-Policy"));
            }
            String versions = VersionNames.versionsContainer(exchange.path().containerName());
            SwiftPath vp = container(exchange.path(), versions);
            track(Calls.preAuthed(exchange, next, HttpMethod.PUT, vp, h.copy(), null, r -> {
                int status = r.status().code();
                r.release();
                if (Calls.isSuccess(status) || status == 409) {
                    exchange.headers().set(VersionNames.SYSMETA_VERSIONS_CONT, PercentCoding.quote(versions, "/"));
                    original(vp);
                } else {
                    reply(Calls.html(500, "Error enabling object versioning"));
                }
            }));
        }

        /** The client's request; a failed one takes the just-made versions container away again. */
        private void original(@Nullable SwiftPath created) {
            HttpHeaders h = exchange.headers().copy();
            track(Subrequests.call(exchange, next, exchange.method(), exchange.path(), h, null, r -> {
                if (created == null || Calls.isSuccess(r.status().code())) {
                    reply(r);
                    return;
                }
                track(Calls.preAuthed(exchange, next, HttpMethod.DELETE, created, new DefaultHttpHeaders(), null, d -> {
                    d.release();
                    reply(r);
                }));
            }));
        }
    }

    /** {@code handle_delete}. */
    private static final class Delete extends AfterBody {
        private final SwiftApp next;
        private final ContainerInfo info;

        Delete(Exchange exchange, SwiftApp next, ContainerInfo info) {
            super(exchange);
            this.next = next;
            this.info = info;
        }

        @Override
        void run() {
            String versions = PercentCoding.unquote(info.sysmeta().getOrDefault("versions-container", ""));
            if (versions.isEmpty()) {
                original();
                return;
            }
            SwiftPath vp = container(exchange.path(), versions);
            track(Calls.preAuthed(exchange, next, HttpMethod.HEAD, vp, new DefaultHttpHeaders(), null, r -> {
                int status = r.status().code();
                long count = parseLong(r.headers().get("X-Container-Object-Count"));
                r.release();
                if (Calls.isSuccess(status) && count > 0) {
                    reply(Calls.html(409, "Delete all versions before deleting container."));
                } else if (!Calls.isSuccess(status) && status != 404) {
                    reply(Calls.html(500, "Error deleting versioned container"));
                } else {
                    track(Calls.preAuthed(exchange, next, HttpMethod.DELETE, vp, new DefaultHttpHeaders(), null, d -> {
                        int ds = d.status().code();
                        d.release();
                        if (!Calls.isSuccess(ds) && ds != 404) {
                            reply(Calls.html(500, "Error deleting versioned container"));
                        } else {
                            original();
                        }
                    }));
                }
            }));
        }

        private void original() {
            deleteAsSent(next);
        }
    }

    static long parseLong(@Nullable String v) {
        return HeaderNumbers.longOr(v, 0);
    }

    /** {@code handle_request} for GET and HEAD. */
    private static final class Read extends AfterBody {
        private final SwiftApp next;
        private final Map<String, String> params;

        Read(Exchange exchange, SwiftApp next) {
            super(exchange);
            this.next = next;
            this.params = QueryParams.parse(exchange.path().query());
        }

        @Override
        void run() {
            SwiftPath p = exchange.path();
            SwiftPath primary = p;
            if (params.containsKey("versions") && exchange.method().name().equals("GET")) {
                Map<String, String> q = new java.util.LinkedHashMap<>(params);
                q.put("format", "json");
                primary = new SwiftPath(p.version(), p.account(), p.containerName(), null, QueryParams.build(q));
            }
            HttpHeaders h = exchange.headers().copy();
            track(Subrequests.call(exchange, next, exchange.method(), primary, h, null, this::answered));
        }

        private void answered(FullHttpResponse r) {
            HttpHeaders h = r.headers();
            String location = h.get(VersionNames.SYSMETA_VERSIONS_CONT, "");
            String enabled = h.get(VersionNames.SYSMETA_VERSIONS_ENABLED);
            if (enabled != null) {
                h.set(VersionNames.CLIENT_VERSIONS_ENABLED, enabled);
            }
            if (location.isEmpty()) {
                String mine = Calls.isSuccess(r.status().code())
                        ? VersionNames.versionsContainer(exchange.path().containerName())
                        : "";
                listing(r, mine);
                return;
            }
            String versions = PercentCoding.unquote(location);
            if (!h.contains("X-Container-Bytes-Used")) {
                listing(r, versions);
                return;
            }
            SwiftPath vp = container(exchange.path(), versions);
            track(Calls.preAuthed(exchange, next, HttpMethod.HEAD, vp, new DefaultHttpHeaders(), null, v -> {
                if (Calls.isSuccess(v.status().code())) {
                    long sum = parseLong(h.get("X-Container-Bytes-Used"))
                            + parseLong(v.headers().get("X-Container-Bytes-Used"));
                    h.set("X-Container-Bytes-Used", Long.toString(sum));
                }
                v.release();
                listing(r, versions);
            }));
        }

        private void listing(FullHttpResponse r, String location) {
            String type = r.headers().get("Content-Type", "");
            if (!Calls.isSuccess(r.status().code())
                    || !exchange.method().name().equals("GET")
                    || !type.startsWith("application/json")) {
                reply(r);
                return;
            }
            List<Map<String, Object>> listing =
                    VersionsListing.parse(r.content().toString(StandardCharsets.UTF_8));
            if (listing == null) {
                reply(r);
                return;
            }
            boolean versions = params.containsKey("versions");
            VersionsListing.showVersions(listing, exchange.path().containerName(), location, versions);
            if (versions) {
                new VersionsRequest(this, next, params, location, r, listing).run();
                return;
            }
            reply(withBody(r, io.cairn.common.codec.Json.write(listing)));
        }
    }

    /** {@code r} with another body (its headers kept, {@code Content-Length} updated); releases {@code r}. */
    static FullHttpResponse withBody(FullHttpResponse r, String body) {
        FullHttpResponse out = r.replace(Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
        r.release();
        Calls.setLength(out);
        return out;
    }

    /** A standard error for a request that cannot be listed. */
    static FullHttpResponse standard(int status) {
        return SwiftResponses.standard(status);
    }
}
