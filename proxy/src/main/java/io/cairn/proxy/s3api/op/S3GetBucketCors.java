package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;

/**
 * GetBucketCors ({@code GET ?cors}): a HEAD of the bucket as the user, its stored {@link CorsConfiguration};
 * NoSuchCORSConfiguration when it has none, as AWS.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3GetBucketCors extends S3Operation {
    public S3GetBucketCors(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        headBucket(r -> {
            String stored = StoredDocument.get(CorsConfiguration.SYSMETA, r.headers());
            if (stored == null) {
                throw new S3Exception(S3ErrorCode.NoSuchCORSConfiguration).with("BucketName", req.bucketName());
            }
            respond(200, EmptyHttpHeaders.INSTANCE, "<?xml version='1.0' encoding='UTF-8'?>\n" + stored);
        });
    }
}
