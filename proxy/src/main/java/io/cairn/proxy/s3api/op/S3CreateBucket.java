package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;

/**
 * CreateBucket ({@code PUT /<bucket>}): an optional {@code CreateBucketConfiguration} whose {@code
 * LocationConstraint} must be the configured location, a canned {@code x-amz-acl} translated to container ACLs
 * as s3api does without {@code s3_acl}, {@code x-amz-bucket-object-lock-enabled: true} as versioning enabled and
 * {@link ObjectLock#BUCKET}, then a container PUT; an existing container (Swift's 202) is {@code
 * BucketAlreadyOwnedByYou}.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3CreateBucket extends S3Operation {
    static final int MAX_BODY = 10240;

    private final String location;
    private final RequestBody body;
    private boolean started;
    private boolean creating;
    private byte @Nullable [] received;

    public S3CreateBucket(Exchange ex, SwiftApp app, S3Request req, String location) {
        super(ex, app, req);
        this.location = location;
        this.body = new RequestBody(req, MAX_BODY);
    }

    @Override
    protected void run() {
        started = true;
        if (ex.requestComplete() && received == null) {
            create(new byte[0]);
        }
    }

    @Override
    public void content(HttpContent content) {
        readBody(body, content, b -> {
            received = b;
            if (started) {
                create(b);
            }
        });
    }

    private void create(byte[] xml) {
        if (creating) {
            return;
        }
        creating = true;
        if (xml.length > 0) {
            String constraint = RequestBody.document(xml, "CreateBucketConfiguration", S3ErrorCode.MalformedXML)
                    .childText("LocationConstraint");
            if (constraint == null
                    || !(constraint.equals(location)
                            || constraint.equals(location.toLowerCase(java.util.Locale.ROOT)))) {
                throw new S3Exception(S3ErrorCode.InvalidLocationConstraint);
            }
        }
        HttpHeaders h = swiftHeaders();
        String acl = req.clientHeaders().get("x-amz-acl");
        if (acl != null) {
            CannedAcl.toContainerHeaders(acl, h);
        }
        String lock = req.clientHeaders().get("x-amz-bucket-object-lock-enabled");
        if (lock != null && lock.equalsIgnoreCase("true")) {
            // object lock needs versioning, which object versioning enables with the container
            h.set("X-Versions-Enabled", "true");
            h.set(ObjectLock.BUCKET, ObjectLock.Config.ENABLED.stored());
        }
        call(HttpMethod.PUT, path(req.bucketName(), null, ""), h, null, r -> {
            int st = r.status().code();
            if (st == 202) {
                throw new S3Exception(S3ErrorCode.BucketAlreadyOwnedByYou).with("BucketName", req.bucketName());
            }
            if (st != 201 && st != 204) {
                throw swiftError(r, "PUT", S3ErrorResponses.Target.BUCKET, false);
            }
            DefaultHttpHeaders out = new DefaultHttpHeaders();
            out.set("Location", "/" + req.bucketName());
            respond(200, out, null);
        });
    }
}
