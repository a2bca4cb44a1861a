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
 * PutBucketVersioning ({@code PUT ?versioning}; s3api's {@code VersioningController.PUT}): a {@code
 * VersioningConfiguration} of at most 10,240 bytes whose {@code Status} is {@code Enabled} or {@code Suspended}
 * (anything else, or no Status, is MalformedXML) becomes a container POST with {@code X-Versions-Enabled:
 * true|false}; object versioning keeps it in sysmeta and makes the versions container. NotImplemented when the
 * pipeline has no object versioning, as s3api. Suspending versioning on a bucket with object lock is
 * InvalidBucketState ({@link ObjectLock}).
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3PutBucketVersioning extends S3BodyOperation {
    /** s3api's {@code MAX_PUT_VERSIONING_BODY_SIZE}. */
    static final int MAX_BODY = 10240;

    private final boolean objectVersioning;

    /** @param objectVersioning whether object versioning is in the pipeline ({@code object_versioning} in /info) */
    public S3PutBucketVersioning(Exchange ex, SwiftApp app, S3Request req, boolean objectVersioning) {
        super(ex, app, req, MAX_BODY);
        this.objectVersioning = objectVersioning;
    }

    @Override
    protected void run() {
        if (!objectVersioning) {
            throw new S3Exception(S3ErrorCode.S3NotImplemented);
        }
    }

    @Override
    void apply(byte[] xml) {
        boolean enable = status(xml).equals("Enabled");
        if (enable) {
            post(true);
            return;
        }
        headBucket(r -> {
            if (ObjectLock.Config.fromStored(r.headers().get(ObjectLock.BUCKET)) != null) {
                // object lock needs versioning: it cannot be suspended
                throw new S3Exception(
                        S3ErrorCode.InvalidBucketState,
                        "An Object Lock configuration is present on this bucket, so the versioning state cannot be"
                                + " changed.");
            }
            post(false);
        });
    }

    private void post(boolean enable) {
        HttpHeaders h = swiftHeaders();
        h.set("X-Versions-Enabled", Boolean.toString(enable));
        call(HttpMethod.POST, path(req.bucketName(), null, ""), h, null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(r, "POST", S3ErrorResponses.Target.BUCKET, false);
            }
            respond(200, EmptyHttpHeaders.INSTANCE, null);
        });
    }

    /** The document's {@code Status}: {@code Enabled} or {@code Suspended}, else MalformedXML. */
    static String status(byte[] xml) {
        String status = RequestBody.document(xml, "VersioningConfiguration", S3ErrorCode.MalformedXML)
                .childText("Status");
        if (status == null || !(status.equals("Enabled") || status.equals("Suspended"))) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        return status;
    }
}
