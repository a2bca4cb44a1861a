package io.cairn.proxy.s3api.op;

import io.cairn.common.config.ConfigSection;
import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;

/**
 * GetBucketVersioning ({@code GET ?versioning}; s3api's {@code VersioningController.GET}): the bucket's {@code
 * X-Container-Sysmeta-Versions-Enabled} as {@code Status} ({@code Enabled} when true, {@code Suspended} when set
 * and false), no {@code Status} when versioning was never set. Read with a HEAD (s3api reads the cached container
 * info; a HEAD sees a change made a moment before).
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3GetBucketVersioning extends S3Operation {
    public S3GetBucketVersioning(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        headBucket(r -> {
            String enabled = r.headers().get(VersionIds.SYSMETA_ENABLED);
            XmlWriter x = xml().openRoot("VersioningConfiguration");
            if (enabled != null && !enabled.isEmpty()) {
                x.element("Status", ConfigSection.isTrue(enabled) ? "Enabled" : "Suspended");
            }
            respond(
                    200,
                    EmptyHttpHeaders.INSTANCE,
                    x.close("VersioningConfiguration").toString());
        });
    }
}
