package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * PutBucketPolicy ({@code PUT ?policy}, the bucket owner only): a JSON {@link BucketPolicy}, checked as AWS
 * checks it (MalformedPolicy; at most 20 KiB), replaces the bucket's by a container POST of its sysmeta; a public
 * policy is refused (AccessDenied) under the bucket's {@code BlockPublicPolicy}; 204. s3api 2.30.1 answers
 * NotImplemented.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3PutBucketPolicy extends S3BodyOperation {
    private final PublicAccessBlock block;

    public S3PutBucketPolicy(Exchange ex, SwiftApp app, S3Request req, PublicAccessBlock block) {
        super(ex, app, req, BucketPolicy.MAX_BYTES + 1);
        this.block = block;
    }

    @Override
    void apply(byte[] json) {
        if (json.length == 0) {
            throw new S3Exception(S3ErrorCode.MissingRequestBodyError);
        }
        BucketPolicy policy = BucketPolicy.parse(json, req.bucketName());
        if (block.blockPublicPolicy() && policy.isPublic()) {
            throw new S3Exception(S3ErrorCode.AccessDenied);
        }
        HttpHeaders h = swiftHeaders();
        if (!StoredDocument.put(BucketPolicy.SYSMETA, policy.text(), h)) {
            throw new S3Exception(S3ErrorCode.MalformedPolicy, "Policies must not exceed 20480 bytes");
        }
        call(HttpMethod.POST, path(req.bucketName(), null, ""), h, null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(r, "POST", S3ErrorResponses.Target.BUCKET, false);
            }
            respond(204, EmptyHttpHeaders.INSTANCE, null);
        });
    }
}
