package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlNode;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * PutBucketAcl ({@code PUT /<bucket>?acl}) as s3api without {@code s3_acl}: a canned {@code x-amz-acl} or an
 * {@code AccessControlPolicy} document reduced to the canned ACL it amounts to ({@code swift_acl_translate}),
 * set as the container's read/write ACLs by a POST. Both or neither is an error, as in s3api.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3PutBucketAcl extends S3BodyOperation {
    private static final int MAX_BODY = 200 * 1024;

    private final boolean blockPublicAcls;

    /** @param blockPublicAcls the bucket's {@code BlockPublicAcls}: a public ACL is refused (AccessDenied) */
    public S3PutBucketAcl(Exchange ex, SwiftApp app, S3Request req, boolean blockPublicAcls) {
        super(ex, app, req, MAX_BODY);
        this.blockPublicAcls = blockPublicAcls;
    }

    @Override
    void apply(byte[] xml) {
        String canned = req.clientHeaders().get("x-amz-acl");
        if (canned != null && xml.length > 0) {
            throw new S3Exception(S3ErrorCode.UnexpectedContent);
        }
        if (canned == null && xml.length == 0) {
            throw new S3Exception(S3ErrorCode.MissingSecurityHeader).with("MissingHeaderName", "x-amz-acl");
        }
        String acl = canned != null ? canned : cannedOf(xml);
        if (blockPublicAcls && acl.startsWith("public-")) {
            throw new S3Exception(S3ErrorCode.AccessDenied);
        }
        HttpHeaders h = swiftHeaders();
        CannedAcl.toContainerHeaders(acl, h);
        call(HttpMethod.POST, path(req.bucketName(), null, ""), h, null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(r, "POST", S3ErrorResponses.Target.BUCKET, false);
            }
            HttpHeaders out = new DefaultHttpHeaders();
            out.set("Location", req.bucketName());
            respond(200, out, null);
        });
    }

    /** s3api's reading of a policy document: which canned ACL its grants amount to. */
    private static String cannedOf(byte[] xml) {
        XmlNode list = RequestBody.document(xml, "AccessControlPolicy", S3ErrorCode.MalformedACLError)
                .child("AccessControlList");
        if (list == null) {
            throw new S3Exception(S3ErrorCode.MalformedACLError);
        }
        String acl = "unknown";
        for (XmlNode grant : list.all("Grant")) {
            String permission = String.valueOf(grant.childText("Permission"));
            XmlNode grantee = grant.child("Grantee");
            boolean group = grantee != null && grantee.child("URI") != null;
            if (permission.equals("FULL_CONTROL") && !group && !acl.startsWith("public-read")) {
                acl = "private";
            } else if (permission.equals("READ") && group && !acl.equals("public-read-write")) {
                acl = "public-read";
            } else if (permission.equals("WRITE") && group) {
                acl = "public-read-write";
            } else {
                throw new S3Exception(S3ErrorCode.MalformedACLError);
            }
        }
        if (acl.equals("unknown")) {
            throw new S3Exception(S3ErrorCode.MalformedACLError);
        }
        return acl;
    }
}
