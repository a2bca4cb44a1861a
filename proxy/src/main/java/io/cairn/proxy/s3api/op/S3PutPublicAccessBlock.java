package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * PutPublicAccessBlock ({@code PUT ?publicAccessBlock}, the bucket owner only): a {@code
 * PublicAccessBlockConfiguration} ({@link PublicAccessBlock}) replaces the bucket's by a container POST; 200.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3PutPublicAccessBlock extends S3BodyOperation {
    public S3PutPublicAccessBlock(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req, PublicAccessBlock.MAX_BODY);
    }

    @Override
    void apply(byte[] xml) {
        PublicAccessBlock block = PublicAccessBlock.fromXml(xml);
        HttpHeaders h = swiftHeaders();
        h.set(PublicAccessBlock.SYSMETA, block.toStored());
        call(HttpMethod.POST, path(req.bucketName(), null, ""), h, null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(r, "POST", S3ErrorResponses.Target.BUCKET, false);
            }
            respond(200, EmptyHttpHeaders.INSTANCE, null);
        });
    }
}
