package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The deletion of one key (or one version of it) as s3api's {@code ObjectController.DELETE} makes it, shared by
 * DeleteObject and DeleteObjects: a HEAD ({@code symlink=get}, the version's {@code version-id}) tells a
 * multipart object (an SLO, deleted with its segments: {@code multipart-manifest=delete}); then the DELETE
 * ({@code version-id=…&symlink=get} for a version), which object versioning turns into a delete marker when the
 * bucket has versioning enabled; when that removed the latest version ({@code X-Object-Current-Version-Id:
 * null}), the newest remaining version of the key is made current again ({@code _restore_on_delete}: a {@code
 * PUT ?version-id=}, unless a delete marker is newer). A version under object lock ({@link
 * ObjectLock#deleteRefusal}) is AccessDenied after the HEAD. Errors are handed to the callback, not thrown.
 *
 * <p>Confined to the operation's event loop; one per key.
 */
final class KeyDelete {
    /**
     * What happened.
     *
     * @param missing the key (or version) was not there (a 404: S3 still answers 204)
     * @param versionId the {@code x-amz-version-id} to answer (the marker written, or the version deleted), or null
     * @param deleteMarker a delete marker was written, or the version deleted was one
     * @param error the S3 error, or null
     */
    record Outcome(
            boolean missing,
            @Nullable String versionId,
            boolean deleteMarker,
            @Nullable S3Exception error) {
        static Outcome failed(S3Exception e) {
            return new Outcome(false, null, false, e);
        }
    }

    private final S3Operation op;
    private final String key;
    private final @Nullable String version;
    private final Consumer<Outcome> done;
    private boolean versionIsMarker;

    private KeyDelete(S3Operation op, String key, @Nullable String version, Consumer<Outcome> done) {
        this.op = op;
        this.key = key;
        this.version = version;
        this.done = done;
    }

    /** Deletes {@code key} of {@code op}'s bucket ({@code version}: the version asked for, checked, or null). */
    static void run(S3Operation op, String key, @Nullable String version, Consumer<Outcome> done) {
        new KeyDelete(op, key, version, done).head();
    }

    private String versionQuery() {
        return version == null ? "" : "symlink=get&" + VersionIds.query(version);
    }

    private void head() {
        String q = version == null ? "symlink=get" : versionQuery();
        op.call(HttpMethod.HEAD, op.path(op.req.bucketName(), key, q), op.swiftHeaders(), null, r -> {
            int st = r.status().code();
            if (st == 404) {
                versionIsMarker =
                        VersionIds.DELETE_MARKER_TYPE.equals(r.headers().get("Content-Type"));
                delete("");
                return;
            }
            if (st / 100 != 2) {
                finish(Outcome.failed(op.swiftError(r, "HEAD", S3ErrorResponses.Target.OBJECT, true)));
                return;
            }
            if (version != null) {
                // object lock: a version under retention or legal hold stays (a delete marker is always allowed)
                S3Exception refused = ObjectLock.deleteRefusal(
                        ObjectLock.Lock.of(r.headers()),
                        ObjectLock.bypass(op.req),
                        java.time.Instant.now(op.ex.services().clock()));
                if (refused != null) {
                    finish(Outcome.failed(refused));
                    return;
                }
            }
            boolean slo = "true".equalsIgnoreCase(r.headers().get("X-Static-Large-Object"));
            delete(slo ? "multipart-manifest=delete" : "");
        });
    }

    private void delete(String manifestQuery) {
        String vq = versionQuery();
        String q = manifestQuery.isEmpty() ? vq : vq.isEmpty() ? manifestQuery : manifestQuery + "&" + vq;
        op.call(HttpMethod.DELETE, op.path(op.req.bucketName(), key, q), op.swiftHeaders(), null, r -> {
            int st = r.status().code();
            HttpHeaders h = r.headers();
            String id = h.get("X-Object-Version-Id");
            boolean marker = versionIsMarker
                    || VersionIds.DELETE_MARKER_TYPE.equals(h.get("X-Backend-Content-Type"))
                    || (version == null && id != null);
            if (st == 404) {
                finish(new Outcome(true, id, marker, null));
                return;
            }
            if (st / 100 != 2) {
                finish(Outcome.failed(op.swiftError(r, "DELETE", S3ErrorResponses.Target.OBJECT, true)));
                return;
            }
            Outcome deleted = new Outcome(false, id, marker, null);
            if ("null".equals(h.get("X-Object-Current-Version-Id"))) {
                restore(deleted);
                return;
            }
            finish(deleted);
        });
    }

    /** s3api's {@code _restore_on_delete}: the newest remaining version becomes current, unless a marker is newer. */
    private void restore(Outcome deleted) {
        String q = "format=json&versions&prefix=" + MultipartLayout.quote(key);
        op.call(HttpMethod.GET, op.path(op.req.bucketName(), null, q), op.swiftHeaders(), null, r -> {
            if (r.status().code() != 200) {
                finish(deleted);
                return;
            }
            List<Map<String, Object>> items = Listings.parse(r);
            restoreNext(items.iterator(), deleted);
        });
    }

    private void restoreNext(Iterator<Map<String, Object>> items, Outcome deleted) {
        while (items.hasNext()) {
            Map<String, Object> item = items.next();
            // s3api takes every entry under the prefix; only the key's own versions are candidates
            if (!key.equals(Listings.string(item, "name"))) {
                continue;
            }
            if (VersionIds.DELETE_MARKER_TYPE.equals(Listings.string(item, "content_type"))) {
                break;
            }
            String id = Listings.string(item, "version_id");
            SwiftPath p = op.path(op.req.bucketName(), key, VersionIds.query(id));
            op.call(HttpMethod.PUT, p, op.swiftHeaders(), Unpooled.EMPTY_BUFFER, r -> {
                int st = r.status().code();
                if (st == 412) {
                    restoreNext(items, deleted);
                } else if (st / 100 != 2) {
                    finish(Outcome.failed(op.swiftError(r, "PUT", S3ErrorResponses.Target.OBJECT, true)));
                } else {
                    finish(deleted);
                }
            });
            return;
        }
        finish(deleted);
    }

    private void finish(Outcome o) {
        done.accept(o);
    }
}
