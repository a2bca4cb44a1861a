package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * DeleteObject (s3api's {@code ObjectController.DELETE}, {@link KeyDelete}): a multipart object with its
 * segments; in a bucket with versioning enabled a delete marker ({@code x-amz-delete-marker}, its {@code
 * x-amz-version-id}); with {@code versionId} that version (the newest remaining one made current again when it was
 * the latest). A missing key or version is 204 as S3 answers, unless the bucket is missing (NoSuchBucket); a
 * {@code versionId} in a bucket that never had versioning is 204 at once, as s3api.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3DeleteObject extends S3Operation {
    public S3DeleteObject(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        String version = VersionIds.of(req);
        if (!VersionIds.isReal(version)) {
            KeyDelete.run(this, req.keyName(), version, this::answer);
            return;
        }
        containerInfo(info -> {
            if (info.sysmeta()
                    .getOrDefault(VersionIds.INFO_VERSIONS_CONTAINER, "")
                    .isEmpty()) {
                // versioning has never been enabled
                HttpHeaders out = new DefaultHttpHeaders();
                out.set("x-amz-version-id", version);
                respond(204, out, null);
                return;
            }
            KeyDelete.run(this, req.keyName(), version, this::answer);
        });
    }

    private void answer(KeyDelete.Outcome o) {
        S3Exception error = o.error();
        if (error != null) {
            throw error;
        }
        HttpHeaders out = new DefaultHttpHeaders();
        String id = o.versionId();
        if (id != null) {
            out.set("x-amz-version-id", id);
        }
        if (o.deleteMarker()) {
            out.set("x-amz-delete-marker", "true");
        }
        if (!o.missing()) {
            respond(204, out, null);
            return;
        }
        headBucket(c -> respond(204, out, null));
    }
}
