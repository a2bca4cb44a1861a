package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the operations on one multipart upload share: its id and the listing of its parts in {@code
 * <bucket>+segments} ({@code <key>/<upload-id>/<n>}, paged until the listing is exhausted).
 *
 * <p>Confined to the exchange's event loop.
 */
abstract class S3MultipartOperation extends S3Operation {
    /** One stored part. */
    record Part(int number, String name, String etag, long bytes, String lastModified) {}

    S3MultipartOperation(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    final String uploadId() {
        String id = req.query().get("uploadId");
        if (id == null || id.isEmpty()) {
            throw new S3Exception(S3ErrorCode.NoSuchUpload).with("UploadId", "");
        }
        return id;
    }

    final String segments() {
        return req.bucketName() + MultipartLayout.SEGMENTS_SUFFIX;
    }

    /** Every part of the upload, in part-number order. */
    final void listParts(Consumer<List<Part>> then) {
        String prefix = req.keyName() + "/" + uploadId() + "/";
        page(prefix, "", new ArrayList<>(), then);
    }

    private void page(String prefix, String marker, List<Part> parts, Consumer<List<Part>> then) {
        String q = "format=json&delimiter=/&prefix=" + MultipartLayout.quote(prefix) + "&marker="
                + MultipartLayout.quote(marker);
        call(HttpMethod.GET, path(segments(), null, q), swiftHeaders(), null, r -> {
            if (r.status().code() == 404) {
                then.accept(parts);
                return;
            }
            if (r.status().code() / 100 != 2) {
                throw new S3Exception(
                        S3ErrorCode.InternalError,
                        "unexpected status code " + r.status().code());
            }
            List<Map<String, Object>> items = Listings.parse(r);
            if (items.isEmpty()) {
                parts.sort((a, b) -> Integer.compare(a.number(), b.number()));
                then.accept(parts);
                return;
            }
            String last = marker;
            for (Map<String, Object> o : items) {
                String name = Listings.string(o, "name");
                if (name.isEmpty()) {
                    name = Listings.string(o, "subdir");
                }
                last = name;
                String tail = name.substring(Math.min(prefix.length(), name.length()));
                if (tail.matches("[0-9]{1,5}")) {
                    parts.add(new Part(
                            Integer.parseInt(tail),
                            name,
                            Listings.string(o, "hash"),
                            Listings.number(o, "bytes"),
                            Listings.string(o, "last_modified")));
                }
            }
            page(prefix, last, parts, then);
        });
    }
}
