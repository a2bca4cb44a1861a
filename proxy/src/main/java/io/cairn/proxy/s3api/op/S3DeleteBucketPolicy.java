package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * DeleteBucketPolicy ({@code DELETE ?policy}) and DeletePublicAccessBlock ({@code DELETE ?publicAccessBlock}), the
 * bucket owner only: a container POST emptying the sysmeta; 204 (also when there was none, as AWS).
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3DeleteBucketPolicy extends S3Operation {
    private final boolean publicAccessBlock;

    public S3DeleteBucketPolicy(Exchange ex, SwiftApp app, S3Request req, boolean publicAccessBlock) {
        super(ex, app, req);
        this.publicAccessBlock = publicAccessBlock;
    }

    @Override
    protected void run() {
        HttpHeaders h = swiftHeaders();
        if (publicAccessBlock) {
            h.set(PublicAccessBlock.SYSMETA, "");
        } else {
            StoredDocument.put(BucketPolicy.SYSMETA, null, h);
        }
        call(HttpMethod.POST, path(req.bucketName(), null, ""), h, null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(r, "POST", S3ErrorResponses.Target.BUCKET, false);
            }
            respond(204, EmptyHttpHeaders.INSTANCE, null);
        });
    }
}
