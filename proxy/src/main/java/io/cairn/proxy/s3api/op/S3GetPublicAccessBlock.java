package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;

/**
 * GetPublicAccessBlock ({@code GET ?publicAccessBlock}, the bucket owner only): a HEAD of the bucket, its stored
 * {@link PublicAccessBlock}; NoSuchPublicAccessBlockConfiguration when it has none, as AWS.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3GetPublicAccessBlock extends S3Operation {
    public S3GetPublicAccessBlock(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        headBucket(r -> {
            PublicAccessBlock block = PublicAccessBlock.fromStored(r.headers().get(PublicAccessBlock.SYSMETA));
            if (block == null) {
                throw new S3Exception(S3ErrorCode.NoSuchPublicAccessBlockConfiguration)
                        .with("BucketName", req.bucketName());
            }
            respond(200, EmptyHttpHeaders.INSTANCE, block.toXml());
        });
    }
}
