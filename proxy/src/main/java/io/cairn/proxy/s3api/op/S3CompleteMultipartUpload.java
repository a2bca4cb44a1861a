package io.cairn.proxy.s3api.op;

import io.cairn.common.codec.Json;
import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.checksum.ChecksumAlgorithm;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlNode;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.buffer.Unpooled;
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

    /** A part named by the client, with the checksum it gave for it (or null). */
    private record Wanted(int number, String etag, @Nullable String checksum) {}

    /** The completed object's checksum and its type, when the upload has a checksum algorithm. */
    private record Checksum(ChecksumAlgorithm algorithm, String value, String type) {}

    public S3CompleteMultipartUpload(Exchange ex, SwiftApp app, S3Request req, long minSegmentSize) {
        super(ex, app, req);
        this.minSegmentSize = minSegmentSize;
        this.body = new RequestBody(req, MAX_BODY);
    }

    @Override
    protected void run() {
        SseC key = SseC.fromHeaders(req.clientHeaders(), SseC.CUSTOMER);
        checkUpload(uploadId(), headers -> {
            if (key != null) {
                SseC.checkRead(key, headers);
            }
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
            ChecksumAlgorithm a = ChecksumAlgorithm.of(u.get(S3CreateMultipartUpload.SYSMETA_CHECKSUM_ALGORITHM));
            String v = a == null ? null : u.get(ResponseHeaders.SYSMETA_CHECKSUM + a.name());
            String t = u.get(S3CreateMultipartUpload.SYSMETA_CHECKSUM_TYPE);
            respondDone(s3Etag, a == null || v == null || t == null ? null : new Checksum(a, v, t));
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
            String sum = null;
            for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
                String v = part.childText("Checksum" + a.wireName());
                if (v != null) {
                    sum = v.strip();
                }
            }
            out.add(new Wanted(n, e, sum));
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
        List<Part> chosen = new ArrayList<>();
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
            chosen.add(p);
            Map<String, Object> seg = new LinkedHashMap<>();
            seg.put("path", "/" + segments() + "/" + p.name());
            seg.put("etag", w.etag());
            seg.put("size_bytes", p.bytes());
            segments.add(seg);
        }
        ChecksumAlgorithm algorithm =
                ChecksumAlgorithm.of(marker.get(S3CreateMultipartUpload.SYSMETA_CHECKSUM_ALGORITHM));
        if (algorithm == null) {
            putManifest(marker, segments, s3Etag, null);
            return;
        }
        String type = S3CreateMultipartUpload.checksumType(
                algorithm, marker.get(S3CreateMultipartUpload.SYSMETA_CHECKSUM_TYPE));
        partChecksums(algorithm, wanted, chosen, 0, new ArrayList<>(), raw -> {
            putManifest(marker, segments, s3Etag, new Checksum(algorithm, combine(algorithm, type, raw, chosen), type));
        });
    }

    /**
     * The stored checksum of each chosen part (a HEAD of each: a listing has no sysmeta), checked against the one
     * the client gave for it; InvalidRequest for a part stored without one.
     */
    private void partChecksums(
            ChecksumAlgorithm a,
            List<Wanted> wanted,
            List<Part> chosen,
            int i,
            List<byte[]> raw,
            java.util.function.Consumer<List<byte[]>> then) {
        if (i == chosen.size()) {
            then.accept(raw);
            return;
        }
        Part p = chosen.get(i);
        call(HttpMethod.HEAD, path(segments(), p.name(), ""), swiftHeaders(), null, r -> {
            String v = r.status().code() / 100 == 2
                    ? r.headers()
                            .get(
                                    ResponseHeaders.SYSMETA_CHECKSUM + a.name(),
                                    r.headers().get(ResponseHeaders.TRANSIENT_CHECKSUM + a.name()))
                    : null;
            if (v == null) {
                throw new S3Exception(
                        S3ErrorCode.InvalidRequest,
                        "The upload was created using a " + a.lowerName() + " checksum. The complete request must"
                                + " include the checksum for each part. It was missing for part " + p.number()
                                + " in the request.");
            }
            String given = wanted.get(i).checksum();
            if (given != null && !given.equals(v)) {
                throw invalidPart(p.number());
            }
            raw.add(java.util.Base64.getDecoder().decode(v));
            partChecksums(a, wanted, chosen, i + 1, raw, then);
        });
    }

    /**
     * The object's checksum from its parts': COMPOSITE is {@code base64(HASH(raw part checksums)) + "-N"},
     * FULL_OBJECT the CRC of the whole, combined from the parts' CRCs and sizes.
     */
    static String combine(ChecksumAlgorithm a, String type, List<byte[]> raw, List<Part> parts) {
        if (type.equals("FULL_OBJECT")) {
            byte[] crc = raw.get(0);
            for (int i = 1; i < raw.size(); i++) {
                crc = a.combine(crc, raw.get(i), parts.get(i).bytes());
            }
            return java.util.Base64.getEncoder().encodeToString(crc);
        }
        ChecksumAlgorithm.Digest d = a.newDigest();
        for (byte[] b : raw) {
            d.update(b, 0, b.length);
        }
        return java.util.Base64.getEncoder().encodeToString(d.digest()) + "-" + raw.size();
    }

    private void putManifest(
            HttpHeaders marker, List<Map<String, Object>> segments, String s3Etag, @Nullable Checksum checksum) {
        HttpHeaders h = objectHeaders(marker);
        if (checksum != null) {
            h.set(ResponseHeaders.SYSMETA_CHECKSUM + checksum.algorithm().name(), checksum.value());
            h.set(S3CreateMultipartUpload.SYSMETA_CHECKSUM_TYPE, checksum.type());
            h.set(
                    S3CreateMultipartUpload.SYSMETA_CHECKSUM_ALGORITHM,
                    checksum.algorithm().name());
        }
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
                            d -> respondDone(s3Etag, checksum));
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
                    || k.equalsIgnoreCase(ObjectLock.LEGAL_HOLD)
                    || k.startsWith("x-object-sysmeta-s3api-sse-c-")) {
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

    private void respondDone(String s3Etag, @Nullable Checksum checksum) {
        String host = req.clientHeaders().get("Host", "localhost");
        XmlWriter x = xml().openRoot("CompleteMultipartUploadResult")
                .element("Location", "http://" + hostAndFirstPort(host) + req.resource())
                .element("Bucket", req.bucketName())
                .element("Key", req.keyName())
                .element("ETag", "\"" + s3Etag + "\"");
        if (checksum != null) {
            x.element("Checksum" + checksum.algorithm().wireName(), checksum.value())
                    .element("ChecksumType", checksum.type());
        }
        x.close("CompleteMultipartUploadResult");
        HttpHeaders out = new io.netty.handler.codec.http.DefaultHttpHeaders();
        HttpHeaders u = upload;
        if (u != null && SseC.isEncrypted(u)) {
            out.set(SseC.CUSTOMER + "algorithm", SseC.ALGORITHM);
            out.set(SseC.CUSTOMER + "key-MD5", u.get(SseC.SYSMETA_KEY_MD5, ""));
        }
        respond(200, out, x.toString());
    }
}
