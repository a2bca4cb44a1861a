package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;

/**
 * GetBucketLifecycleConfiguration ({@code GET ?lifecycle}): a HEAD of the bucket as the user, its stored {@link
 * LifecycleConfiguration}; NoSuchLifecycleConfiguration when it has none, as AWS.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3GetBucketLifecycle extends S3Operation {
    public S3GetBucketLifecycle(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        headBucket(r -> {
            String stored = StoredDocument.get(LifecycleConfiguration.SYSMETA, r.headers());
            if (stored == null) {
                throw new S3Exception(S3ErrorCode.NoSuchLifecycleConfiguration).with("BucketName", req.bucketName());
            }
            respond(200, EmptyHttpHeaders.INSTANCE, "<?xml version='1.0' encoding='UTF-8'?>\n" + stored);
        });
    }
}
