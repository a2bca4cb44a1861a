package io.cairn.proxy.swift;

import io.cairn.common.http.CairnBackendHeaders;
import io.cairn.proxy.backend.BodyDigest;
import io.cairn.proxy.backend.PutConnection;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.routing.BackendHeaders;
import io.cairn.proxy.routing.BestResponse;
import io.cairn.proxy.routing.NodeIterator;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Object PUT (Swift's {@code ReplicatedObjectController._store_object}, reference §3.3 and §4.4): checks,
 * container info, then one {@link PutConnection} per primary at once with {@code Expect: 100-continue}
 * (a primary that fails, is error-limited, or answers 5xx is replaced by the next handoff); with fewer
 * than a quorum of connections → 503, any 409 at expect time → 202, a 412 for {@code If-None-Match: *} →
 * 412. The body is then relayed as it arrives: every chunk goes to every streaming replica as a
 * {@code retainedSlice()} (no copy), and the client is not read while any replica is unwritable. The
 * answer is Swift's best response over the final statuses; differing ETags among successes → 500.
 *
 * <p>Confined to the client channel's event loop (the replica channels live on it too).
 */
final class ObjectPutOperation implements Operation, PutConnection.Listener {
    /**
     * Bodies of at least this many bytes (and bodies of unknown length) go to the object servers chunked with
     * {@link CairnBackendHeaders#BODY_DIGEST_OFFER}: the proxy MD5s the body once instead of each replica doing it.
     * Below it the MD5s cost less than the chunk framing and trailers, and the request stays Content-Length framed.
     */
    static final long BODY_DIGEST_MIN_BYTES = 1 << 20;

    private final Exchange exchange;
    private final BodySource source;
    private final HttpHeaders extraResponseHeaders;
    private final ArrayDeque<HttpContent> early = new ArrayDeque<>();
    private final List<PutConnection> connections = new ArrayList<>();
    private final Map<PutConnection, Integer> slotOf = new java.util.HashMap<>();
    private @Nullable NodeIterator nodes;
    private @Nullable List<HttpHeaders> slotHeaders;
    private String backendPath = "";
    private int slots;
    private int unresolvedHeads;
    private int unfinished;
    private boolean streaming;
    private boolean bodyEnded;
    private boolean over;
    private long received;
    /** The body's digest, computed while relaying when some replica took the offer; else null. */
    private @Nullable BodyDigest bodyDigest;

    private static final BodySource NO_SOURCE = new BodySource() {
        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public void ready() {}

        @Override
        public void abort() {}
    };

    ObjectPutOperation(Exchange exchange, BodySource source, HttpHeaders extraResponseHeaders) {
        this.exchange = exchange;
        this.source = source;
        this.extraResponseHeaders = extraResponseHeaders;
    }

    /** The client is the body source: auto-read off until ready, {@code 100 Continue} when it asked. */
    static ObjectPutOperation fromClient(Exchange exchange) {
        BodySource copy = exchange.copyBody();
        if (copy != null) {
            return new ObjectPutOperation(exchange, copy, EmptyHttpHeaders.INSTANCE);
        }
        if (exchange.isSubrequest()) {
            // a subrequest's body is handed in whole (Subrequests.stream): nothing to pace on the client channel
            return new ObjectPutOperation(exchange, NO_SOURCE, EmptyHttpHeaders.INSTANCE);
        }
        BodySource client = new BodySource() {
            @Override
            public void pause() {
                exchange.channel().config().setAutoRead(false);
            }

            @Override
            public void resume() {
                exchange.channel().config().setAutoRead(true);
                exchange.channel().read();
            }

            @Override
            public void ready() {
                if (HttpUtil.is100ContinueExpected(exchange.request()) && !exchange.requestComplete()) {
                    exchange.channel()
                            .writeAndFlush(
                                    new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
                }
            }

            @Override
            public void abort() {}
        };
        return new ObjectPutOperation(exchange, client, EmptyHttpHeaders.INSTANCE);
    }

    @Override
    public void start() {
        source.pause();
        SwiftPath p = exchange.path();
        HttpHeaders h = exchange.headers();
        ProxyServices s = exchange.services();
        FullHttpResponse bad = ObjectWriteChecks.checkCreation(
                exchange.request(),
                p.objectName(),
                s.validator(),
                false,
                exchange.isSubrequest() && !exchange.isServerSideCopy());
        if (bad == null) {
            bad = ObjectWriteChecks.rewriteDeleteHeaders(h, exchange.timestamp().raw() / 100_000.0);
        }
        if (bad == null) {
            String inm = h.get(HttpHeaderNames.IF_NONE_MATCH);
            if (inm != null && !inm.trim().equals("*")) {
                bad = SwiftResponses.withPlain(400, "If-None-Match only supports *");
            }
        }
        if (bad != null) {
            fail(bad);
            return;
        }
        if (!h.contains(HttpHeaderNames.CONTENT_TYPE) || "true".equalsIgnoreCase(h.get("X-Detect-Content-Type"))) {
            h.set(HttpHeaderNames.CONTENT_TYPE, s.contentTypes().guess(p.objectName()));
            h.remove("X-Detect-Content-Type");
        }
        Authorization.whenContainerAllows(exchange, this::fail, this::withContainer);
    }

    private void withContainer(ContainerInfo info) {
        ProxyServices s = exchange.services();
        SwiftPath p = exchange.path();
        FullHttpResponse refusal = exchange.takeRefusalOnceAuthorized();
        if (refusal != null) {
            fail(refusal);
            return;
        }
        if (!info.exists()) {
            fail(SwiftResponses.standard(404));
            return;
        }
        Ring ring = s.rings().object(info.storagePolicyIndex());
        if (ring == null) {
            fail(SwiftResponses.withText(503, "No object ring for policy " + info.storagePolicyIndex()));
            return;
        }
        int part = ring.partition(s.hashPath(), p.account(), p.containerName(), p.objectName());
        NodeIterator it = s.nodes(ring, part);
        slots = it.primaryCount();
        nodes = it;
        backendPath = "/" + part + p.backendPath();
        slotHeaders = requestHeaders(info);
        unresolvedHeads = slots;
        for (int i = 0; i < slots; i++) {
            openSlot(i);
        }
    }

    private List<HttpHeaders> requestHeaders(ContainerInfo info) {
        ProxyServices s = exchange.services();
        SwiftPath p = exchange.path();
        HttpHeaders client = exchange.headers();
        HttpHeaders base = BackendHeaders.base(
                "PUT",
                p.clientPath(),
                exchange.timestamp().internal(),
                exchange.transId(),
                info.storagePolicyIndex(),
                client);
        String cl = client.get(HttpHeaderNames.CONTENT_LENGTH);
        if (cl != null && !cl.trim().equals("0") && !HttpUtil.isTransferEncodingChunked(exchange.request())) {
            String length = cl.trim();
            if (ObjectWriteChecks.contentLength(length) >= BODY_DIGEST_MIN_BYTES) {
                // Swift's own way of announcing a chunked body's length (its EC PUTs): a Swift object server
                // fallocates and checks it as it would a Content-Length
                base.set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
                base.set("X-Backend-Obj-Content-Length", length);
                base.set(CairnBackendHeaders.BODY_DIGEST_OFFER, CairnBackendHeaders.BODY_DIGEST_CRC32C);
            } else {
                base.set(HttpHeaderNames.CONTENT_LENGTH, length);
            }
        } else {
            base.set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
            base.set(CairnBackendHeaders.BODY_DIGEST_OFFER, CairnBackendHeaders.BODY_DIGEST_CRC32C);
        }
        List<HttpHeaders> all = BackendHeaders.copies(base, slots);
        Ring cring = s.rings().container();
        int cpart = cring.partition(s.hashPath(), p.account(), p.containerName(), null);
        BackendHeaders.DeleteAtTarget deleteAt = null;
        String at = client.get("X-Delete-At");
        if (at != null) {
            String dc = ObjectWriteChecks.expirerContainer(
                    Long.parseLong(at), s.hashPath(), p.account(), p.containerName(), p.objectName());
            int dpart = cring.partition(s.hashPath(), ObjectWriteChecks.EXPIRER_ACCOUNT, dc, null);
            deleteAt = new BackendHeaders.DeleteAtTarget(dc, dpart, cring.primaries(dpart));
        }
        BackendHeaders.spreadContainerUpdates(
                all, cpart, cring.primaries(cpart), BestResponse.quorumSize(slots), deleteAt);
        return all;
    }

    private void openSlot(int slot) {
        NodeIterator it = nodes;
        List<HttpHeaders> headers = slotHeaders;
        if (it == null || headers == null) {
            return;
        }
        Device node = it.next();
        if (node == null) {
            headResolved();
            return;
        }
        PutConnection c =
                new PutConnection(node, this, exchange.services().config().nodeTimeout());
        slotOf.put(c, slot);
        connections.add(c);
        c.start(
                exchange.services().connector(),
                exchange.eventLoop(),
                "/" + node.device() + backendPath,
                headers.get(slot));
    }

    @Override
    public void headAnswered(PutConnection c) {
        if (over) {
            c.abort();
            return;
        }
        int st = c.status();
        boolean usable =
                c.streaming() || (!c.failed() && ((st >= 200 && st < 300) || st == 409 || st == 412 || st == 422));
        if (usable) {
            headResolved();
            return;
        }
        connections.remove(c);
        if (c.failed() || (st >= 500 && st != 507)) {
            exchange.services().errorLimiter().increment(c.node());
        } else if (st == 507) {
            exchange.services().errorLimiter().limit(c.node());
            NodeIterator it = nodes;
            if (it != null) {
                it.refund();
            }
        }
        Integer slot = slotOf.remove(c);
        openSlot(slot == null ? 0 : slot);
    }

    private void headResolved() {
        if (--unresolvedHeads > 0) {
            return;
        }
        int quorum = BestResponse.quorumSize(slots);
        boolean ifNoneMatchStar = "*"
                .equals(exchange.headers()
                        .get(HttpHeaderNames.IF_NONE_MATCH, "")
                        .trim());
        for (PutConnection p : connections) {
            if (ifNoneMatchStar && p.status() == 412) {
                fail(SwiftResponses.standard(412));
                return;
            }
        }
        for (PutConnection p : connections) {
            if (p.status() == 409) {
                fail(SwiftResponses.standard(202));
                return;
            }
        }
        if (connections.size() < quorum) {
            fail(SwiftResponses.standard(503));
            return;
        }
        countStreams();
        source.ready();
        while (!early.isEmpty() && !over) {
            forward(early.poll());
        }
        if (!over && !bodyEnded) {
            source.resume();
        }
    }

    /** From here the body flows: counts the replicas that take it, and digests it if any took the offer. */
    private void countStreams() {
        streaming = true;
        unfinished = 0;
        for (PutConnection p : connections) {
            if (p.streaming()) {
                unfinished++;
                if (p.digestAccepted() && bodyDigest == null) {
                    bodyDigest = new BodyDigest();
                }
            }
        }
    }

    @Override
    public void content(HttpContent content) {
        if (over) {
            content.release();
            return;
        }
        if (!streaming) {
            early.add(content);
            return;
        }
        forward(content);
    }

    private void forward(HttpContent content) {
        try {
            ByteBuf data = content.content();
            received += data.readableBytes();
            if (received > exchange.services().validator().constraints().maxFileSize()) {
                fail(SwiftResponses.withPlain(413, "Your request is too large."));
                return;
            }
            BodyDigest digest = bodyDigest;
            if (digest != null) {
                digest.update(data);
            }
            for (PutConnection p : connections) {
                if (data.isReadable() && p.streaming()) {
                    // Each replica gets its own view of the same memory; its channel releases the slice
                    // once written. The client's buffer is released in the finally below.
                    p.write(data.retainedSlice());
                }
            }
            if (content instanceof LastHttpContent) {
                bodyEnded = true;
                HttpHeaders trailers = digest == null ? EmptyHttpHeaders.INSTANCE : digest.trailers();
                for (PutConnection p : connections) {
                    p.end(trailers);
                }
                if (unfinished == 0) {
                    answer();
                    return;
                }
            }
        } finally {
            content.release();
        }
        if (!over && liveCount() < BestResponse.quorumSize(slots)) {
            fail(SwiftResponses.standard(503));
            return;
        }
        applyBackPressure();
    }

    private int liveCount() {
        int live = 0;
        for (PutConnection p : connections) {
            if (p.streaming() || (p.status() >= 200 && p.status() < 300)) {
                live++;
            }
        }
        return live;
    }

    private void applyBackPressure() {
        if (over || bodyEnded) {
            return;
        }
        for (PutConnection p : connections) {
            if (!p.isWritable()) {
                source.pause();
                return;
            }
        }
        source.resume();
    }

    @Override
    public void writabilityChanged(PutConnection c) {
        if (streaming) {
            applyBackPressure();
        }
    }

    @Override
    public void finished(PutConnection c) {
        if (over) {
            return;
        }
        if (c.failed()) {
            exchange.services().errorLimiter().increment(c.node());
            if (!bodyEnded && liveCount() < BestResponse.quorumSize(slots)) {
                fail(SwiftResponses.standard(503));
                return;
            }
            applyBackPressure();
        }
        if (--unfinished == 0 && bodyEnded) {
            answer();
        }
    }

    private void answer() {
        over = true;
        int[] statuses = new int[slots];
        java.util.Arrays.fill(statuses, 503);
        Set<String> etags = new HashSet<>();
        int n = 0;
        for (PutConnection p : connections) {
            if (!p.failed() && p.status() != 0 && n < slots) {
                statuses[n++] = p.status();
                if (p.status() >= 200 && p.status() < 300) {
                    String etag = p.responseHeaders().get(HttpHeaderNames.ETAG);
                    if (etag != null) {
                        etags.add(Etags.strip(etag));
                    }
                }
            }
        }
        if (etags.size() > 1) {
            exchange.respond(SwiftResponses.standard(500));
            return;
        }
        int chosen = BestResponse.chooseStatus(statuses, Map.of());
        FullHttpResponse r = SwiftResponses.standard(chosen);
        if (chosen >= 200 && chosen < 300) {
            r = SwiftResponses.standard(201);
            if (!etags.isEmpty()) {
                r.headers().set(HttpHeaderNames.ETAG, etags.iterator().next());
            }
            r.headers().set(HttpHeaderNames.LAST_MODIFIED, exchange.timestamp().httpDate());
            r.headers().add(extraResponseHeaders);
        }
        exchange.respond(r);
    }

    private void fail(FullHttpResponse response) {
        if (over) {
            response.release();
            return;
        }
        over = true;
        for (PutConnection p : connections) {
            p.abort();
        }
        while (!early.isEmpty()) {
            early.poll().release();
        }
        source.abort();
        exchange.respond(response);
        source.resume();
    }

    /** The copy source failed before the body was complete. */
    void sourceFailed() {
        fail(SwiftResponses.standard(503));
    }

    @Override
    public void clientClosed() {
        if (!over) {
            over = true;
            for (PutConnection p : connections) {
                p.abort();
            }
            while (!early.isEmpty()) {
                early.poll().release();
            }
            source.abort();
        }
    }
}
