package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * DeleteBucketLifecycle ({@code DELETE ?lifecycle}): a container POST emptying the bucket's {@link
 * LifecycleConfiguration} sysmeta; 204 (also when there was none, as AWS). Expiry times already given to objects
 * stay.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3DeleteBucketLifecycle extends S3Operation {
    public S3DeleteBucketLifecycle(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        HttpHeaders h = swiftHeaders();
        StoredDocument.put(LifecycleConfiguration.SYSMETA, null, h);
        call(HttpMethod.POST, path(req.bucketName(), null, ""), h, null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(r, "POST", S3ErrorResponses.Target.BUCKET, false);
            }
            respond(204, EmptyHttpHeaders.INSTANCE, null);
        });
    }
}
