package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;

/**
 * GetBucketLocation ({@code GET ?location}): the configured location, empty for {@code us-east-1} as S3 (and
 * s3api's {@code LocationController}) answer.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3GetBucketLocation extends S3Operation {
    private final String location;

    public S3GetBucketLocation(Exchange ex, SwiftApp app, S3Request req, String location) {
        super(ex, app, req);
        this.location = location;
    }

    @Override
    protected void run() {
        headBucket(r -> {
            XmlWriter x = xml();
            if (location.equals("us-east-1")) {
                x.raw("<LocationConstraint xmlns=\"" + XmlWriter.S3_NS + "\"/>");
            } else {
                x.openRoot("LocationConstraint").raw(escape(location)).close("LocationConstraint");
            }
            respond(200, EmptyHttpHeaders.INSTANCE, x.toString());
        });
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
