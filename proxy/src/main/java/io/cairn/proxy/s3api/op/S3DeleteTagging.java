package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;

/**
 * DeleteBucketTagging and DeleteObjectTagging ({@code DELETE ?tagging}): the tag set removed ({@link
 * TagWrites} with none); 204. s3api 2.30.1 answers NotImplemented.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3DeleteTagging extends S3Operation {
    public S3DeleteTagging(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        TagWrites.replace(this, Tagging.EMPTY, () -> respond(204, EmptyHttpHeaders.INSTANCE, null));
    }
}
