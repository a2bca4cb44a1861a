package io.cairn.proxy.s3api.op;

import io.cairn.common.http.ByteRanges;
import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.checksum.ChecksumAlgorithm;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.ResponseSink;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * GetObject and HeadObject (s3api's {@code ObjectController.GETorHEAD}): a Swift GET/HEAD with the client's range
 * and date conditionals, streamed back untouched with S3's headers ({@link ResponseHeaders}) and the {@code
 * response-*} overrides; a HEAD with a {@code Range} answers 206 as S3 does. {@code If-Match}/{@code
 * If-None-Match} are matched here against the S3 ETag (a multipart object's is no ETag Swift knows) after a HEAD,
 * and the GET is then made on the condition that the object is still the one HEADed. {@code partNumber=N} of a
 * multipart object reads that part's bytes of the assembled object (from the manifest's sizes: 206 with {@code
 * x-amz-mp-parts-count}); of a plain object, part 1 is the object. Errors: NoSuchKey (or NoSuchBucket when the
 * container is missing), PreconditionFailed, InvalidRange, InvalidPartNumber.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3GetObject extends S3Operation implements ResponseSink {
    private static final List<String> OVERRIDES = List.of(
            "content-type", "content-language", "expires", "cache-control", "content-disposition", "content-encoding");

    private static final String VERSION_ID = "X-Object-Version-Id";

    private @Nullable HttpResponse errorHead;
    /** A HEAD's range was refused at the response head: the rest of Swift's answer is dropped. */
    private boolean refused;

    private int partsCount;
    /** GetObject {@code partNumber} with checksums: the part's own (from its segment), replacing the object's. */
    private @Nullable HttpHeaders partChecksums;

    /** SSE-C: the key of the request's {@code x-amz-server-side-encryption-customer-*} headers, if any. */
    private @Nullable SseC sse;
    /** SSE-C: the salt and the parts (sizes and IVs, from the manifest) of an encrypted multipart object. */
    private byte @Nullable [] sseSalt;

    private @Nullable List<SseC.Segment> sseSegments;
    /** SSE-C: the ETag of the object the key was checked against; the read is made on condition it is still it. */
    private @Nullable String sseEtag;
    /** SSE-C: the cipher the body passes through. */
    private SseC.@Nullable Ctr decrypt;

    /** {@code version-id=…} when the client named a version ({@code versionId}), else empty. */
    private String swiftQuery = "";

    public S3GetObject(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
        sse = SseC.fromHeaders(req.clientHeaders(), SseC.CUSTOMER);
        String version = VersionIds.of(req);
        if (version == null) {
            read();
            return;
        }
        swiftQuery = VersionIds.query(version);
        if (!VersionIds.isReal(version)) {
            read();
            return;
        }
        containerInfo(info -> {
            if (info.sysmeta()
                    .getOrDefault(VersionIds.INFO_VERSIONS_CONTAINER, "")
                    .isEmpty()) {
                // versioning has never been enabled
                throw new S3Exception(S3ErrorCode.NoSuchVersion)
                        .with("Key", req.keyName())
                        .with("VersionId", version);
            }
            read();
        });
    }

    private void read() {
        String partNumber = req.query().get("partNumber");
        int n = partNumber == null ? 0 : S3UploadPart.partNumber(req, 10_000);
        HttpHeaders c = req.clientHeaders();
        // the S3 ETag of a multipart object is no ETag Swift knows: If-Match/If-None-Match are matched here
        // against a HEAD, then the object read on the condition that it is still the one HEADed
        boolean conditional = c.contains("If-Match") || c.contains("If-None-Match");
        if (n == 0 && !conditional && sse == null) {
            get(null, null);
            return;
        }
        call(HttpMethod.HEAD, path(req.bucketName(), req.keyName(), swiftQuery), swiftHeaders(), null, r -> {
            if (r.status().code() / 100 != 2) {
                error(new DefaultHttpResponse(
                        r.protocolVersion(), r.status(), r.headers().copy()));
                return;
            }
            FullHttpResponse head = r.replace(Unpooled.EMPTY_BUFFER);
            SseC.checkRead(sse, head.headers());
            boolean slo = "true".equalsIgnoreCase(head.headers().get("X-Static-Large-Object"));
            if (sse != null) {
                sseEtag = head.headers().get("ETag");
            }
            Runnable next = () -> {
                if (n > 0) {
                    if (!slo) {
                        if (n != 1) {
                            throw new S3Exception(S3ErrorCode.InvalidPartNumber);
                        }
                        get(null, null);
                        return;
                    }
                    part(n);
                } else if (conditional) {
                    matched(head);
                } else {
                    get(null, null);
                }
            };
            if (sse != null && slo && !req.method().equals("HEAD")) {
                sseSegments(head.headers(), next);
            } else {
                next.run();
            }
        });
    }

    /** SSE-C: the sizes and IVs of an encrypted multipart object's parts, from its manifest. */
    private void sseSegments(HttpHeaders head, Runnable then) {
        byte[] salt = SseC.salt(head);
        String q = swiftQuery.isEmpty() ? "multipart-manifest=get" : "multipart-manifest=get&" + swiftQuery;
        call(HttpMethod.GET, path(req.bucketName(), req.keyName(), q), swiftHeaders(), null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(r, "GET", S3ErrorResponses.Target.OBJECT, true);
            }
            List<SseC.Segment> segments = new ArrayList<>();
            for (Map<String, Object> seg : Listings.parse(r)) {
                byte[] iv = SseC.ivOfPartType(Listings.string(seg, "content_type"));
                if (iv == null || seg.containsKey("range")) {
                    throw new S3Exception(S3ErrorCode.InternalError, "The object's encryption parameters are damaged.");
                }
                segments.add(new SseC.Segment(Listings.number(seg, "bytes"), iv));
            }
            sseSalt = salt;
            sseSegments = segments;
            then.run();
        });
    }

    /** GetObject {@code partNumber=N} of a multipart object: the part's bytes of the assembled object, 206. */
    private void part(int n) {
        call(
                HttpMethod.GET,
                path(
                        req.bucketName(),
                        req.keyName(),
                        swiftQuery.isEmpty()
                                ? "multipart-manifest=get&format=raw"
                                : "multipart-manifest=get&format=raw&" + swiftQuery),
                swiftHeaders(),
                null,
                r -> {
                    if (r.status().code() / 100 != 2) {
                        throw swiftError(r, "GET", S3ErrorResponses.Target.OBJECT, true);
                    }
                    List<Map<String, Object>> segments = Listings.parse(r);
                    if (n > segments.size()) {
                        throw new S3Exception(S3ErrorCode.InvalidPartNumber);
                    }
                    long start = 0;
                    for (int i = 0; i < n - 1; i++) {
                        start += Listings.number(segments.get(i), "size_bytes");
                    }
                    long end = start + Listings.number(segments.get(n - 1), "size_bytes") - 1;
                    partsCount = segments.size();
                    String range = "bytes=" + start + "-" + end;
                    if (!checksumMode()) {
                        get(null, range);
                        return;
                    }
                    // the part's own checksum (a multipart object's is of all its parts)
                    String segment = Listings.string(segments.get(n - 1), "path");
                    int slash = segment.indexOf('/', 1);
                    if (slash < 0) {
                        get(null, range);
                        return;
                    }
                    call(
                            HttpMethod.HEAD,
                            path(segment.substring(1, slash), segment.substring(slash + 1), ""),
                            swiftHeaders(),
                            null,
                            p -> {
                                HttpHeaders found = ResponseHeaders.translate(p.headers(), true);
                                HttpHeaders mine = new io.netty.handler.codec.http.DefaultHttpHeaders();
                                for (Map.Entry<String, String> e : found) {
                                    if (e.getKey().toLowerCase(Locale.ROOT).startsWith("x-amz-checksum-")) {
                                        mine.add(e.getKey(), e.getValue());
                                    }
                                }
                                partChecksums = mine;
                                get(null, range);
                            });
                });
    }

    private void matched(FullHttpResponse head) {
        String s3Etag = ResponseHeaders.translate(head.headers(), false).get("ETag", "");
        HttpHeaders c = req.clientHeaders();
        String inm = c.get("If-None-Match");
        String im = c.get("If-Match");
        if (inm != null && matches(inm, s3Etag)) {
            HttpHeaders out = ResponseHeaders.translate(head.headers(), false);
            out.remove("Content-Length");
            out.set("Content-Length", 0);
            out.set("x-amz-request-id", ex.transId());
            out.set("x-amz-id-2", ex.transId());
            ex.respond(new DefaultFullHttpResponse(
                    head.protocolVersion(),
                    HttpResponseStatus.NOT_MODIFIED,
                    Unpooled.EMPTY_BUFFER,
                    out,
                    io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE));
            return;
        }
        if (im != null && !matches(im, s3Etag)) {
            throw new S3Exception(S3ErrorCode.PreconditionFailed);
        }
        get(head.headers().get("ETag"), null);
    }

    private static boolean matches(String header, String etag) {
        String want = ResponseHeaders.unquote(etag);
        for (String t : header.split(",")) {
            String tag = t.strip();
            if (tag.equals("*") || ResponseHeaders.unquote(tag).equals(want)) {
                return true;
            }
        }
        return false;
    }

    private void get(@Nullable String swiftEtag, @Nullable String partRange) {
        HttpHeaders h = swiftHeaders();
        HttpHeaders c = req.clientHeaders();
        String bound = swiftEtag != null ? swiftEtag : sseEtag;
        if (bound != null) {
            h.set("If-Match", bound);
        }
        if (partRange != null) {
            h.set("Range", partRange);
        }
        for (String name : List.of("If-Modified-Since", "If-Unmodified-Since", "Range")) {
            String v = c.get(name);
            if (v != null && !(partRange != null && name.equals("Range"))) {
                if (name.equals("Range") && sse != null && v.contains(",")) {
                    // several ranges would come as multipart/byteranges: S3 serves one, an encrypted object whole
                    continue;
                }
                h.set(name, v);
            }
        }
        HttpMethod m = HttpMethod.valueOf(req.method());
        pending(Subrequests.stream(ex, app, m, path(req.bucketName(), req.keyName(), swiftQuery), h, null, this));
    }

    private boolean checksumMode() {
        return "ENABLED".equalsIgnoreCase(req.clientHeaders().get("x-amz-checksum-mode"));
    }

    private HttpHeaders s3Headers(HttpResponse swift) {
        boolean checksums = checksumMode();
        HttpHeaders out = ResponseHeaders.translate(swift.headers(), checksums);
        HttpHeaders part = partChecksums;
        if (part != null) {
            for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
                out.remove(a.header());
            }
            out.remove("x-amz-checksum-type");
            out.add(part);
        }
        for (String k : OVERRIDES) {
            String v = req.query().get("response-" + k);
            if (v != null) {
                out.set(k, v);
            }
        }
        if (partsCount > 0) {
            out.set("x-amz-mp-parts-count", Integer.toString(partsCount));
        }
        SseC key = sse;
        if (key != null) {
            key.echo(out);
        }
        out.set("x-amz-request-id", ex.transId());
        out.set("x-amz-id-2", ex.transId());
        return out;
    }

    private boolean isSuccess(int st) {
        return st == 200 || st == 206 || st == 304;
    }

    /**
     * SSE-C on Swift's answer: the key checked against the object read (InvalidRequest for an encrypted object
     * read without one), and the cipher of a body from the offset its {@code Content-Range} gives.
     */
    private void sseAnswer(HttpResponse swift) {
        HttpHeaders sh = swift.headers();
        SseC.checkRead(sse, sh);
        SseC key = sse;
        int st = swift.status().code();
        if (key == null || req.method().equals("HEAD") || (st != 200 && st != 206)) {
            return;
        }
        long offset = 0;
        String cr = sh.get("Content-Range");
        if (st == 206 && cr != null) {
            String spec = cr.strip();
            int space = spec.indexOf(' ');
            int dash = spec.indexOf('-', space + 1);
            try {
                offset = Long.parseLong(spec.substring(space + 1, dash).strip());
            } catch (RuntimeException e) {
                throw new S3Exception(S3ErrorCode.InternalError, "Unreadable Content-Range: " + cr);
            }
        }
        List<SseC.Segment> segments = sseSegments;
        byte[] salt = sseSalt;
        if (segments != null && salt != null) {
            decrypt = key.ctr(salt, segments, offset);
        } else if ("true".equalsIgnoreCase(sh.get("X-Static-Large-Object"))) {
            throw new S3Exception(S3ErrorCode.InternalError, "The object changed while it was read.");
        } else {
            decrypt = key.ctr(SseC.salt(sh), SseC.iv(sh), offset);
        }
    }

    @Override
    public void respond(FullHttpResponse response) {
        int st = response.status().code();
        if (!isSuccess(st)) {
            HttpResponse head =
                    new DefaultHttpResponse(response.protocolVersion(), response.status(), response.headers());
            response.release();
            error(head);
            return;
        }
        HttpHeaders h = s3Headers(response);
        HttpResponseStatus status = response.status();
        try {
            sseAnswer(response);
            if (req.method().equals("HEAD")) {
                status = headRange(h, status);
            }
        } catch (S3Exception e) {
            response.release();
            fail(e);
            return;
        }
        SseC.Ctr d = decrypt;
        io.netty.buffer.ByteBuf body =
                d == null || !response.content().isReadable() ? response.content() : d.apply(response.content());
        FullHttpResponse out =
                new DefaultFullHttpResponse(response.protocolVersion(), status, body, h, response.trailingHeaders());
        ex.respond(out);
    }

    /** s3api's {@code _gen_head_range_resp}: a satisfiable single range of a HEAD answers 206. */
    private HttpResponseStatus headRange(HttpHeaders h, HttpResponseStatus status) {
        String range = req.clientHeaders().get("Range");
        String len = h.get("Content-Length");
        if (range == null || len == null || status.code() != 200) {
            return status;
        }
        long length = Long.parseLong(len);
        ByteRanges parsed = ByteRanges.parse(range);
        if (parsed == null) {
            return status;
        }
        long[] ranges = parsed.forLength(length);
        if (ranges.length == 0) {
            throw new S3Exception(S3ErrorCode.InvalidRange);
        }
        if (ranges.length == 2) {
            h.set("Content-Range", "bytes " + ranges[0] + "-" + (ranges[1] - 1) + "/" + length);
            h.set("Content-Length", Long.toString(ranges[1] - ranges[0]));
            return HttpResponseStatus.PARTIAL_CONTENT;
        }
        return status;
    }

    @Override
    public void startResponse(HttpResponse head) {
        if (!isSuccess(head.status().code())) {
            errorHead = head;
            return;
        }
        HttpHeaders h = s3Headers(head);
        HttpResponseStatus status = head.status();
        try {
            sseAnswer(head);
            if (req.method().equals("HEAD")) {
                // a HEAD answered as a stream (not a full response) gets the same 206 treatment
                status = headRange(h, status);
            }
        } catch (S3Exception e) {
            refused = true;
            fail(e);
            return;
        }
        ex.startResponse(new DefaultHttpResponse(head.protocolVersion(), status, h));
    }

    @Override
    public void writeBody(HttpContent content) {
        if (errorHead != null || refused) {
            content.release();
            return;
        }
        SseC.Ctr d = decrypt;
        if (d != null && content.content().isReadable()) {
            ex.writeBody(new DefaultHttpContent(d.apply(content.content())));
            return;
        }
        ex.writeBody(content);
    }

    @Override
    public void endResponse(LastHttpContent last) {
        if (refused) {
            last.release();
            return;
        }
        HttpResponse err = errorHead;
        if (err != null) {
            last.release();
            errorHead = null;
            error(err);
            return;
        }
        SseC.Ctr d = decrypt;
        if (d != null && last.content().isReadable()) {
            DefaultLastHttpContent plain = new DefaultLastHttpContent(d.apply(last.content()));
            plain.trailingHeaders().set(last.trailingHeaders());
            ex.endResponse(plain);
            return;
        }
        ex.endResponse(last);
    }

    @Override
    public void abort() {
        ex.abort();
    }

    @Override
    public boolean isWritable() {
        return ex.isWritable();
    }

    private void error(HttpResponse swift) {
        pending(null);
        int st = swift.status().code();
        if (st != 404) {
            FullHttpResponse r =
                    new DefaultFullHttpResponse(swift.protocolVersion(), swift.status(), Unpooled.EMPTY_BUFFER);
            r.headers().set(swift.headers());
            guarded(() -> {
                throw swiftError(r, req.method().toUpperCase(Locale.ROOT), S3ErrorResponses.Target.OBJECT, true);
            });
            return;
        }
        HttpHeaders sh = swift.headers();
        if (VersionIds.DELETE_MARKER_TYPE.equals(sh.get("Content-Type"))) {
            // a version read that met a delete marker (object versioning's 404)
            throw S3Exception.noSuchKey(req.keyName())
                    .header("x-amz-delete-marker", "true")
                    .header("x-amz-version-id", sh.get(VERSION_ID, ""));
        }
        call(HttpMethod.HEAD, path(req.bucketName(), null, ""), swiftHeaders(), null, c -> {
            if (c.status().code() / 100 != 2) {
                throw S3Exception.noSuchBucket(req.bucketName());
            }
            if (!swiftQuery.isEmpty() || c.headers().get(VersionIds.SYSMETA_ENABLED) == null) {
                throw S3Exception.noSuchKey(req.keyName());
            }
            latestMarker();
        });
    }

    /**
     * A missing key in a bucket that has had versioning: S3 says whether its latest version is a delete marker
     * ({@code x-amz-delete-marker}, the marker's {@code x-amz-version-id}); one versions listing of the key, on
     * this error path only. s3api 2.30.1 answers a bare NoSuchKey.
     */
    private void latestMarker() {
        String q = "format=json&versions&limit=1&prefix=" + MultipartLayout.quote(req.keyName());
        call(HttpMethod.GET, path(req.bucketName(), null, q), swiftHeaders(), null, l -> {
            S3Exception e = S3Exception.noSuchKey(req.keyName());
            if (l.status().code() == 200) {
                List<Map<String, Object>> items = Listings.parse(l);
                Map<String, Object> first = items.isEmpty() ? Map.of() : items.get(0);
                if (req.keyName().equals(Listings.string(first, "name"))
                        && VersionIds.DELETE_MARKER_TYPE.equals(Listings.string(first, "content_type"))) {
                    e.header("x-amz-delete-marker", "true")
                            .header("x-amz-version-id", Listings.string(first, "version_id"));
                }
            }
            throw e;
        });
    }
}
