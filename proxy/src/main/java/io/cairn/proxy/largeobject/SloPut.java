package io.cairn.proxy.largeobject;

import io.cairn.common.http.ByteRanges;
import io.cairn.common.http.HttpDates;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT ?multipart-manifest=put} (Swift's {@code handle_multipart_put}): the client's manifest (at most
 * {@code max_manifest_size} bytes, {@code max_manifest_segments} object segments) is checked ({@link
 * SloManifest#parse}), each distinct segment HEADed as the client through this filter (a sub-SLO answers with
 * its own size and ETag), up to {@code concurrency} at once, and checked against the entry (existence,
 * {@code etag}, {@code size_bytes}, {@code range}, at least one byte but for the last). Problems → 400 with
 * the per-segment list in the format {@code Accept} picks; a client {@code ETag} that is not the SLO's →
 * 422. Otherwise the stored manifest is PUT below this filter with Swift's headers, and the answer's ETag
 * is the SLO's.
 *
 * <p>Confined to the exchange's event loop.
 */
final class SloPut implements Operation {
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final Exchange exchange;
    private final SwiftApp next;
    private final SwiftApp self;
    private final SloConfig config;
    private final List<Operation> calls = new ArrayList<>();
    private final Map<Integer, Map<String, Object>> stored = new HashMap<>();
    private final List<String[]> problems = new ArrayList<>();
    private long total;
    private @Nullable CompositeByteBuf body;
    private List<SloManifest.Input> entries = List.of();
    private List<String> paths = List.of();
    private String format = "text/plain";
    private boolean heartbeat;
    private @Nullable ScheduledFuture<?> beats;
    private int nextHead;
    private int inFlight;
    private boolean over;

    SloPut(Exchange exchange, SwiftApp next, SwiftApp self, SloConfig config) {
        this.exchange = exchange;
        this.next = next;
        this.self = self;
        this.config = config;
    }

    @Override
    public void start() {
        HttpHeaders h = exchange.headers();
        String cl = h.get(HttpHeaderNames.CONTENT_LENGTH);
        boolean chunked = HttpUtil.isTransferEncodingChunked(exchange.request());
        if (cl == null && !chunked) {
            finish(SwiftResponses.standard(411));
            return;
        }
        if (cl != null && LargeObjects.parseLong(cl) > config.maxManifestSize()) {
            finish(SwiftResponses.withText(413, "Manifest File > " + config.maxManifestSize() + " bytes"));
            return;
        }
        body = exchange.channel().alloc().compositeBuffer(Integer.MAX_VALUE);
        if (exchange.requestComplete() && cl != null && LargeObjects.parseLong(cl) == 0) {
            content(LastHttpContent.EMPTY_LAST_CONTENT);
        }
    }

    @Override
    public void content(HttpContent content) {
        CompositeByteBuf b = body;
        boolean last = content instanceof LastHttpContent;
        if (b == null || over) {
            content.release();
            return;
        }
        // Swift reads at most max_manifest_size bytes of a chunked body
        int room = config.maxManifestSize() - b.readableBytes();
        ByteBuf data = content.content();
        if (data.readableBytes() > room) {
            b.addComponent(true, data.retainedSlice(data.readerIndex(), Math.max(room, 0)));
            content.release();
        } else {
            b.addComponent(true, data);
        }
        if (last) {
            body = null;
            String text = b.toString(StandardCharsets.UTF_8);
            b.release();
            manifest(text);
        }
    }

    private void manifest(String text) {
        SwiftPath p = exchange.path();
        String accountPrefix = "/" + p.version() + "/" + SwiftPath.quote(p.account()) + "/";
        SloManifest.Parsed parsed = SloManifest.parse(text, p.clientPath(), accountPrefix);
        String error = parsed.error();
        if (error != null) {
            FullHttpResponse r = SwiftResponses.withText(400, error);
            if (parsed.plainText()) {
                r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
            }
            finish(r);
            return;
        }
        entries = parsed.entries();
        List<String> unique = new ArrayList<>();
        for (SloManifest.Input e : entries) {
            String path = e.path();
            if (path != null && !unique.contains(path)) {
                unique.add(path);
            }
        }
        long objects = entries.stream().filter(e -> e.path() != null).count();
        if (objects > config.maxManifestSegments()) {
            finish(SwiftResponses.withText(
                    413, "Number of object-backed segments must be <= " + config.maxManifestSegments()));
            return;
        }
        paths = unique;
        String f = LargeObjects.bestResultFormat(exchange.headers().get(HttpHeaderNames.ACCEPT));
        format = f == null ? "text/plain" : f;
        heartbeat = LargeObjects.isTrue(LargeObjects.param(exchange.path().query(), "heartbeat"));
        if (heartbeat) {
            startHeartbeat();
        }
        headMore();
    }

    /** Keeps up to {@code concurrency} segment HEADs in flight; validates once all answered. */
    private void headMore() {
        while (!over && inFlight < config.concurrency() && nextHead < paths.size()) {
            String path = paths.get(nextHead++);
            inFlight++;
            String co = SloManifest.lstrip(path, '/');
            int slash = co.indexOf('/');
            SwiftPath p = exchange.path();
            SwiftPath seg =
                    new SwiftPath(p.version(), p.account(), co.substring(0, slash), co.substring(slash + 1), "");
            Operation op = Subrequests.call(
                    exchange,
                    self,
                    HttpMethod.HEAD,
                    seg,
                    LargeObjects.subrequestHeaders(exchange.headers()),
                    null,
                    r -> {
                        inFlight--;
                        if (over) {
                            r.release();
                            return;
                        }
                        validate(path, r);
                        headMore();
                    });
            if (op != null) {
                calls.add(op);
            }
        }
        if (!over && inFlight == 0 && nextHead == paths.size()) {
            validated();
        }
    }

    /**
     * Validates every entry naming {@code path} against its HEAD answer as it arrives, so problems are listed in
     * the order the answers came, as Swift lists them.
     */
    private void validate(String path, FullHttpResponse head) {
        try {
            for (int i = 0; i < entries.size(); i++) {
                SloManifest.Input e = entries.get(i);
                if (path.equals(e.path())) {
                    Map<String, Object> seg = new LinkedHashMap<>();
                    total += check(e, head, i == entries.size() - 1, seg, problems);
                    stored.put(i, seg);
                }
            }
        } finally {
            head.release();
        }
    }

    private void validated() {
        List<Map<String, Object>> stored = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            SloManifest.Input e = entries.get(i);
            if (e.path() == null) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("data", e.data());
                stored.add(d);
                total += SloManifest.segmentLength(d);
            } else {
                stored.add(this.stored.getOrDefault(i, new LinkedHashMap<>()));
            }
        }
        if (!problems.isEmpty()) {
            if (heartbeat) {
                endHeartbeat(errorDocument(400));
            } else {
                finishChunked(400, format, LargeObjects.resultBody(format, new LinkedHashMap<>(), problems, "upload"));
            }
            return;
        }
        String sloEtag = SloManifest.sloEtag(stored);
        String clientEtag = exchange.headers().get(HttpHeaderNames.ETAG);
        if (clientEtag != null
                && !clientEtag.isEmpty()
                && !Conditionals.normalize(clientEtag).equals(sloEtag)) {
            if (heartbeat) {
                endHeartbeat(errorDocument(422));
            } else {
                finish(SwiftResponses.standard(422));
            }
            return;
        }
        store(stored, sloEtag, total);
    }

    /**
     * {@code validate_seg_dict}: fills {@code seg} with the stored entry for a segment's HEAD answer; adds
     * its problems; returns the bytes it adds to the SLO.
     */
    private static long check(
            SloManifest.Input e,
            FullHttpResponse head,
            boolean last,
            Map<String, Object> seg,
            List<String[]> problems) {
        String path = e.path() == null ? "" : e.path();
        String name = SwiftPath.quote(path);
        int status = head.status().code();
        if (status < 200 || status >= 300) {
            problems.add(new String[] {name, SwiftResponses.status(status).toString()});
            return 0;
        }
        HttpHeaders h = head.headers();
        long length = LargeObjects.parseLong(h.get(HttpHeaderNames.CONTENT_LENGTH));
        long[] normalized = normalizeRange(e.range(), length, name, problems);
        String range = normalized == null ? null : normalized[0] + "-" + normalized[1];
        long segmentLength = normalized == null ? length : normalized[1] - normalized[0] + 1;
        if (segmentLength < 1 && !last) {
            problems.add(new String[] {name, "Too small; each segment must be at least 1 byte."});
        }
        if (e.sizeBytes() >= 0 && e.sizeBytes() != length) {
            problems.add(new String[] {name, "Size Mismatch"});
        }
        String etag = LargeObjects.unquote(h.get(HttpHeaderNames.ETAG));
        if (e.etag() != null && !e.etag().equals(etag)) {
            problems.add(new String[] {name, "Etag Mismatch"});
        }
        fill(seg, path, length, etag, h, range);
        return segmentLength;
    }

    /** The stored entry of a segment, keys in Swift's order. */
    private static void fill(
            Map<String, Object> seg,
            String path,
            long length,
            @Nullable String etag,
            HttpHeaders h,
            @Nullable String range) {
        String type = h.get(HttpHeaderNames.CONTENT_TYPE);
        long modified = HttpDates.parse(h.get(HttpHeaderNames.LAST_MODIFIED));
        seg.put("name", "/" + SloManifest.lstrip(path, '/'));
        seg.put("bytes", length);
        seg.put("hash", etag);
        seg.put("content_type", type == null ? null : type.split(";", 2)[0]);
        seg.put(
                "last_modified",
                LAST_MODIFIED.format(Instant.ofEpochSecond(modified == HttpDates.INVALID ? 0 : modified)));
        if (range != null) {
            seg.put("range", range);
        }
        if (LargeObjects.isTrue(h.get(SloManifest.MARKER))) {
            seg.put("sub_slo", true);
        }
    }

    /**
     * A segment's range against its length: null for none (or one that covers it all — Swift then drops
     * it), {@code {first, last}} otherwise; an unsatisfiable one is a problem (and kept out).
     */
    private static long @Nullable [] normalizeRange(
            @Nullable String range, long length, String name, List<String[]> problems) {
        if (range == null) {
            return null;
        }
        ByteRanges r = ByteRanges.parse("bytes=" + range);
        long[] rs = r == null ? new long[0] : r.forLength(length);
        if (rs.length == 0) {
            problems.add(new String[] {name, "Unsatisfiable Range"});
            return null;
        }
        if (rs[0] == 0 && rs[1] == length) {
            return null;
        }
        return new long[] {rs[0], rs[1] - 1};
    }

    /** PUTs the stored manifest below this filter with Swift's headers; answers with the SLO's ETag. */
    private void store(List<Map<String, Object>> stored, String sloEtag, long total) {
        byte[] json = SloManifest.storedJson(stored);
        HttpHeaders h = exchange.headers().copy();
        String jsonEtag = SloManifest.md5Hex(json);
        h.set(SloManifest.SYSMETA_ETAG, sloEtag);
        h.set(SloManifest.SYSMETA_SIZE, Long.toString(total));
        h.set(SloManifest.MARKER, "True");
        h.set(HttpHeaderNames.ETAG, jsonEtag);
        String override = "X-Object-Sysmeta-Container-Update-Override-Etag";
        String val = h.get(override, "");
        int semi = val.indexOf(';');
        String base = semi < 0 ? val : val.substring(0, semi);
        String rest = semi < 0 ? "" : val.substring(semi);
        h.set(override, (base.isEmpty() ? jsonEtag : base) + rest + "; slo_etag=" + sloEtag);
        String type = h.get(HttpHeaderNames.CONTENT_TYPE);
        if (type == null || type.isEmpty()) {
            type = exchange.services().contentTypes().guess(exchange.path().objectName());
        }
        h.set(HttpHeaderNames.CONTENT_TYPE, type + ";swift_bytes=" + total);
        SwiftPath p = exchange.path();
        SwiftPath target = new SwiftPath(p.version(), p.account(), p.containerName(), p.objectName(), "");
        Operation op = Subrequests.call(exchange, next, HttpMethod.PUT, target, h, Unpooled.wrappedBuffer(json), r -> {
            int status = r.status().code();
            if (status >= 200 && status < 300) {
                r.headers().set(HttpHeaderNames.ETAG, "\"" + sloEtag + "\"");
            }
            if (heartbeat) {
                endHeartbeat(putDocument(r));
            } else {
                finish(r);
            }
        });
        if (op != null) {
            calls.add(op);
        }
    }

    /**
     * {@code heartbeat=on}: a 202 at once (before any segment is checked), a space now and every {@code
     * yield_frequency} seconds while the segments are checked; the outcome follows as a result document.
     */
    private void startHeartbeat() {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, SwiftResponses.status(202));
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, format);
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        exchange.startResponse(head);
        beat();
        long every = config.yieldFrequency();
        beats = exchange.eventLoop().scheduleAtFixedRate(this::beat, every, every, TimeUnit.SECONDS);
    }

    private void beat() {
        if (!over) {
            exchange.writeBody(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[] {' '})));
        }
    }

    /** The result document after the heartbeat's spaces: {@code \r\n\r\n} then the document. */
    private void endHeartbeat(String doc) {
        if (over) {
            return;
        }
        over = true;
        stopBeats();
        byte[] bytes = ("\r\n\r\n" + doc).getBytes(StandardCharsets.UTF_8);
        exchange.writeBody(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)));
        exchange.endResponse(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    private void stopBeats() {
        ScheduledFuture<?> b = beats;
        beats = null;
        if (b != null) {
            b.cancel(false);
        }
    }

    /** A refusal as a heartbeat document: its status, swob's reason text as the body, the problems. */
    private String errorDocument(int status) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("Response Status", SwiftResponses.status(status).toString());
        d.put("Response Body", SwiftResponses.reasonText(status));
        return LargeObjects.resultBody(format, d, problems, "upload");
    }

    /** The manifest PUT's answer as a heartbeat document (ETag and Last-Modified on success). */
    private String putDocument(FullHttpResponse r) {
        try {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("Response Status", r.status().toString());
            int status = r.status().code();
            if (status >= 200 && status < 300) {
                d.put("Etag", r.headers().get(HttpHeaderNames.ETAG, ""));
                d.put("Last Modified", r.headers().get(HttpHeaderNames.LAST_MODIFIED, ""));
            }
            d.put("Response Body", r.content().toString(StandardCharsets.UTF_8));
            return LargeObjects.resultBody(format, d, List.of(), "upload");
        } finally {
            r.release();
        }
    }

    /** A result document sent as Swift sends it from a generator: chunked, no Content-Length. */
    private void finishChunked(int status, String type, String doc) {
        if (over) {
            return;
        }
        over = true;
        LargeObjects.sendChunked(exchange, status, type, doc);
    }

    private void finish(FullHttpResponse r) {
        if (over) {
            r.release();
            return;
        }
        over = true;
        CompositeByteBuf b = body;
        body = null;
        if (b != null) {
            b.release();
        }
        exchange.respond(r);
    }

    @Override
    public void clientClosed() {
        over = true;
        stopBeats();
        CompositeByteBuf b = body;
        body = null;
        if (b != null) {
            b.release();
        }
        for (Operation c : calls) {
            c.clientClosed();
        }
    }
}
