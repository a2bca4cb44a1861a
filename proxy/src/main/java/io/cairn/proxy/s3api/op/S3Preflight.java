package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * A CORS preflight on a bucket or an object ({@code OPTIONS}, unsigned as browsers send it): {@code Origin} and
 * {@code Access-Control-Request-Method} required (400), matched with the requested headers against the bucket's
 * {@link CorsConfiguration} (container info, unauthorized as Swift's own preflight); the first matching rule's
 * {@code Access-Control-*} headers and 200, else AWS's 403 {@code AccessForbidden} "CORSResponse: …" (also when
 * the bucket has no configuration).
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3Preflight extends S3Operation {
    public S3Preflight(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        HttpHeaders h = req.clientHeaders();
        String origin = h.get("Origin");
        if (origin == null || origin.isEmpty()) {
            throw new S3Exception(S3ErrorCode.BadRequest, "Insufficient information. Origin request header needed.");
        }
        String method = h.get("Access-Control-Request-Method");
        if (method == null || method.isEmpty()) {
            throw new S3Exception(S3ErrorCode.BadRequest, "Invalid Access-Control-Request-Method: null");
        }
        List<String> headers = CorsConfiguration.requestHeaders(h.get("Access-Control-Request-Headers"));
        containerInfo(info -> {
            CorsConfiguration cors =
                    CorsConfiguration.fromStored(StoredDocument.get(CorsConfiguration.SYSMETA, info.sysmeta()));
            CorsConfiguration.Rule rule = cors == null ? null : cors.match(origin, method, headers);
            if (rule == null) {
                throw new S3Exception(S3ErrorCode.CorsForbidden)
                        .with("Method", method)
                        .with("ResourceType", req.key() == null ? "BUCKET" : "OBJECT");
            }
            HttpHeaders out = new DefaultHttpHeaders();
            CorsConfiguration.allow(rule, origin, out);
            if (!headers.isEmpty()) {
                out.set("Access-Control-Allow-Headers", String.join(", ", headers));
            }
            respond(200, out, null);
        });
    }
}
