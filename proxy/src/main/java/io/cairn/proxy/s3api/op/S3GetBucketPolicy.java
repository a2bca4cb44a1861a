package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;

/**
 * GetBucketPolicy ({@code GET ?policy}) and GetBucketPolicyStatus ({@code GET ?policyStatus}), the bucket owner
 * only: a HEAD of the bucket, its stored {@link BucketPolicy} as it was put ({@code application/json}), or the
 * {@code PolicyStatus} document saying whether it is public; NoSuchBucketPolicy when it has none, as AWS.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3GetBucketPolicy extends S3Operation {
    private final boolean status;

    public S3GetBucketPolicy(Exchange ex, SwiftApp app, S3Request req, boolean status) {
        super(ex, app, req);
        this.status = status;
    }

    @Override
    protected void run() {
        headBucket(r -> {
            String stored = StoredDocument.get(BucketPolicy.SYSMETA, r.headers());
            BucketPolicy policy = BucketPolicy.fromStored(stored, req.bucketName());
            if (stored == null || policy == null) {
                throw new S3Exception(S3ErrorCode.NoSuchBucketPolicy).with("BucketName", req.bucketName());
            }
            if (!status) {
                respondText(200, "application/json", stored);
                return;
            }
            String xml = xml().openRoot("PolicyStatus")
                    .element("IsPublic", Boolean.toString(policy.isPublic()))
                    .close("PolicyStatus")
                    .toString();
            respond(200, EmptyHttpHeaders.INSTANCE, xml);
        });
    }
}
