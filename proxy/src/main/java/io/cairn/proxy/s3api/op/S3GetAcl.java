package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * GetBucketAcl and GetObjectAcl ({@code GET ?acl}) as s3api answers without {@code s3_acl} ({@code
 * controllers/acl.py get_acl}): the owner's FULL_CONTROL, plus AllUsers READ/WRITE where the container's read/write
 * ACL lets anyone in ({@code .r:*}).
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3GetAcl extends S3Operation {
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    public S3GetAcl(Exchange ex, SwiftApp app, S3Request req) {
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
            respond(200, io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE, document(r.headers()));
        });
    }

    private String document(HttpHeaders swift) {
        XmlWriter x = xml().openRoot("AccessControlPolicy");
        x.open("Owner").element("ID", owner()).element("DisplayName", owner()).close("Owner");
        x.open("AccessControlList");
        x.open("Grant").raw("<Grantee xmlns:xsi=\"" + XSI + "\" xsi:type=\"CanonicalUser\">");
        x.element("ID", owner()).element("DisplayName", owner()).close("Grantee");
        x.element("Permission", "FULL_CONTROL").close("Grant");
        if (anyone(swift.get("X-Container-Read"))) {
            allUsers(x, "READ");
        }
        if (anyone(swift.get("X-Container-Write"))) {
            allUsers(x, "WRITE");
        }
        return x.close("AccessControlList").close("AccessControlPolicy").toString();
    }

    private static void allUsers(XmlWriter x, String permission) {
        x.open("Grant").raw("<Grantee xmlns:xsi=\"" + XSI + "\" xsi:type=\"Group\">");
        x.element("URI", "http://acs.amazonaws.com/groups/global/AllUsers").close("Grantee");
        x.element("Permission", permission).close("Grant");
    }

    /** {@code referrer_allowed('unknown', referrers)}: a {@code .r:*} (or {@code .r:*} minus nothing) grant. */
    private static boolean anyone(@org.jspecify.annotations.Nullable String acl) {
        if (acl == null) {
            return false;
        }
        boolean allowed = false;
        for (String part : acl.split(",")) {
            String p = part.strip();
            if (p.equals(".r:*") || p.equals(".referrer:*") || p.equals(".ref:*")) {
                allowed = true;
            } else if (p.startsWith(".r:-") || p.startsWith(".referrer:-") || p.startsWith(".ref:-")) {
                if (p.endsWith(":-*")) {
                    allowed = false;
                }
            }
        }
        return allowed;
    }
}
