package io.cairn.proxy.s3api.op;

import io.cairn.common.codec.Json;
import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlNode;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CompleteMultipartUpload ({@code POST ?uploadId=ID}; s3api's {@code UploadController.POST}): the part list
 * (bounded XML, ascending part numbers, MD5 ETags) checked against the stored parts (InvalidPart for a missing
 * part or another ETag, EntityTooSmall for a part but the last under {@code min_segment_size}), then an SLO
 * manifest PUT of those parts at {@code <bucket>/<key>} with the upload's metadata and content type, {@code
 * X-Object-Sysmeta-S3Api-Etag = md5(binary part md5s)-N}, {@code X-Object-Sysmeta-S3Api-Upload-Id} and the
 * listing override {@code ; s3_etag=…}; the marker is deleted last. A repeated completion of the same parts
 * answers as the first did.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3CompleteMultipartUpload extends S3MultipartOperation {
    static final int MAX_BODY = 2048 * 1024;

    private final long minSegmentSize;
    private final RequestBody body;
    private byte @Nullable [] xml;
    private @Nullable HttpHeaders upload;
    private boolean proceeding;

    /** A part named by the client. */
    private record Wanted(int number, String etag) {}

    public S3CompleteMultipartUpload(Exchange ex, SwiftApp app, S3Request req, long minSegmentSize) {
        super(ex, app, req);
        this.minSegmentSize = minSegmentSize;
        this.body = new RequestBody(req, MAX_BODY);
    }

    @Override
    protected void run() {
        checkUpload(uploadId(), headers -> {
            upload = headers;
            proceed();
        });
    }

    @Override
    public void content(HttpContent content) {
        readBody(body, content, b -> {
            xml = b;
            proceed();
        });
    }

    private void proceed() {
        byte[] b = xml;
        HttpHeaders u = upload;
        if (b == null || u == null || proceeding) {
            return;
        }
        proceeding = true;
        if (b.length == 0) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "You must specify at least one part");
        }
        List<Wanted> wanted = parse(b);
        String s3Etag = s3Etag(wanted);
        if (s3Etag.equals(u.get(MultipartLayout.SYSMETA_ETAG))) {
            respondDone(s3Etag);
            return;
        }
        listParts(stored -> manifest(u, wanted, stored, s3Etag));
    }

    private List<Wanted> parse(byte[] b) {
        XmlNode root = RequestBody.document(b, "CompleteMultipartUpload", S3ErrorCode.MalformedXML);
        if (root.all("Part").isEmpty()) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        List<Wanted> out = new ArrayList<>();
        int previous = 0;
        for (XmlNode part : root.all("Part")) {
            String num = part.childText("PartNumber");
            String etag = part.childText("ETag");
            if (num == null || etag == null) {
                throw new S3Exception(S3ErrorCode.MalformedXML);
            }
            int n;
            try {
                n = Integer.parseInt(num.strip());
            } catch (NumberFormatException e) {
                throw new S3Exception(S3ErrorCode.MalformedXML);
            }
            if (n <= previous) {
                throw new S3Exception(S3ErrorCode.InvalidPartOrder).with("UploadId", uploadId());
            }
            previous = n;
            String e = ResponseHeaders.unquote(etag.strip()).toLowerCase(Locale.ROOT);
            if (!e.matches("[0-9a-f]{32}")) {
                throw invalidPart(n);
            }
            out.add(new Wanted(n, e));
        }
        return out;
    }

    private S3Exception invalidPart(int n) {
        return new S3Exception(S3ErrorCode.InvalidPart)
                .with("UploadId", uploadId())
                .with("PartNumber", Integer.toString(n));
    }

    private static String s3Etag(List<Wanted> wanted) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (Wanted w : wanted) {
                md5.update(HexFormat.of().parseHex(w.etag()));
            }
            return HexFormat.of().formatHex(md5.digest()) + "-" + wanted.size();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    private void manifest(HttpHeaders marker, List<Wanted> wanted, List<Part> stored, String s3Etag) {
        Map<Integer, Part> byNumber = new HashMap<>();
        for (Part p : stored) {
            byNumber.put(p.number(), p);
        }
        List<Map<String, Object>> segments = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Wanted w = wanted.get(i);
            Part p = byNumber.get(w.number());
            if (p == null || !p.etag().equals(w.etag())) {
                throw invalidPart(w.number());
            }
            if (i < wanted.size() - 1 && p.bytes() < minSegmentSize) {
                throw new S3Exception(S3ErrorCode.EntityTooSmall)
                        .with("ProposedSize", Long.toString(p.bytes()))
                        .with("MinSizeAllowed", Long.toString(minSegmentSize));
            }
            Map<String, Object> seg = new LinkedHashMap<>();
            seg.put("path", "/" + segments() + "/" + p.name());
            seg.put("etag", w.etag());
            seg.put("size_bytes", p.bytes());
            segments.add(seg);
        }
        HttpHeaders h = objectHeaders(marker);
        h.set(MultipartLayout.SYSMETA_UPLOAD_ID, uploadId());
        h.set(MultipartLayout.SYSMETA_ETAG, s3Etag);
        h.set("X-Object-Sysmeta-Container-Update-Override-Etag", "; s3_etag=" + s3Etag);
        byte[] json = Json.write(segments).getBytes(StandardCharsets.UTF_8);
        call(
                HttpMethod.PUT,
                path(req.bucketName(), req.keyName(), "multipart-manifest=put"),
                h,
                Unpooled.wrappedBuffer(json),
                r -> {
                    int st = r.status().code();
                    if (st / 100 != 2) {
                        throw manifestError(r.content().toString(StandardCharsets.UTF_8), st);
                    }
                    call(
                            HttpMethod.DELETE,
                            path(segments(), req.keyName() + "/" + uploadId(), ""),
                            swiftHeaders(),
                            null,
                            d -> respondDone(s3Etag));
                });
    }

    /** The completed object's headers: the marker's metadata, tags, content headers and content type. */
    private HttpHeaders objectHeaders(HttpHeaders marker) {
        HttpHeaders h = swiftHeaders();
        h.set("Accept", "application/json");
        for (Map.Entry<String, String> e : marker) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.startsWith("x-object-meta-")
                    || k.equals("content-encoding")
                    || k.equals("content-language")
                    || k.equals("content-disposition")
                    || k.equals("expires")
                    || k.equals("cache-control")
                    || k.equalsIgnoreCase(Tagging.OBJECT)
                    || k.equalsIgnoreCase(ObjectLock.MODE)
                    || k.equalsIgnoreCase(ObjectLock.RETAIN_UNTIL)
                    || k.equalsIgnoreCase(ObjectLock.LEGAL_HOLD)) {
                h.set(e.getKey(), e.getValue());
            }
        }
        if ("yes".equals(marker.get(MultipartLayout.SYSMETA_HAS_CONTENT_TYPE))) {
            h.set("Content-Type", marker.get(MultipartLayout.SYSMETA_CONTENT_TYPE, ""));
        }
        return h;
    }

    private S3Exception manifestError(String text, int status) {
        if (text.contains("Etag Mismatch") || text.contains("404 Not Found")) {
            return new S3Exception(S3ErrorCode.InvalidPart).with("UploadId", uploadId());
        }
        if (status == 404) {
            return S3Exception.noSuchBucket(req.bucketName());
        }
        if (status == 401 || status == 403) {
            return new S3Exception(S3ErrorCode.AccessDenied);
        }
        return new S3Exception(S3ErrorCode.InvalidRequest, text.strip());
    }

    /**
     * The Host header with at most one port: boto's SigV4 signer sends {@code host:port:port} for a non-default
     * port, which s3api's {@code _make_complete_body} reduces the same way.
     */
    static String hostAndFirstPort(String host) {
        int bracket = host.lastIndexOf(']');
        int colon = host.indexOf(':', bracket + 1);
        if (colon < 0) {
            return host;
        }
        int next = host.indexOf(':', colon + 1);
        return next < 0 ? host : host.substring(0, next);
    }

    private void respondDone(String s3Etag) {
        String host = req.clientHeaders().get("Host", "localhost");
        XmlWriter x = xml().openRoot("CompleteMultipartUploadResult")
                .element("Location", "http://" + hostAndFirstPort(host) + req.resource())
                .element("Bucket", req.bucketName())
                .element("Key", req.keyName())
                .element("ETag", "\"" + s3Etag + "\"")
                .close("CompleteMultipartUploadResult");
        respond(200, EmptyHttpHeaders.INSTANCE, x.toString());
    }
}
