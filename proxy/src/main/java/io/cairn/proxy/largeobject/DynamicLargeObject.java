package io.cairn.proxy.largeobject;

import io.cairn.common.codec.Json;
import io.cairn.common.http.ByteRanges;
import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.swift.Answer;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code dlo} filter (dynamic large objects): an object whose {@code X-Object-Manifest} names
 * {@code <container>/<prefix>} is served as the concatenation of the objects listed under the prefix, in
 * listing order, read as the requesting user. ETag (quoted md5 of the segments' ETags) and Content-Length
 * only when the first listing page holds every segment; a single {@code Range} is honoured when that page
 * tells whether it is satisfiable, others are ignored (200 with everything). {@code ?multipart-manifest=get}
 * reads the manifest object itself; a PUT's {@code X-Object-Manifest} must be {@code container/prefix}.
 *
 * <p>Immutable; its operations are confined to the exchange's event loop.
 */
final class DynamicLargeObject implements Middleware {
    static final String MANIFEST = "X-Object-Manifest";

    private final DloConfig config;
    private final Clock clock;

    DynamicLargeObject(DloConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    DloConfig config() {
        return config;
    }

    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        if (ex.path().object() == null) {
            return next.operationFor(ex);
        }
        String m = ex.method().name();
        if ((m.equals("GET") || m.equals("HEAD"))
                && !"get".equals(LargeObjects.param(ex.path().query(), "multipart-manifest"))) {
            return new Read(ex, next);
        }
        if (m.equals("PUT") && ex.headers().contains(MANIFEST)) {
            String bad = validate(ex.headers().get(MANIFEST));
            if (bad != null) {
                return Answer.afterBody(ex, SwiftResponses.withText(400, bad));
            }
        }
        return next.operationFor(ex);
    }

    /** {@code _validate_x_object_manifest_header}: the 400 body for a bad value, or null. */
    static @Nullable String validate(String value) {
        int slash = value.indexOf('/');
        String container = slash < 0 ? "" : value.substring(0, slash);
        String prefix = slash < 0 ? "" : value.substring(slash + 1);
        if (container.isEmpty()
                || prefix.isEmpty()
                || value.indexOf('?') >= 0
                || value.indexOf('&') >= 0
                || prefix.startsWith("/")) {
            return "X-Object-Manifest must be in the format container/prefix";
        }
        return null;
    }

    /** The md5 of the concatenated (unquoted) segment ETags: a DLO's ETag. */
    static String etagOf(List<Map<String, Object>> segments) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Map<String, Object> s : segments) {
            md5.update(Conditionals.normalize(String.valueOf(s.get("hash"))).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** A GET or HEAD that may find a DLO manifest. */
    private final class Read extends ManifestRead {
        private String container = "";
        private String prefix = "";
        private @Nullable Operation listingCall;

        Read(Exchange exchange, SwiftApp next) {
            super(exchange, next, 0);
        }

        @Override
        void prepare(HttpHeaders h) {
            String hdr = "X-Backend-Ignore-Range-If-Metadata-Present";
            String have = h.get(hdr);
            h.set(hdr, have == null || have.isEmpty() ? MANIFEST : have + "," + MANIFEST);
        }

        @Override
        boolean isManifest(HttpResponse head) {
            return head.headers().contains(MANIFEST);
        }

        @Override
        boolean needsBody(HttpResponse head) {
            return false;
        }

        @Override
        void serve(HttpResponse head, @Nullable ByteBuf body) {
            String value = PercentCoding.unquote(head.headers().get(MANIFEST, ""));
            int slash = value.indexOf('/');
            if (slash < 0) {
                exchange.respond(SwiftResponses.standard(500));
                return;
            }
            container = value.substring(0, slash);
            prefix = value.substring(slash + 1);
            HttpHeaders manifestHeaders = head.headers().copy();
            listPage("", (error, page) -> {
                if (error != null) {
                    exchange.respond(error);
                } else {
                    answer(manifestHeaders, page);
                }
            });
        }

        /** GETs one listing page of the segment container; the callback gets the error answer or the page. */
        void listPage(String marker, PageCallback cb) {
            SwiftPath p = exchange.path();
            String query = "format=json&prefix=" + SwiftPath.quote(prefix)
                    + (marker.isEmpty() ? "" : "&marker=" + SwiftPath.quote(marker));
            SwiftPath listing = new SwiftPath(p.version(), p.account(), container, null, query);
            HttpHeaders h = LargeObjects.subrequestHeaders(exchange.headers());
            Consumer<FullHttpResponse> done = r -> {
                listingCall = null;
                int status = r.status().code();
                if (status < 200 || status >= 300) {
                    cb.page(r, List.of());
                    return;
                }
                List<Map<String, Object>> page = parsePage(r.content().toString(StandardCharsets.UTF_8));
                r.release();
                if (page == null) {
                    cb.page(SwiftResponses.standard(500), List.of());
                } else {
                    cb.page(null, page);
                }
            };
            listingCall = Subrequests.call(exchange, next, HttpMethod.GET, listing, h, null, done);
        }

        private void answer(HttpHeaders manifest, List<Map<String, Object>> segments) {
            int limit = exchange.services().validator().constraints().containerListingLimit();
            boolean complete = segments.size() < limit;
            long pageBytes = 0;
            for (Map<String, Object> s : segments) {
                pageBytes += bytesOf(s);
            }
            HttpHeaders h = manifest;
            h.remove(HttpHeaderNames.CONTENT_LENGTH);
            h.remove(HttpHeaderNames.CONTENT_RANGE);
            if (complete) {
                h.set(HttpHeaderNames.ETAG, "\"" + etagOf(segments) + "\"");
            }
            Window w = window(complete, pageBytes);
            if (w == null) {
                return;
            }
            long first = w.first();
            long last = w.last();
            long bodyLength = w.bodyLength();
            boolean ranged = w.ranged();
            int status = Conditionals.evaluate(
                    exchange.headers(), LargeObjects.unquote(h.get(HttpHeaderNames.ETAG)), h.get("Last-Modified"));
            if (status != 0) {
                FullHttpResponse r = SwiftResponses.withText(status, "");
                r.headers().set(h);
                r.headers().set(HttpHeaderNames.CONTENT_LENGTH, "0");
                exchange.respond(r);
                return;
            }
            if (ranged) {
                h.set(HttpHeaderNames.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + pageBytes);
            }
            if (bodyLength >= 0) {
                h.set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(bodyLength));
            }
            if (!h.contains(HttpHeaderNames.CONTENT_LENGTH) && exchange.method().equals(HttpMethod.GET)) {
                h.set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
            }
            HttpResponse out =
                    new DefaultHttpResponse(HttpVersion.HTTP_1_1, SwiftResponses.status(ranged ? 206 : 200), h);
            if (exchange.method().equals(HttpMethod.HEAD)) {
                FullHttpResponse r = SwiftResponses.withText(200, "");
                r.headers().set(h);
                r.headers().remove(HttpHeaderNames.CONTENT_RANGE);
                // swob applies no Range to a HEAD: the length is the listing's (the first page's)
                if (ranged || complete) {
                    r.headers().set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(pageBytes));
                } else {
                    r.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
                }
                exchange.respond(r);
                return;
            }
            Listing listing = new Listing(segments, first, last < 0 ? Long.MAX_VALUE : last, limit);
            stream(new SegmentedBody(
                    exchange, next, listing, out, bodyLength, config.pacing().start(clock)));
        }

        /**
         * The bytes to send for the request's Range, as Swift's DLO decides from the first page: a single range
         * is honoured when the page is the whole listing or holds its end; anything else is the whole object.
         * Null after answering 416.
         */
        private @Nullable Window window(boolean complete, long pageBytes) {
            long whole = complete ? pageBytes : -1;
            ByteRanges ranges = ByteRanges.parse(exchange.headers().get(HttpHeaderNames.RANGE));
            if (ranges == null || ranges.count() != 1) {
                return new Window(0, -1, whole, false);
            }
            long[] open = ranges.forLength(Long.MAX_VALUE);
            long end = open.length == 2 ? open[1] : 0;
            if (!complete && end >= pageBytes) {
                return new Window(0, -1, whole, false);
            }
            long[] r = ranges.forLength(pageBytes);
            if (r.length == 0) {
                exchange.respond(unsatisfiable(complete, pageBytes));
                return null;
            }
            return new Window(r[0], r[1] - 1, r[1] - r[0], true);
        }

        private FullHttpResponse unsatisfiable(boolean complete, long length) {
            FullHttpResponse r = SwiftResponses.standard(416);
            r.headers().set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
            if (complete) {
                r.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + length);
            }
            return r;
        }

        @Override
        public void clientClosed() {
            super.clientClosed();
            Operation c = listingCall;
            if (c != null) {
                c.clientClosed();
            }
        }

        /** The segments under the prefix, page after page, cut to the bytes wanted. */
        private final class Listing implements SegmentListing {
            private final int limit;
            private List<Map<String, Object>> page;
            private int index;
            private long firstByte;
            private long lastByte;

            Listing(List<Map<String, Object>> page, long firstByte, long lastByte, int limit) {
                this.page = page;
                this.firstByte = firstByte;
                this.lastByte = lastByte;
                this.limit = limit;
            }

            @Override
            public void next(Callback cb) {
                while (index < page.size()) {
                    Map<String, Object> s = page.get(index++);
                    long length = bytesOf(s);
                    if (firstByte >= length) {
                        firstByte = Math.max(firstByte - length, -1);
                        lastByte = Math.max(lastByte - length, -1);
                        continue;
                    }
                    if (lastByte < 0) {
                        cb.piece(null);
                        return;
                    }
                    String name = String.valueOf(s.get("name"));
                    long first = firstByte <= 0 ? 0 : firstByte;
                    long last = lastByte >= length - 1 ? -1 : lastByte;
                    firstByte = Math.max(firstByte - length, -1);
                    lastByte = Math.max(lastByte - length, -1);
                    SwiftPath p = exchange.path();
                    cb.piece(new Segment(
                            new SwiftPath(p.version(), p.account(), container, name, "multipart-manifest=get"),
                            first,
                            last,
                            null,
                            -1));
                    return;
                }
                if (page.size() < limit || lastByte < 0) {
                    cb.piece(null);
                    return;
                }
                String marker = String.valueOf(page.get(page.size() - 1).get("name"));
                listPage(marker, (error, more) -> {
                    if (error != null) {
                        error.release();
                        cb.failed(409, "listing failed");
                        return;
                    }
                    page = more;
                    index = 0;
                    next(cb);
                });
            }
        }
    }

    /** The part of a DLO to send: bytes {@code first..last} ({@code last} -1: to the end). */
    private record Window(long first, long last, long bodyLength, boolean ranged) {}

    /** One listing page's result. */
    @FunctionalInterface
    private interface PageCallback {
        void page(@Nullable FullHttpResponse error, List<Map<String, Object>> page);
    }

    static long bytesOf(Map<String, Object> segment) {
        Object b = segment.get("bytes");
        return b instanceof Number n ? n.longValue() : LargeObjects.parseLong(String.valueOf(b));
    }

    /** A JSON listing as a list of objects, or null when it is not one. */
    @SuppressWarnings("unchecked")
    static @Nullable List<Map<String, Object>> parsePage(String json) {
        try {
            Object v = Json.parse(json);
            if (!(v instanceof List<?> l)) {
                return null;
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object o : l) {
                if (o instanceof Map<?, ?> m && m.containsKey("name")) {
                    out.add((Map<String, Object>) m);
                }
            }
            return out;
        } catch (Json.JsonException e) {
            return null;
        }
    }
}
