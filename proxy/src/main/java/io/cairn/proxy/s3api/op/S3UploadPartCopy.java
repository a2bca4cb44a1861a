package io.cairn.proxy.s3api.op;

import io.cairn.common.http.ByteRanges;
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
 * UploadPartCopy ({@code PUT ?partNumber=N&uploadId=ID} with {@code x-amz-copy-source}; s3api's {@code
 * PartController.PUT}): the upload found, the source HEADed with its conditionals, {@code
 * x-amz-copy-source-range} checked (one satisfiable {@code bytes=first-last}), then a server-side copy of those
 * bytes into the part object, without the source's S3/SLO ETags. Answers {@code CopyPartResult}.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3UploadPartCopy extends S3MultipartOperation {
    private final int maxPartNumber;

    public S3UploadPartCopy(Exchange ex, SwiftApp app, S3Request req, int maxPartNumber) {
        super(ex, app, req);
        this.maxPartNumber = maxPartNumber;
    }

    @Override
    protected void run() {
        int part = S3UploadPart.partNumber(req, maxPartNumber);
        String uploadId = uploadId();
        CopySource src = CopySource.parse(req);
        checkUpload(uploadId, marker -> {
            if (SseC.isEncrypted(marker)
                    || SseC.fromHeaders(req.clientHeaders(), SseC.CUSTOMER) != null
                    || SseC.fromHeaders(req.clientHeaders(), SseC.COPY_SOURCE) != null) {
                throw new S3Exception(S3ErrorCode.S3NotImplemented, "UploadPartCopy with SSE-C is not supported.");
            }
            HttpHeaders head = swiftHeaders();
            CopySource.conditionals(req, head);
            call(HttpMethod.HEAD, path(src.bucket(), src.key(), ""), head, null, r -> {
                int st = r.status().code();
                if (st / 100 == 2 && SseC.isEncrypted(r.headers())) {
                    throw new S3Exception(S3ErrorCode.S3NotImplemented, "UploadPartCopy with SSE-C is not supported.");
                }
                if (st / 100 != 2) {
                    throw src.headError(st);
                }
                long size = Long.parseLong(r.headers().get("Content-Length", "0"));
                copy(src, part, uploadId, range(size));
            });
        });
    }

    private String range(long size) {
        String rng = req.clientHeaders().get("x-amz-copy-source-range");
        if (rng == null) {
            return "";
        }
        ByteRanges parsed = ByteRanges.parse(rng);
        if (parsed == null || parsed.count() != 1) {
            throw S3Exception.invalidArgument(
                    "x-amz-source-range",
                    rng,
                    "The x-amz-copy-source-range value must be of the form bytes=first-last"
                            + " where first and last are the zero-based offsets of the first and last bytes to copy");
        }
        if (parsed.forLength(size).length == 0) {
            throw S3Exception.invalidArgument(
                    "x-amz-source-range", rng, "Range specified is not valid for source object of size: " + size);
        }
        return rng;
    }

    private void copy(CopySource src, int part, String uploadId, String range) {
        HttpHeaders h = swiftHeaders();
        h.set("X-Copy-From", src.copyFrom());
        h.set("Content-Length", "0");
        if (!range.isEmpty()) {
            h.set("Range", range);
        }
        for (String k : new String[] {
            MultipartLayout.SYSMETA_ETAG,
            "X-Object-Sysmeta-Swift3-Etag",
            "X-Object-Sysmeta-Slo-Etag",
            "X-Object-Sysmeta-Slo-Size",
            "X-Object-Sysmeta-Container-Update-Override-Etag"
        }) {
            h.set(k, "");
        }
        String timestamp = ex.timestamp().normal();
        String target = req.keyName() + "/" + uploadId + "/" + part;
        call(HttpMethod.PUT, path(segments(), target, ""), h, null, r -> {
            int st = r.status().code();
            if (st != 201 && st != 202) {
                throw swiftError(r, "PUT", S3ErrorResponses.Target.OBJECT, true);
            }
            XmlWriter x = xml().openRoot("CopyPartResult")
                    .element("LastModified", Listings.s3TimeOfEpoch(timestamp))
                    .element(
                            "ETag",
                            ResponseHeaders.quote(
                                    ResponseHeaders.unquote(r.headers().get("ETag", ""))))
                    .close("CopyPartResult");
            respond(200, new DefaultHttpHeaders(), x.toString());
        });
    }
}
