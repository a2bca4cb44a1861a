package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * GetBucketTagging and GetObjectTagging ({@code GET ?tagging[&versionId=]}): a HEAD of the bucket or the object
 * (that version), its tag set from sysmeta ({@link Tagging}). An object without tags answers an empty {@code
 * TagSet}, a bucket without tags NoSuchTagSet, as AWS (s3api 2.30.1 answers an empty set for both: it keeps
 * no tags).
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
        String version = object ? VersionIds.of(req) : null;
        String query = version == null ? "" : VersionIds.query(version);
        call(HttpMethod.HEAD, path(req.bucketName(), req.key(), query), swiftHeaders(), null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(
                        r, "HEAD", object ? S3ErrorResponses.Target.OBJECT : S3ErrorResponses.Target.BUCKET, true);
            }
            HttpHeaders out = new DefaultHttpHeaders();
            Tagging tags = Tagging.fromStored(r.headers().get(object ? Tagging.OBJECT : Tagging.BUCKET));
            if (!object && tags.isEmpty()) {
                throw new S3Exception(S3ErrorCode.NoSuchTagSet).with("BucketName", req.bucketName());
            }
            String id = r.headers().get("X-Object-Version-Id");
            if (object && id != null) {
                out.set("x-amz-version-id", id);
            }
            respond(200, out, tags.toXml());
        });
    }
}
