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
 * PutObjectLockConfiguration and GetObjectLockConfiguration ({@code PUT|GET ?object-lock} on a bucket; {@link
 * ObjectLock}). A PUT needs a bucket created with object lock, or one with versioning enabled (InvalidBucketState
 * otherwise), and is a container POST of {@link ObjectLock#BUCKET} (with {@code X-Versions-Enabled: true}); a GET
 * of a bucket without it is ObjectLockConfigurationNotFoundError. s3api 2.30.1 answers NotImplemented.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3ObjectLockConfiguration extends S3BodyOperation {
    public S3ObjectLockConfiguration(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req, ObjectLock.MAX_BODY);
    }

    @Override
    protected void run() {
        if (req.method().equals("GET")) {
            headBucket(r -> {
                ObjectLock.Config c = ObjectLock.Config.fromStored(r.headers().get(ObjectLock.BUCKET));
                if (c == null) {
                    throw new S3Exception(S3ErrorCode.ObjectLockConfigurationNotFoundError)
                            .with("BucketName", req.bucketName());
                }
                respond(200, EmptyHttpHeaders.INSTANCE, c.toXml());
            });
        }
    }

    @Override
    void apply(byte[] xml) {
        if (!req.method().equals("PUT")) {
            return;
        }
        ObjectLock.Config config = ObjectLock.parseConfig(xml);
        headBucket(r -> {
            boolean locked = ObjectLock.Config.fromStored(r.headers().get(ObjectLock.BUCKET)) != null;
            boolean versioned = "true".equalsIgnoreCase(r.headers().get(VersionIds.SYSMETA_ENABLED));
            if (!locked && !versioned) {
                throw new S3Exception(S3ErrorCode.InvalidBucketState);
            }
            HttpHeaders h = swiftHeaders();
            h.set(ObjectLock.BUCKET, config.stored());
            h.set("X-Versions-Enabled", "true");
            call(HttpMethod.POST, path(req.bucketName(), null, ""), h, null, p -> {
                if (p.status().code() / 100 != 2) {
                    throw swiftError(p, "POST", S3ErrorResponses.Target.BUCKET, false);
                }
                respond(200, EmptyHttpHeaders.INSTANCE, null);
            });
        });
    }
}
