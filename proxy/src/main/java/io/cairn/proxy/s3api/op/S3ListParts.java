package io.cairn.proxy.s3api.op;

import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import java.util.ArrayList;
import java.util.List;

/**
 * ListParts ({@code GET ?uploadId=ID}; s3api's {@code UploadController.GET}): the upload's parts after {@code
 * part-number-marker}, at most {@code max-parts}, with their ETags, sizes and times.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3ListParts extends S3MultipartOperation {
    private final int maxPartsListing;

    public S3ListParts(Exchange ex, SwiftApp app, S3Request req, int maxPartsListing) {
        super(ex, app, req);
        this.maxPartsListing = maxPartsListing;
    }

    @Override
    protected void run() {
        String encoding = req.query().get("encoding-type");
        if (encoding != null && !encoding.equals("url")) {
            throw S3Exception.invalidArgument(
                    "encoding-type", encoding, "Invalid Encoding Method specified in Request");
        }
        int maxParts = Params.validated(req.query(), "max-parts", 1000, maxPartsListing);
        int marker = Params.validated(req.query(), "part-number-marker", 0, Params.MAX_32BIT_INT);
        String uploadId = uploadId();
        checkUpload(
                uploadId,
                h -> listParts(all -> {
                    List<Part> parts = new ArrayList<>();
                    for (Part p : all) {
                        if (p.number() > marker) {
                            parts.add(p);
                        }
                    }
                    boolean truncated = parts.size() > maxParts;
                    if (truncated) {
                        parts = parts.subList(0, maxParts);
                    }
                    String key = encoding != null ? PercentCoding.quote(req.keyName()) : req.keyName();
                    XmlWriter x = xml().openRoot("ListPartsResult")
                            .element("Bucket", req.bucketName())
                            .element("Key", key)
                            .element("UploadId", uploadId);
                    x.open("Initiator")
                            .element("ID", owner())
                            .element("DisplayName", owner())
                            .close("Initiator");
                    x.open("Owner")
                            .element("ID", owner())
                            .element("DisplayName", owner())
                            .close("Owner");
                    x.element("StorageClass", "STANDARD")
                            .element("PartNumberMarker", Integer.toString(marker))
                            .element(
                                    "NextPartNumberMarker",
                                    parts.isEmpty()
                                            ? "0"
                                            : Integer.toString(
                                                    parts.get(parts.size() - 1).number()))
                            .element("MaxParts", Integer.toString(maxParts));
                    if (encoding != null) {
                        x.element("EncodingType", encoding);
                    }
                    x.element("IsTruncated", truncated ? "true" : "false");
                    for (Part p : parts) {
                        x.open("Part")
                                .element("PartNumber", Integer.toString(p.number()))
                                .element("LastModified", Listings.s3Time(p.lastModified()))
                                .element("ETag", "\"" + p.etag() + "\"")
                                .element("Size", Long.toString(p.bytes()))
                                .close("Part");
                    }
                    x.close("ListPartsResult");
                    respond(200, EmptyHttpHeaders.INSTANCE, x.toString());
                }));
    }
}
