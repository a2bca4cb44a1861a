package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;

/**
 * PutBucketTagging and PutObjectTagging ({@code PUT ?tagging}): a {@code Tagging} document (MalformedXML
 * unless it is one; AWS's limits: at most 10 tags on an object, 50 on a bucket, keys of 1–128 and values of at
 * most 256 characters, no key twice — InvalidTag) replaces the tag set ({@link TagWrites}). s3api 2.30.1
 * answers NotImplemented.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3PutTagging extends S3BodyOperation {
    public S3PutTagging(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req, Tagging.MAX_BODY);
    }

    @Override
    void apply(byte[] xml) {
        boolean object = req.key() != null;
        Tagging tags = Tagging.fromXml(xml, object ? Tagging.MAX_OBJECT_TAGS : Tagging.MAX_BUCKET_TAGS);
        TagWrites.replace(this, tags, () -> respond(object ? 200 : 204, EmptyHttpHeaders.INSTANCE, null));
    }
}
