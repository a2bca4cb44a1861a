package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;

/**
 * ListBuckets ({@code GET /}): the account's containers whose names are valid bucket names (so {@code
 * <bucket>+segments} stays hidden), with s3api's fixed creation date (Swift keeps none).
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3ListBuckets extends S3Operation {
    private final boolean dnsCompliant;

    public S3ListBuckets(Exchange ex, SwiftApp app, S3Request req, boolean dnsCompliant) {
        super(ex, app, req);
        this.dnsCompliant = dnsCompliant;
    }

    @Override
    protected void run() {
        call(HttpMethod.GET, path(null, null, "format=json"), swiftHeaders(), null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(r, "GET", S3ErrorResponses.Target.ACCOUNT, false);
            }
            XmlWriter x = xml().openRoot("ListAllMyBucketsResult");
            x.open("Owner")
                    .element("ID", owner())
                    .element("DisplayName", owner())
                    .close("Owner");
            x.open("Buckets");
            for (Map<String, Object> c : Listings.parse(r)) {
                String name = Listings.string(c, "name");
                if (BucketNames.valid(name, dnsCompliant)) {
                    x.open("Bucket")
                            .element("Name", name)
                            .element("CreationDate", "2009-02-03T16:45:09.000Z")
                            .close("Bucket");
                }
            }
            x.close("Buckets").close("ListAllMyBucketsResult");
            respond(200, EmptyHttpHeaders.INSTANCE, x.toString());
        });
    }
}
