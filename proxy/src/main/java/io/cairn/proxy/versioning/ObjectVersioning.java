package io.cairn.proxy.versioning;

import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.swift.Answer;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.QueryParams;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code ObjectVersioningMiddleware} ({@code allow_object_versioning}): container PUT/POST with {@code
 * X-Versions-Enabled}, container reads and deletes ({@link ContainerVersioning}), and object requests in a
 * versioned container — writes keep every version ({@link VersionedPut}, {@link VersionedDelete}), reads answer
 * {@code X-Object-Version-Id}, {@code ?version-id=} acts on one version.
 *
 * <p>Immutable; its operations are confined to the exchange's event loop.
 */
final class ObjectVersioning implements Middleware {
    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        SwiftPath p = ex.path();
        if (p.container() == null) {
            return ex.method().name().equals("GET") ? new AccountListing(ex, next) : next.operationFor(ex);
        }
        if (p.object() == null) {
            return ContainerVersioning.operationFor(ex, next);
        }
        return new AfterContainerInfo(ex, info -> objectOperation(ex, next, info));
    }

    /** {@code object_request}, once the container's info is known. */
    private static @Nullable Operation objectOperation(Exchange ex, SwiftApp next, ContainerInfo info) {
        String cont = info.sysmeta().getOrDefault("versions-container", "");
        String versionsContainer =
                cont.isEmpty() ? "" : PercentCoding.unquote(cont).split("/", -1)[0];
        boolean enabled = Calls.isTrue(info.sysmeta().get("versions-enabled"));
        Map<String, String> params = QueryParams.parse(ex.path().query());
        String version = params.get("version-id");
        if (version != null && !version.isEmpty()) {
            return versionRequest(ex, next, versionsContainer, version);
        }
        if (versionsContainer.isEmpty()) {
            return next.operationFor(ex);
        }
        return switch (ex.method().name()) {
            case "PUT" -> enabled ? new VersionedPut(ex, next, info, versionsContainer) : next.operationFor(ex);
            case "DELETE" -> enabled ? new VersionedDelete(ex, next, info, versionsContainer) : next.operationFor(ex);
            case "POST" -> new Post(ex, next, versionsContainer);
            default -> {
                ex.filterResponse(head -> currentVersionHeaders(ex.path(), versionsContainer, head));
                yield next.operationFor(ex);
            }
        };
    }

    /** {@code handle_versioned_request}. */
    private static @Nullable Operation versionRequest(
            Exchange ex, SwiftApp next, String versionsContainer, String version) {
        String m = ex.method().name();
        if (m.equals("POST")) {
            return Answer.afterBody(ex, Calls.html(400, "POST to a specific version is not allowed"));
        }
        if (versionsContainer.isEmpty() && !version.equals("null")) {
            return Answer.afterBody(
                    ex, Calls.html(400, "version-aware operations require that the container is versioned"));
        }
        if (!version.equals("null") && VersionNames.parseTimestamp(version) == null) {
            return Answer.afterBody(ex, Calls.html(400, "Invalid version parameter"));
        }
        if (m.equals("DELETE") && version.equals("null")) {
            return next.operationFor(ex);
        }
        if (m.equals("DELETE") || m.equals("PUT")) {
            return new VersionIdRequest(ex, next, versionsContainer, version);
        }
        return readVersion(ex, next, versionsContainer, version);
    }

    /** GET/HEAD (and OPTIONS) of one version: {@code null} is the unversioned object, else a version's path. */
    private static @Nullable Operation readVersion(
            Exchange ex, SwiftApp next, String versionsContainer, String version) {
        SwiftPath p = ex.path();
        if (version.equals("null")) {
            return new CheckedRead(ex, next, p, ex.headers().copy(), head -> {
                if (!Calls.isSuccess(head.status().code())) {
                    return null;
                }
                String loc = PercentCoding.unquote(head.headers().get("Content-Location", ""));
                if (loc.contains(VersionNames.reserved("versions", ""))) {
                    return SwiftResponses.standard(404);
                }
                head.headers().set(VersionNames.VERSION_ID, "null");
                return null;
            });
        }
        io.cairn.common.time.Timestamp ts = VersionNames.parseTimestamp(version);
        String name = VersionNames.versionObject(
                p.objectName(), ts == null ? io.cairn.common.time.Timestamp.ofRaw(0, 0) : ts);
        SwiftPath vp = new SwiftPath(p.version(), p.account(), versionsContainer, name, p.query());
        HttpHeaders h = ex.headers().copy();
        h.set(VersionNames.ALLOW_RESERVED, "true");
        return new CheckedRead(ex, next, vp, h, head -> VersionIdRequest.checkVersionRead(head, version));
    }

    /**
     * The GET/HEAD answer in a versioned container: {@code X-Object-Version-Id} ({@code null} unless the object
     * is a link to a version), {@code Content-Location} and a shown {@code X-Symlink-Target} naming the version
     * by {@code ?version-id=} rather than by its hidden name.
     */
    static void currentVersionHeaders(SwiftPath p, String versionsContainer, HttpResponse head) {
        HttpHeaders h = head.headers();
        h.set(VersionNames.VERSION_ID, "null");
        String loc = PercentCoding.unquote(h.get("Content-Location", ""));
        if (!loc.isEmpty()) {
            String[] parts = loc.split("/", 5);
            if (parts.length == 5 && parts[2].equals(p.account()) && parts[3].equals(versionsContainer)) {
                String[] split = VersionNames.splitVersion(parts[4]);
                if (split != null) {
                    h.set(VersionNames.VERSION_ID, split[1]);
                    h.set(
                            "Content-Location",
                            SwiftPath.quote("/" + p.version() + "/" + p.account() + "/" + p.containerName() + "/"
                                            + p.objectName())
                                    + "?version-id=" + split[1]);
                }
            }
        }
        String target = PercentCoding.unquote(h.get("X-Symlink-Target", ""));
        int slash = target.indexOf('/');
        if (slash > 0 && target.substring(0, slash).equals(versionsContainer)) {
            String[] split = VersionNames.splitVersion(target.substring(slash + 1));
            if (split != null) {
                h.set(VersionNames.VERSION_ID, split[1]);
                h.set(
                        "X-Symlink-Target",
                        SwiftPath.quote(p.containerName() + "/" + p.objectName()) + "?version-id=" + split[1]);
            }
        }
    }

    /** {@code handle_post}: a POST that met a version's link is applied to the version. */
    private static final class Post extends AfterBody {
        private final SwiftApp next;
        private final String versionsContainer;

        Post(Exchange exchange, SwiftApp next, String versionsContainer) {
            super(exchange);
            this.next = next;
            this.versionsContainer = versionsContainer;
        }

        @Override
        void run() {
            HttpHeaders again = new DefaultHttpHeaders();
            Calls.copyHeaders(exchange.headers(), again, Calls::nonExpiry);
            track(Subrequests.call(
                    exchange,
                    next,
                    HttpMethod.POST,
                    exchange.path(),
                    exchange.headers().copy(),
                    null,
                    r -> {
                        if (r.status().code() != 307
                                || !Calls.isTrue(r.headers().get(VersionNames.SYSMETA_VERSIONS_SYMLINK))) {
                            reply(r);
                            return;
                        }
                        String loc = PercentCoding.unquote(r.headers().get("Location", ""));
                        String[] parts = loc.split("/", 5);
                        SwiftPath p = exchange.path();
                        if (parts.length != 5 || !parts[2].equals(p.account()) || !parts[3].equals(versionsContainer)) {
                            reply(r);
                            return;
                        }
                        r.release();
                        SwiftPath to = new SwiftPath(parts[1], parts[2], parts[3], parts[4], "");
                        track(Calls.preAuthed(exchange, next, HttpMethod.POST, to, again, null, this::reply));
                    }));
        }
    }
}
