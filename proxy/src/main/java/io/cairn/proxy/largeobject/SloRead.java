package io.cairn.proxy.largeobject;

import io.cairn.common.http.ByteRanges;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * GET and HEAD of what may be an SLO manifest (Swift's {@code handle_slo_get_or_head}). The request goes on
 * with {@code X-Backend-Etag-Is-At: X-Object-Sysmeta-Slo-Etag} (the object servers evaluate {@code If-Match}
 * and {@code If-None-Match} against the SLO's ETag) and {@code X-Backend-Ignore-Range-If-Metadata-Present:
 * X-Static-Large-Object} (a manifest comes back whole whatever the Range). A manifest's answer gets the SLO's
 * quoted ETag, its size as Content-Length and the manifest object's ETag as {@code X-Manifest-Etag}; a HEAD
 * (or a 304/412) is answered from the sysmeta alone, a GET streams the segments ({@link SegmentedBody}) for the
 * whole object, one range (206) or several (multipart/byteranges). {@code ?multipart-manifest=get} answers the
 * stored manifest ({@code &format=raw}: in the client's PUT format).
 *
 * <p>Confined to the exchange's event loop.
 */
final class SloRead extends ManifestRead {
    private final boolean manifestGet;
    private final boolean raw;
    private final SegmentPacing pacing;
    private final Clock clock;

    SloRead(Exchange exchange, SwiftApp next, boolean manifestGet, SloConfig config, Clock clock) {
        super(exchange, next, Math.max(config.maxManifestSize() * 4, 8 << 20));
        this.manifestGet = manifestGet;
        this.pacing = config.pacing();
        this.clock = clock;
        this.raw =
                manifestGet && "raw".equals(LargeObjects.param(exchange.path().query(), "format"));
    }

    @Override
    void prepare(HttpHeaders h) {
        if (!manifestGet) {
            append(h, "X-Backend-Etag-Is-At", SloManifest.SYSMETA_ETAG);
            append(h, "X-Backend-Ignore-Range-If-Metadata-Present", SloManifest.MARKER);
        }
    }

    private static void append(HttpHeaders h, String name, String value) {
        String have = h.get(name);
        h.set(name, have == null || have.isEmpty() ? value : have + "," + value);
    }

    @Override
    boolean isManifest(HttpResponse head) {
        return LargeObjects.isTrue(head.headers().get(SloManifest.MARKER));
    }

    @Override
    boolean needsBody(HttpResponse head) {
        if (manifestGet) {
            return true;
        }
        HttpHeaders h = head.headers();
        boolean sysmeta = h.contains(SloManifest.SYSMETA_ETAG) && h.contains(SloManifest.SYSMETA_SIZE);
        return !(sysmeta && (exchange.method().equals(HttpMethod.HEAD) || conditionalAnswer(head)));
    }

    private boolean conditionalAnswer(HttpResponse head) {
        int status = head.status().code();
        HttpHeaders req = exchange.headers();
        return (status == 304 || status == 412) && (req.contains("If-Match") || req.contains("If-None-Match"));
    }

    @Override
    void serve(HttpResponse head, @Nullable ByteBuf body) {
        if (manifestGet) {
            serveManifest(head, body == null ? Unpooled.EMPTY_BUFFER : body);
            return;
        }
        HttpHeaders h = head.headers();
        String manifestEtag = h.get(HttpHeaderNames.ETAG);
        String sloEtag = h.get(SloManifest.SYSMETA_ETAG);
        String sloSize = h.get(SloManifest.SYSMETA_SIZE);
        if (body == null && sloEtag != null && sloSize != null) {
            HttpHeaders out = h.copy();
            out.set(HttpHeaderNames.ETAG, "\"" + sloEtag + "\"");
            if (manifestEtag != null) {
                out.set("X-Manifest-Etag", manifestEtag);
            }
            out.set(HttpHeaderNames.CONTENT_LENGTH, sloSize);
            answerHead(head.status().code(), out, sloEtag);
            return;
        }
        List<Map<String, Object>> segments =
                SloManifest.readStored(body == null ? "" : body.toString(StandardCharsets.UTF_8));
        HttpHeaders out = h.copy();
        out.remove(HttpHeaderNames.CONTENT_RANGE);
        out.remove(HttpHeaderNames.CONTENT_LENGTH);
        out.remove(HttpHeaderNames.ETAG);
        out.remove(HttpHeaderNames.TRANSFER_ENCODING);
        if (manifestEtag != null) {
            out.set("X-Manifest-Etag", manifestEtag);
        }
        String etag = sloEtag != null ? sloEtag : SloManifest.sloEtag(segments);
        long length = sloSize != null ? LargeObjects.parseLong(sloSize) : totalLength(segments);
        out.set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(length));
        out.set(HttpHeaderNames.ETAG, "\"" + etag + "\"");
        if (exchange.method().equals(HttpMethod.HEAD)) {
            answerHead(200, out, etag);
            return;
        }
        int cond = Conditionals.evaluate(exchange.headers(), etag, out.get(HttpHeaderNames.LAST_MODIFIED));
        if (cond != 0) {
            respondEmpty(cond, out);
            return;
        }
        streamBody(out, segments, length);
    }

    /** A HEAD (or a 304/412) from the manifest's headers: swob's conditional answer over the SLO's ETag. */
    private void answerHead(int status, HttpHeaders out, String etag) {
        int cond = Conditionals.evaluate(exchange.headers(), etag, out.get(HttpHeaderNames.LAST_MODIFIED));
        if (cond != 0) {
            respondEmpty(cond, out);
            return;
        }
        FullHttpResponse r = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                SwiftResponses.status(status),
                Unpooled.EMPTY_BUFFER,
                out,
                new io.netty.handler.codec.http.DefaultHttpHeaders());
        exchange.respond(r);
    }

    private void respondEmpty(int status, HttpHeaders out) {
        out.set(HttpHeaderNames.CONTENT_LENGTH, "0");
        exchange.respond(new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                SwiftResponses.status(status),
                Unpooled.EMPTY_BUFFER,
                out,
                new io.netty.handler.codec.http.DefaultHttpHeaders()));
    }

    /** The whole SLO, one range (206) or several (multipart/byteranges); 416 when none is satisfiable. */
    private void streamBody(HttpHeaders out, List<Map<String, Object>> segments, long length) {
        ByteRanges ranges = ByteRanges.parse(exchange.headers().get(HttpHeaderNames.RANGE));
        long[] byteranges = ranges == null ? new long[0] : ranges.forLength(length);
        if (ranges != null && byteranges.length == 0 && length > 0) {
            FullHttpResponse r = SwiftResponses.standard(416);
            r.headers().set(out);
            r.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
            r.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + length);
            exchange.respond(r);
            return;
        }
        int status = 200;
        long bodyLength = length;
        String boundary = null;
        String partType = out.get(HttpHeaderNames.CONTENT_TYPE, "");
        if (ranges != null && length > 0 && byteranges.length == 2) {
            status = 206;
            out.set(HttpHeaderNames.CONTENT_RANGE, "bytes " + byteranges[0] + "-" + (byteranges[1] - 1) + "/" + length);
            bodyLength = byteranges[1] - byteranges[0];
        } else if (ranges != null && length > 0 && byteranges.length > 2) {
            status = 206;
            boundary = boundary();
            bodyLength = multipartLength(byteranges, boundary, partType, length);
            out.set(HttpHeaderNames.CONTENT_TYPE, "multipart/byteranges;boundary=" + boundary);
        } else {
            byteranges = new long[] {0, length};
        }
        out.set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(bodyLength));
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, SwiftResponses.status(status), out);
        SloListing listing = new SloListing(exchange, next, segments, byteranges, boundary, partType, length);
        stream(new SegmentedBody(exchange, next, listing, head, bodyLength, pacing.start(clock)));
    }

    /** swob's {@code _prepare_for_ranges} length: part headers, data, CRLFs and the closing boundary. */
    private static long multipartLength(long[] ranges, String boundary, String type, long length) {
        long total = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            total += SloListing.partHeader(boundary, type, ranges[i], ranges[i + 1] - 1, length).length;
            total += ranges[i + 1] - ranges[i];
            total += 2;
        }
        return total + boundary.length() + 4;
    }

    private static String boundary() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    /** {@code ?multipart-manifest=get}: the stored manifest as JSON ({@code format=raw}: the PUT format). */
    private void serveManifest(HttpResponse head, ByteBuf body) {
        HttpHeaders out = head.headers().copy();
        out.remove(HttpHeaderNames.TRANSFER_ENCODING);
        ByteBuf content;
        if (raw) {
            byte[] json = SloManifest.toRaw(SloManifest.readStored(body.toString(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.UTF_8);
            content = Unpooled.wrappedBuffer(json);
            out.set(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(json.length));
            out.set(HttpHeaderNames.ETAG, SloManifest.md5Hex(json));
        } else {
            content = body.retainedDuplicate();
            out.set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        }
        exchange.respond(new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                head.status(),
                content,
                out,
                new io.netty.handler.codec.http.DefaultHttpHeaders()));
    }

    private static long totalLength(List<Map<String, Object>> segments) {
        long total = 0;
        for (Map<String, Object> s : segments) {
            total += SloManifest.segmentLength(s);
        }
        return total;
    }
}
