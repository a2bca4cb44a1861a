package io.cairn.proxy.s3api.op;

import io.cairn.common.http.ByteRanges;
import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.ResponseSink;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
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

    /** {@code version-id=…} when the client named a version ({@code versionId}), else empty. */
    private String swiftQuery = "";

    public S3GetObject(Exchange ex, SwiftApp app, S3Request req) {
        super(ex, app, req);
    }

    @Override
    protected void run() {
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
        if (partNumber != null) {
            int n = S3UploadPart.partNumber(req, 10_000);
            call(HttpMethod.HEAD, path(req.bucketName(), req.keyName(), swiftQuery), swiftHeaders(), null, head -> {
                if (head.status().code() / 100 != 2) {
                    error(new DefaultHttpResponse(
                            head.protocolVersion(),
                            head.status(),
                            head.headers().copy()));
                    return;
                }
                if (!"true".equalsIgnoreCase(head.headers().get("X-Static-Large-Object"))) {
                    if (n != 1) {
                        throw new S3Exception(S3ErrorCode.InvalidPartNumber);
                    }
                    get(null, null);
                    return;
                }
                part(n);
            });
            return;
        }
        HttpHeaders c = req.clientHeaders();
        if (c.contains("If-Match") || c.contains("If-None-Match")) {
            // the S3 ETag of a multipart object is no ETag Swift knows: match it here against a HEAD, then read
            // the object on the condition that it is still the one HEADed
            call(
                    HttpMethod.HEAD,
                    path(req.bucketName(), req.keyName(), swiftQuery),
                    swiftHeaders(),
                    null,
                    this::matched);
            return;
        }
        get(null, null);
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
                    get(null, "bytes=" + start + "-" + end);
                });
    }

    private void matched(FullHttpResponse head) {
        int st = head.status().code();
        if (st / 100 != 2) {
            HttpResponse copy = new DefaultHttpResponse(
                    head.protocolVersion(), head.status(), head.headers().copy());
            error(copy);
            return;
        }
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
        if (swiftEtag != null) {
            h.set("If-Match", swiftEtag);
        }
        if (partRange != null) {
            h.set("Range", partRange);
        }
        for (String name : List.of("If-Modified-Since", "If-Unmodified-Since", "Range")) {
            String v = c.get(name);
            if (v != null && !(partRange != null && name.equals("Range"))) {
                h.set(name, v);
            }
        }
        HttpMethod m = HttpMethod.valueOf(req.method());
        pending(Subrequests.stream(ex, app, m, path(req.bucketName(), req.keyName(), swiftQuery), h, null, this));
    }

    private HttpHeaders s3Headers(HttpResponse swift) {
        boolean checksums = "ENABLED".equalsIgnoreCase(req.clientHeaders().get("x-amz-checksum-mode"));
        HttpHeaders out = ResponseHeaders.translate(swift.headers(), checksums);
        for (String k : OVERRIDES) {
            String v = req.query().get("response-" + k);
            if (v != null) {
                out.set(k, v);
            }
        }
        if (partsCount > 0) {
            out.set("x-amz-mp-parts-count", Integer.toString(partsCount));
        }
        out.set("x-amz-request-id", ex.transId());
        out.set("x-amz-id-2", ex.transId());
        return out;
    }

    private boolean isSuccess(int st) {
        return st == 200 || st == 206 || st == 304;
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
        if (req.method().equals("HEAD")) {
            try {
                status = headRange(h, status);
            } catch (S3Exception e) {
                response.release();
                fail(e);
                return;
            }
        }
        FullHttpResponse out = new DefaultFullHttpResponse(
                response.protocolVersion(), status, response.content(), h, response.trailingHeaders());
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
        if (req.method().equals("HEAD")) {
            // a HEAD answered as a stream (not a full response) gets the same 206 treatment
            try {
                status = headRange(h, status);
            } catch (S3Exception e) {
                refused = true;
                fail(e);
                return;
            }
        }
        ex.startResponse(new DefaultHttpResponse(head.protocolVersion(), status, h));
    }

    @Override
    public void writeBody(HttpContent content) {
        if (errorHead != null || refused) {
            content.release();
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
