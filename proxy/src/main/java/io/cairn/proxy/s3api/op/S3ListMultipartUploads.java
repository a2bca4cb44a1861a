package io.cairn.proxy.s3api.op;

import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * ListMultipartUploads ({@code GET /<bucket>?uploads}; s3api's {@code UploadsController.GET}): the marker objects
 * of {@code <bucket>+segments} (names not ending in {@code /<digits>}), after {@code key-marker}/{@code
 * upload-id-marker}, under {@code prefix}, grouped by {@code delimiter}, at most {@code max-uploads} (≤ 1000).
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3ListMultipartUploads extends S3Operation {
    private static final Pattern PART = Pattern.compile("/[0-9]+$");

    private record Upload(String key, String uploadId, String lastModified) {}

    private final List<Upload> uploads = new ArrayList<>();
    private final TreeSet<String> prefixes = new TreeSet<>();
    private int maxUploads;

    public S3ListMultipartUploads(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        String encoding = req.query().get("encoding-type");
        if (encoding != null && !encoding.equals("url")) {
            throw S3Exception.invalidArgument(
                    "encoding-type", encoding, "Invalid Encoding Method specified in Request");
        }
        maxUploads = Params.validated(req.query(), "max-uploads", 1000, 1000);
        String keyMarker = req.query().get("key-marker");
        String uploadIdMarker = req.query().get("upload-id-marker");
        String marker = "";
        if (keyMarker != null && !keyMarker.isEmpty()) {
            marker = uploadIdMarker != null && !uploadIdMarker.isEmpty()
                    ? keyMarker + "/" + uploadIdMarker
                    : keyMarker + "/~";
        }
        String first = marker;
        headBucket(b -> {
            page(first);
        });
    }

    private void page(String marker) {
        StringBuilder q = new StringBuilder("format=json&marker=").append(MultipartLayout.quote(marker));
        String prefix = req.query().get("prefix");
        if (prefix != null) {
            q.append("&prefix=").append(MultipartLayout.quote(prefix));
        }
        String segments = req.bucketName() + MultipartLayout.SEGMENTS_SUFFIX;
        call(HttpMethod.GET, path(segments, null, q.toString()), swiftHeaders(), null, r -> {
            List<Map<String, Object>> items = r.status().code() / 100 == 2 ? Listings.parse(r) : List.of();
            if (items.isEmpty() || uploads.size() >= maxUploads) {
                answer();
                return;
            }
            for (Map<String, Object> o : items) {
                String name = Listings.string(o, "name");
                if (PART.matcher(name).find() || name.lastIndexOf('/') < 0) {
                    continue;
                }
                int slash = name.lastIndexOf('/');
                String key = name.substring(0, slash);
                String delimiter = req.query().all().getOrDefault("delimiter", "");
                String p = prefix == null ? "" : prefix;
                int end = delimiter.isEmpty() ? -1 : key.indexOf(delimiter, p.length());
                if (end >= 0) {
                    prefixes.add(key.substring(0, end + delimiter.length()));
                } else {
                    uploads.add(new Upload(key, name.substring(slash + 1), Listings.string(o, "last_modified")));
                }
            }
            page(Listings.string(items.get(items.size() - 1), "name"));
        });
    }

    private void answer() {
        boolean truncated = uploads.size() >= maxUploads;
        List<Upload> shown = uploads.size() > maxUploads ? uploads.subList(0, maxUploads) : uploads;
        String encoding = req.query().get("encoding-type");
        XmlWriter x = xml().openRoot("ListMultipartUploadsResult").element("Bucket", req.bucketName());
        x.element("KeyMarker", req.query().all().getOrDefault("key-marker", ""));
        x.element("UploadIdMarker", req.query().all().getOrDefault("upload-id-marker", ""));
        boolean several = shown.size() > 1;
        x.element("NextKeyMarker", several ? shown.get(shown.size() - 1).key() : "");
        x.element("NextUploadIdMarker", several ? shown.get(shown.size() - 1).uploadId() : "");
        String delimiter = req.query().get("delimiter");
        if (delimiter != null) {
            x.element("Delimiter", delimiter);
        }
        String prefix = req.query().get("prefix");
        if (prefix != null) {
            x.element("Prefix", prefix);
        }
        x.element("MaxUploads", Integer.toString(maxUploads));
        if (encoding != null) {
            x.element("EncodingType", encoding);
        }
        x.element("IsTruncated", truncated ? "true" : "false");
        for (Upload u : shown) {
            x.open("Upload")
                    .element("Key", encoding != null ? PercentCoding.quote(u.key()) : u.key())
                    .element("UploadId", u.uploadId());
            x.open("Initiator")
                    .element("ID", owner())
                    .element("DisplayName", owner())
                    .close("Initiator");
            x.open("Owner")
                    .element("ID", owner())
                    .element("DisplayName", owner())
                    .close("Owner");
            x.element("StorageClass", "STANDARD")
                    .element("Initiated", Listings.s3Time(u.lastModified()))
                    .close("Upload");
        }
        for (String p : prefixes) {
            x.open("CommonPrefixes").element("Prefix", p).close("CommonPrefixes");
        }
        x.close("ListMultipartUploadsResult");
        respond(200, EmptyHttpHeaders.INSTANCE, x.toString());
    }
}
