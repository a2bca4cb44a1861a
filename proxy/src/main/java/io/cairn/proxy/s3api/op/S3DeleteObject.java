package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * DeleteObject (s3api's {@code ObjectController.DELETE}): a HEAD to learn whether the key is a multipart object
 * (an SLO, deleted with its segments: {@code ?multipart-manifest=delete}), then the DELETE; a missing key is
 * 204 as S3 answers, unless the bucket is missing (NoSuchBucket).
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3DeleteObject extends S3Operation {
    public S3DeleteObject(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        String version = req.query().get("versionId");
        if (version != null && !version.equals("null")) {
            throw new S3Exception(S3ErrorCode.S3NotImplemented);
        }
        call(HttpMethod.HEAD, path(req.bucketName(), req.keyName(), "symlink=get"), swiftHeaders(), null, r -> {
            int st = r.status().code();
            if (st == 404) {
                missing();
                return;
            }
            if (st / 100 != 2) {
                throw swiftError(r, "HEAD", S3ErrorResponses.Target.OBJECT, true);
            }
            boolean slo = "true".equalsIgnoreCase(r.headers().get("X-Static-Large-Object"));
            delete(slo ? "multipart-manifest=delete" : "");
        });
    }

    private void delete(String query) {
        call(HttpMethod.DELETE, path(req.bucketName(), req.keyName(), query), swiftHeaders(), null, r -> {
            int st = r.status().code();
            if (st == 404) {
                missing();
                return;
            }
            if (st / 100 != 2) {
                throw swiftError(r, "DELETE", S3ErrorResponses.Target.OBJECT, true);
            }
            respond(204, EmptyHttpHeaders.INSTANCE, null);
        });
    }

    private void missing() {
        call(HttpMethod.HEAD, path(req.bucketName(), null, ""), swiftHeaders(), null, c -> {
            if (c.status().code() / 100 != 2) {
                throw swiftError(c, "HEAD", S3ErrorResponses.Target.BUCKET, false);
            }
            respond(204, EmptyHttpHeaders.INSTANCE, null);
        });
    }
}
