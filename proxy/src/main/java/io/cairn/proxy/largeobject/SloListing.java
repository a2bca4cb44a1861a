package io.cairn.proxy.largeobject;

import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The pieces of an SLO's body for a list of byte ranges (Swift's {@code _segment_listing_iterator} and
 * {@code _byterange_listing_iterator}): segments cut to the bytes wanted, inline {@code data}, and sub-SLOs
 * entered (their manifests fetched below the filter when the reading reaches them; at most 10 deep). With a
 * multipart boundary each range is framed as swob frames multipart/byteranges parts.
 *
 * <p>Confined to the exchange's event loop.
 */
final class SloListing implements SegmentListing {
    static final int MAX_DEPTH = 10;

    /** One manifest being walked: its entries, the next index and the wanted bytes relative to it. */
    private static final class Frame {
        final List<Map<String, Object>> segments;
        final int depth;
        int index;
        long first;
        long last;

        Frame(List<Map<String, Object>> segments, long first, long last, int depth) {
            this.segments = segments;
            this.first = first;
            this.last = last;
            this.depth = depth;
        }
    }

    private final Exchange exchange;
    private final SwiftApp app;
    private final List<Map<String, Object>> top;
    private final long[] ranges;
    private final @Nullable String boundary;
    private final String partType;
    private final long length;
    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private int range;
    private boolean ended;

    /**
     * @param ranges the wanted bytes as {@code [start, end)} pairs, flattened
     * @param boundary the multipart boundary when there are several ranges, else null
     * @param partType the object's Content-Type, for the parts' headers
     * @param length the object's length, for the parts' Content-Range
     */
    SloListing(
            Exchange exchange,
            SwiftApp app,
            List<Map<String, Object>> top,
            long[] ranges,
            @Nullable String boundary,
            String partType,
            long length) {
        this.exchange = exchange;
        this.app = app;
        this.top = top;
        this.ranges = Arrays.copyOf(ranges, ranges.length);
        this.boundary = boundary;
        this.partType = partType;
        this.length = length;
    }

    /** A multipart/byteranges part's header. */
    static byte[] partHeader(String boundary, String type, long first, long last, long length) {
        return ("--" + boundary + "\r\nContent-Type: " + type + "\r\nContent-Range: bytes " + first + "-" + last + "/"
                        + length + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void next(Callback cb) {
        while (true) {
            Frame f = stack.peek();
            if (f == null) {
                if (!nextRange(cb)) {
                    return;
                }
                continue;
            }
            if (f.index >= f.segments.size()) {
                stack.pop();
                continue;
            }
            Map<String, Object> seg = f.segments.get(f.index++);
            long segLength = SloManifest.segmentLength(seg);
            if (f.first >= segLength) {
                f.first -= segLength;
                f.last -= segLength;
                continue;
            }
            if (f.last < 0) {
                stack.pop();
                continue;
            }
            long first = f.first;
            long last = f.last;
            f.first -= segLength;
            f.last -= segLength;
            if (emit(f, seg, segLength, first, last, cb)) {
                return;
            }
        }
    }

    /**
     * Starts the next range (after the previous part's CRLF, with its part header), or ends the body; false
     * when a piece was given to {@code cb} (the caller returns), true to go on walking.
     */
    private boolean nextRange(Callback cb) {
        String b = boundary;
        if (range >= ranges.length) {
            if (ended || b == null) {
                cb.piece(null);
            } else {
                ended = true;
                cb.piece(new Bytes(tail("--" + b + "--")));
            }
            return false;
        }
        long start = ranges[range];
        long end = ranges[range + 1] - 1;
        stack.push(new Frame(top, start, end, 1));
        range += 2;
        if (b != null) {
            byte[] header = partHeader(b, partType, start, end, length);
            cb.piece(new Bytes(range == 2 ? header : tail(new String(header, StandardCharsets.UTF_8))));
            return false;
        }
        return true;
    }

    /** The CRLF that ends the previous part, then {@code text}. */
    private static byte[] tail(String text) {
        return ("\r\n" + text).getBytes(StandardCharsets.UTF_8);
    }

    /** One entry with bytes wanted; true when a piece went to {@code cb}. */
    private boolean emit(Frame f, Map<String, Object> seg, long segLength, long first, long last, Callback cb) {
        Object data = seg.get("data");
        if (data != null) {
            byte[] raw = SloManifest.decodeBase64(String.valueOf(data));
            byte[] all = raw == null ? new byte[0] : raw;
            int from = (int) Math.max(0, first);
            int to = (int) Math.min(segLength - 1, last) + 1;
            cb.piece(new Bytes(Arrays.copyOfRange(all, from, to)));
            return true;
        }
        long rangeStart = 0;
        long rangeEnd = segLength - 1;
        Object r = seg.get("range");
        if (r instanceof String rs && rs.indexOf('-') > 0) {
            rangeStart = Long.parseLong(rs.substring(0, rs.indexOf('-')));
            rangeEnd = Long.parseLong(rs.substring(rs.indexOf('-') + 1));
        }
        String name = SloManifest.lstrip(String.valueOf(seg.get("name")), '/');
        int slash = name.indexOf('/');
        if (slash <= 0) {
            cb.failed(409, "bad segment name " + name);
            return true;
        }
        SwiftPath p = exchange.path();
        if (LargeObjects.isTrue(String.valueOf(seg.get("sub_slo")))) {
            if (f.depth >= MAX_DEPTH) {
                cb.failed(409, "max recursion depth exceeded");
                return true;
            }
            long subFirst = rangeStart + Math.max(0, first);
            long subLast = Math.min(rangeEnd, rangeStart + last);
            SwiftPath sub =
                    new SwiftPath(p.version(), p.account(), name.substring(0, slash), name.substring(slash + 1), "");
            Subrequests.call(
                    exchange,
                    app,
                    HttpMethod.GET,
                    sub,
                    LargeObjects.subrequestHeaders(exchange.headers()),
                    null,
                    resp -> {
                        int status = resp.status().code();
                        String text = resp.content().toString(StandardCharsets.UTF_8);
                        resp.release();
                        if (status < 200 || status >= 300) {
                            cb.failed(status, "GET of submanifest failed");
                            return;
                        }
                        stack.push(new Frame(SloManifest.readStored(text), subFirst, subLast, f.depth + 1));
                        next(cb);
                    });
            return true;
        }
        long segFirst = Math.max(0, first) + rangeStart;
        long segLast = Math.min(rangeEnd, rangeStart + last);
        long size = SloManifest.bytes(seg);
        Object hash = seg.get("hash");
        cb.piece(new Segment(
                new SwiftPath(
                        p.version(),
                        p.account(),
                        name.substring(0, slash),
                        name.substring(slash + 1),
                        "multipart-manifest=get"),
                segFirst,
                segLast == size - 1 ? -1 : segLast,
                hash == null ? null : String.valueOf(hash),
                size));
        return true;
    }
}
