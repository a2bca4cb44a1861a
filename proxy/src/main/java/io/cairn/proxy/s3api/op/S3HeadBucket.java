package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.DefaultHttpHeaders;

/**
 * HeadBucket: a container HEAD; 200 when it exists, else s3api's mapping (404 NoSuchBucket, 403 AccessDenied).
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3HeadBucket extends S3Operation {
    public S3HeadBucket(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        headBucket(r -> {
            DefaultHttpHeaders h = new DefaultHttpHeaders();
            h.set("x-amz-bucket-region", "us-east-1");
            // s3api passes the container HEAD's Content-Type through
            h.set("Content-Type", r.headers().get("Content-Type", "text/plain; charset=utf-8"));
            respond(200, h, null);
        });
    }
}
