package io.cairn.proxy.swift;

import io.cairn.common.codec.SwiftBytes;
import io.cairn.common.http.CairnBackendHeaders;
import io.cairn.common.time.Timestamp;
import io.cairn.proxy.backend.GetConnection;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.routing.BackendHeaders;
import io.cairn.proxy.routing.BestResponse;
import io.cairn.proxy.routing.NodeIterator;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Object GET and HEAD (Swift's {@code GETorHEAD_base} with {@code GetOrHeadHandler}, reference §4.5):
 * sources are tried one at a time, primaries then handoffs; a failed or slow source ({@code node_timeout}
 * for the head) is error-limited and the next one asked. The first good source (2xx, 3xx, 416) is relayed:
 * each body buffer passes from the source channel to the client channel untouched, and the source is
 * paused while the client is unwritable. If the source breaks mid-body, the next node is asked for the
 * rest with an adjusted {@code Range} and must have the same ETag: the client sees one body. With {@code
 * X-Newest} every node is asked and the newest source relayed. Without a good source the answer is the
 * best response over the statuses seen.
 *
 * <p>Confined to the client channel's event loop.
 */
final class ObjectGetOperation extends BodilessOperation implements GetConnection.Listener {
    private final List<Integer> statuses = new ArrayList<>();
    private final List<GetConnection> newestCandidates = new ArrayList<>();
    private final Map<GetConnection, HttpResponse> candidateHeads = new java.util.HashMap<>();
    /** The headers of the first answer of each status that was not a source (best_response copies them). */
    private final Map<Integer, HttpHeaders> answerHeaders = new java.util.HashMap<>();

    private @Nullable NodeIterator nodes;
    /** A new pass over the partition's nodes, for resuming an X-Newest read (which asked them all). */
    private @Nullable Supplier<NodeIterator> freshNodes;

    private @Nullable HttpHeaders backendHeaders;
    private String path = "";
    private @Nullable GetConnection current;
    private @Nullable String etag;
    private long rangeStart;
    private long rangeEnd = -1;
    private long sent;
    private boolean relaying;
    private boolean resumable;
    /** The body relayed is verified by its object server and the requester relies on that: never resumed. */
    private boolean verifiedOnly;

    private boolean over;
    private boolean newest;
    /** The newest tombstone a node answered 404 with; older good sources are not served (Swift: lp 1560574). */
    private Timestamp latest404 = Timestamp.ofRaw(0, 0);

    ObjectGetOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    protected void run() {
        Authorization.whenContainerAllows(exchange, this::finish, this::withContainer);
    }

    private void withContainer(ContainerInfo info) {
        ProxyServices s = exchange.services();
        SwiftPath p = exchange.path();
        int policy = info.exists() ? info.storagePolicyIndex() : 0;
        Ring ring = s.rings().object(policy);
        if (ring == null) {
            finish(SwiftResponses.withText(503, "No object ring for policy " + policy));
            return;
        }
        int part = ring.partition(s.hashPath(), p.account(), p.containerName(), p.objectName());
        nodes = s.nodes(ring, part);
        freshNodes = () -> s.nodes(ring, part);
        path = "/" + part + p.backendPath();
        newest = "true".equalsIgnoreCase(exchange.headers().get("X-Newest"));
        backendHeaders = BackendHeaders.base(
                exchange.method().name(),
                p.clientPath(),
                exchange.timestamp().internal(),
                exchange.transId(),
                policy,
                exchange.headers());
        tryNext();
    }

    private void tryNext() {
        NodeIterator it = nodes;
        HttpHeaders h = backendHeaders;
        if (it == null || h == null || over) {
            return;
        }
        Device node = it.next();
        if (node == null) {
            noMoreNodes();
            return;
        }
        ProxyServices s = exchange.services();
        boolean recoverable = !newest && exchange.method().equals(HttpMethod.GET);
        GetConnection c = new GetConnection(
                node,
                this,
                s.config().nodeTimeout(),
                recoverable ? s.config().recoverableNodeTimeout() : s.config().nodeTimeout());
        current = c;
        c.start(s.connector(), exchange.eventLoop(), exchange.method(), "/" + node.device() + path, h);
    }

    private void noMoreNodes() {
        if (relaying) {
            // Mid-body with nowhere left to resume from: the client sees a short body.
            over = true;
            exchange.abort();
            return;
        }
        if (newest) {
            // a source found before a tombstone 404 and older than it is dropped, as Swift's _get_source_and_node
            newestCandidates.removeIf(c -> {
                boolean stale = sourceTimestamp(candidateHeads.get(c)).compareTo(latest404) < 0;
                if (stale) {
                    c.close();
                }
                return stale;
            });
        }
        if (newest && !newestCandidates.isEmpty()) {
            GetConnection best = null;
            for (GetConnection c : newestCandidates) {
                if (best == null
                        || sourceTimestamp(candidateHeads.get(c)).compareTo(sourceTimestamp(candidateHeads.get(best)))
                                > 0) {
                    best = c;
                }
            }
            for (GetConnection c : newestCandidates) {
                if (c != best) {
                    c.close();
                }
            }
            if (best == null) {
                return;
            }
            current = best;
            startRelay(candidateHeads.get(best));
            best.resume();
            return;
        }
        int[] st = new int[statuses.size()];
        for (int i = 0; i < st.length; i++) {
            st[i] = statuses.get(i);
        }
        int chosen = BestResponse.chooseStatus(st, Map.of());
        // Swift's best_response: the chosen answer's headers (a 412 keeps the object's ETag, metadata,
        // Last-Modified), its body (empty for a 412), the default Content-Type
        FullHttpResponse r = chosen == 412 ? SwiftResponses.withText(412, "") : SwiftResponses.standard(chosen);
        HttpHeaders from = answerHeaders.get(chosen);
        if (from != null) {
            Relay.updateHeaders(from, r.headers());
        }
        finish(r);
    }

    @Override
    public void head(GetConnection c, HttpResponse head) {
        if (over || (c != current && !newest)) {
            c.close();
            return;
        }
        int status = head.status().code();
        boolean good = (status >= 200 && status < 400) || status == 416;
        if (relaying) {
            resumeWith(c, head, status);
            return;
        }
        if (!good) {
            badSource(c, head, status);
            return;
        }
        if (sourceTimestamp(head).compareTo(latest404) < 0) {
            // older than a tombstone another node holds: not a source (Swift: the deleted object stays deleted)
            c.close();
            tryNext();
            return;
        }
        if (newest) {
            c.pause();
            newestCandidates.add(c);
            candidateHeads.put(c, head);
            tryNext();
            return;
        }
        startRelay(head);
    }

    private void badSource(GetConnection c, HttpResponse head, int status) {
        if (status == 507) {
            exchange.services().errorLimiter().limit(c.node());
        } else if (status >= 500) {
            exchange.services().errorLimiter().increment(c.node());
        }
        NodeIterator it = nodes;
        boolean primary = it != null && it.isPrimary(c.node());
        boolean ignore =
                !primary && !head.headers().contains("X-Backend-Timestamp") && (status == 404 || status >= 500);
        if (!ignore) {
            statuses.add(status);
            answerHeaders.putIfAbsent(status, head.headers().copy());
        }
        if (status == 404) {
            Timestamp tombstone = parseTimestamp(head.headers().get("X-Backend-Timestamp"));
            if (tombstone.compareTo(latest404) > 0) {
                latest404 = tombstone;
            }
        }
        c.close();
        tryNext();
    }

    /** Swift's {@code source_key}: the data, backend, put or object timestamp of a response; 0 when none. */
    private static Timestamp sourceTimestamp(@Nullable HttpResponse head) {
        if (head == null) {
            return Timestamp.ofRaw(0, 0);
        }
        for (String name :
                new String[] {"X-Backend-Data-Timestamp", "X-Backend-Timestamp", "X-Put-Timestamp", "X-Timestamp"}) {
            String v = head.headers().get(name);
            if (v != null) {
                return parseTimestamp(v);
            }
        }
        return Timestamp.ofRaw(0, 0);
    }

    private static Timestamp parseTimestamp(@Nullable String value) {
        if (value == null) {
            return Timestamp.ofRaw(0, 0);
        }
        try {
            return Timestamp.parse(value);
        } catch (IllegalArgumentException e) {
            return Timestamp.ofRaw(0, 0);
        }
    }

    private void startRelay(@Nullable HttpResponse backend) {
        if (backend == null) {
            return;
        }
        relaying = true;
        HttpResponse out = new DefaultHttpResponse(
                backend.protocolVersion(),
                SwiftResponses.status(backend.status().code()));
        copyHeaders(backend.headers(), out.headers());
        String tag = backend.headers().get(HttpHeaderNames.ETAG);
        etag = tag;
        String contentType = backend.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        resumable = exchange.method().equals(HttpMethod.GET)
                && !contentType.startsWith("multipart/byteranges")
                && (backend.status().code() == 200 || backend.status().code() == 206);
        verifiedOnly = exchange.headers().contains(CairnBackendHeaders.NO_UNVERIFIED_RESUME)
                && backend.headers().contains(CairnBackendHeaders.BODY_VERIFIED);
        if (backend.status().code() == 206) {
            long[] range = parseContentRange(backend.headers().get(HttpHeaderNames.CONTENT_RANGE));
            rangeStart = range[0];
            rangeEnd = range[1];
            resumable &= rangeStart >= 0;
        }
        exchange.startResponse(out);
    }

    private void copyHeaders(HttpHeaders from, HttpHeaders to) {
        for (Map.Entry<String, String> e : from) {
            String k = e.getKey();
            if (k.equalsIgnoreCase("Connection")
                    || k.equalsIgnoreCase("Keep-Alive")
                    || k.equalsIgnoreCase("Date")
                    || k.equalsIgnoreCase("X-Delete-After")
                    || k.equalsIgnoreCase("X-Put-Timestamp")) {
                continue;
            }
            to.add(k, e.getValue());
        }
        String tag = to.get(HttpHeaderNames.ETAG);
        if (tag != null) {
            to.set(HttpHeaderNames.ETAG, Etags.strip(tag));
        }
        String ct = to.get(HttpHeaderNames.CONTENT_TYPE);
        if (ct != null) {
            // Swift's obj controller: resp.content_type = clean_content_type(...)
            to.set(HttpHeaderNames.CONTENT_TYPE, SwiftBytes.clean(ct));
        }
        to.set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
    }

    private void resumeWith(GetConnection c, HttpResponse head, int status) {
        String tag = head.headers().get(HttpHeaderNames.ETAG);
        if (status != 206 || tag == null || !tag.equals(etag)) {
            statuses.add(status);
            c.close();
            tryNext();
            return;
        }
        // The new source continues the same body; its own head is not relayed.
    }

    @Override
    public void body(GetConnection c, HttpContent content) {
        if (over || c != current) {
            content.release();
            return;
        }
        sent += content.content().readableBytes();
        boolean last = content instanceof LastHttpContent;
        if (last) {
            over = true;
            exchange.endResponse((LastHttpContent) content);
            return;
        }
        exchange.writeBody(content);
        if (!exchange.isWritable()) {
            c.pause();
        }
    }

    @Override
    public void failed(GetConnection c) {
        if (over) {
            return;
        }
        exchange.services().errorLimiter().increment(c.node());
        newestCandidates.remove(c);
        // once relaying, only the source being relayed matters (X-Newest candidates were closed)
        if (c != current && (!newest || relaying)) {
            return;
        }
        if (relaying && (!resumable || verifiedOnly)) {
            over = true;
            exchange.abort();
            return;
        }
        if (relaying) {
            Supplier<NodeIterator> again = freshNodes;
            if (newest && again != null) {
                // an X-Newest read (a copy's source) asked every node already: resume from them anew; the
                // ETag check of resumeWith keeps the body one object's
                newest = false;
                nodes = again.get();
            }
            HttpHeaders h = backendHeaders;
            if (h != null) {
                long from = rangeStart + sent;
                h.set(HttpHeaderNames.RANGE, "bytes=" + from + "-" + (rangeEnd >= 0 ? Long.toString(rangeEnd) : ""));
                h.remove(HttpHeaderNames.IF_NONE_MATCH);
                h.remove(HttpHeaderNames.IF_MODIFIED_SINCE);
            }
        } else if (!c.gotHead()) {
            // A node that failed before answering is not a status; Swift records nothing for it.
        }
        tryNext();
    }

    @Override
    public void clientWritabilityChanged() {
        GetConnection c = current;
        if (c != null && relaying && !over && exchange.isWritable()) {
            c.resume();
        }
    }

    @Override
    public void clientClosed() {
        over = true;
        GetConnection c = current;
        if (c != null) {
            c.close();
        }
        for (GetConnection n : newestCandidates) {
            n.close();
        }
    }

    private void finish(FullHttpResponse r) {
        over = true;
        exchange.respond(r);
    }

    /** {@code bytes a-b/len} → {a, b}; {-1, -1} when absent or malformed. */
    static long[] parseContentRange(@Nullable String value) {
        if (value == null || !value.startsWith("bytes ")) {
            return new long[] {-1, -1};
        }
        try {
            String spec = value.substring(6);
            int dash = spec.indexOf('-');
            int slash = spec.indexOf('/');
            return new long[] {
                Long.parseLong(spec.substring(0, dash).trim()),
                Long.parseLong(spec.substring(dash + 1, slash).trim())
            };
        } catch (RuntimeException e) {
            return new long[] {-1, -1};
        }
    }
}
