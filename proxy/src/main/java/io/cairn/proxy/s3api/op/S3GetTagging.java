package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * GetBucketTagging and GetObjectTagging ({@code GET ?tagging}) as s3api 2.30.1 answers: the resource must exist;
 * its tag set is empty (tagging writes are not implemented).
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3GetTagging extends S3Operation {
    public S3GetTagging(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        boolean object = req.key() != null;
        call(HttpMethod.HEAD, path(req.bucketName(), req.key(), ""), swiftHeaders(), null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(
                        r, "HEAD", object ? S3ErrorResponses.Target.OBJECT : S3ErrorResponses.Target.BUCKET, true);
            }
            XmlWriter x = xml().openRoot("Tagging").raw("<TagSet/>").close("Tagging");
            respond(200, EmptyHttpHeaders.INSTANCE, x.toString());
        });
    }
}
