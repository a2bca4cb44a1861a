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
 * PutBucketLifecycleConfiguration (and the older PutBucketLifecycle; {@code PUT ?lifecycle}): a {@code
 * LifecycleConfiguration} checked as AWS checks it ({@link LifecycleConfiguration}; {@code Content-MD5} when
 * given) replaces the bucket's by a container POST of its sysmeta; 200. s3api 2.30.1 answers NotImplemented.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3PutBucketLifecycle extends S3BodyOperation {
    public S3PutBucketLifecycle(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req, LifecycleConfiguration.MAX_BODY);
    }

    @Override
    void apply(byte[] xml) {
        LifecycleConfiguration lifecycle = LifecycleConfiguration.fromXml(xml);
        HttpHeaders h = swiftHeaders();
        if (!StoredDocument.put(LifecycleConfiguration.SYSMETA, lifecycle.xml(), h)) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "The lifecycle configuration is too large.");
        }
        call(HttpMethod.POST, path(req.bucketName(), null, ""), h, null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(r, "POST", S3ErrorResponses.Target.BUCKET, false);
            }
            respond(200, EmptyHttpHeaders.INSTANCE, null);
        });
    }
}
