package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * CopyObject ({@code PUT} with {@code x-amz-copy-source}; s3api's {@code check_copy_source} and {@code
 * to_swift_req}): a HEAD of the source with the {@code x-amz-copy-source-if-*} conditionals (304/412 →
 * PreconditionFailed), the refusal to copy an object onto itself without changing anything, then Swift's
 * server-side copy ({@code X-Copy-From}); {@code x-amz-metadata-directive: REPLACE} is {@code X-Fresh-Metadata}
 * with the request's metadata, {@code COPY} keeps the source's. Answers {@code CopyObjectResult}.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3CopyObject extends S3Operation {
    public S3CopyObject(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        if (req.clientHeaders().contains("x-amz-copy-source-range")) {
            throw S3Exception.invalidArgument(
                    "x-amz-copy-source-range",
                    req.clientHeaders().get("x-amz-copy-source-range"),
                    "Illegal copy header");
        }
        if (req.clientHeaders().contains("x-amz-tagging")) {
            throw new S3Exception(S3ErrorCode.S3NotImplemented, "Object tagging is not supported.");
        }
        ObjectWriteHeaders.validate(req);
        CopySource src = CopySource.parse(req);
        String directive = req.clientHeaders().get("x-amz-metadata-directive", "COPY");
        if (src.bucket().equals(req.bucketName()) && src.key().equals(req.keyName()) && directive.equals("COPY")) {
            throw new S3Exception(
                    S3ErrorCode.InvalidRequest,
                    "This copy request is illegal because it is trying to copy an object to itself without changing"
                            + " the object's metadata, storage class, website redirect location or encryption"
                            + " attributes.");
        }
        HttpHeaders head = swiftHeaders();
        CopySource.conditionals(req, head);
        call(HttpMethod.HEAD, path(src.bucket(), src.key(), ""), head, null, r -> {
            int st = r.status().code();
            if (st / 100 != 2) {
                throw src.headError(st);
            }
            copy(src, directive);
        });
    }

    private void copy(CopySource src, String directive) {
        HttpHeaders h = swiftHeaders();
        h.set("X-Copy-From", src.copyFrom());
        h.set("Content-Length", "0");
        if (directive.equals("REPLACE")) {
            h.set("X-Fresh-Metadata", "True");
            ObjectWriteHeaders.metadataAndContent(req, h);
        }
        String timestamp = ex.timestamp().normal();
        call(HttpMethod.PUT, path(req.bucketName(), req.keyName(), ""), h, null, r -> {
            int st = r.status().code();
            if (st != 201 && st != 202) {
                throw swiftError(r, "PUT", S3ErrorResponses.Target.OBJECT, true);
            }
            String etag = r.headers().get("ETag", "");
            XmlWriter x = xml().openRoot("CopyObjectResult")
                    .element("LastModified", Listings.s3TimeOfEpoch(timestamp))
                    .element("ETag", ResponseHeaders.quote(ResponseHeaders.unquote(etag)))
                    .close("CopyObjectResult");
            respond(200, new DefaultHttpHeaders(), x.toString());
        });
    }
}
