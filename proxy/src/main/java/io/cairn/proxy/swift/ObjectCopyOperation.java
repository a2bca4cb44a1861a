package io.cairn.proxy.swift;

import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.backend.GetConnection;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.routing.BackendHeaders;
import io.cairn.proxy.routing.NodeIterator;
import io.cairn.proxy.routing.NodeResponse;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Server-side copy (Swift's {@code copy} middleware, reference §4.10): {@code COPY} with {@code
 * Destination} is a {@code PUT} of the destination with {@code X-Copy-From}. The source is HEADed with
 * {@code X-Newest}, authorized for reading, and must fit {@code max_file_size} (else 413); the
 * destination gets the source's user metadata (unless {@code X-Fresh-Metadata: true}) overridden by the
 * request's, its Content-Type unless given, and its ETag for verification; the body streams from a source
 * replica into the replicas of the destination with the same back-pressure as a client PUT. The response
 * adds {@code X-Copied-From}, {@code X-Copied-From-Account}, {@code X-Copied-From-Last-Modified}.
 *
 * <p>Confined to the client channel's event loop.
 */
final class ObjectCopyOperation extends BodilessOperation {
    private final SwiftPath source;
    private final @Nullable String problem;

    private ObjectCopyOperation(Exchange destination, SwiftPath source, @Nullable String problem) {
        super(destination);
        this.source = source;
        this.problem = problem;
    }

    /** {@code PUT} with {@code X-Copy-From: /c/o} (and optional {@code X-Copy-From-Account}). */
    static Operation fromPut(Exchange ex) {
        String from = ex.headers().get("X-Copy-From", "");
        String account = ex.headers().get("X-Copy-From-Account");
        if (account == null) {
            return build(ex, ex, from, ex.path().account(), "X-Copy-From");
        }
        account = PercentCoding.unquote(account);
        String bad = checkAccountFormat(account);
        return bad != null ? invalid(ex, bad) : build(ex, ex, from, account, "X-Copy-From");
    }

    /** {@code COPY} with {@code Destination: /c/o} (and optional {@code Destination-Account}). */
    static Operation fromCopy(Exchange ex) {
        String dest = ex.headers().get("Destination");
        if (dest == null) {
            return invalid(ex, "Destination header required");
        }
        String account = ex.headers().get("Destination-Account");
        if (account == null) {
            account = ex.path().account();
        } else {
            account = PercentCoding.unquote(account);
            String bad = checkAccountFormat(account);
            if (bad != null) {
                return invalid(ex, bad);
            }
        }
        String[] co = split(dest);
        if (co == null) {
            return invalid(ex, "Destination header must be of the form <container name>/<object name>");
        }
        SwiftPath destPath = new SwiftPath(ex.path().version(), account, co[0], co[1], "");
        Exchange destination = ex.withPath(destPath);
        destination.headers().remove("Destination");
        destination.headers().remove("Destination-Account");
        SwiftPath src = ex.path();
        return new ObjectCopyOperation(destination, src, null);
    }

    private static Operation build(Exchange ex, Exchange destination, String from, String account, String header) {
        String[] co = split(from);
        if (co == null) {
            return invalid(ex, header + " header must be of the form <container name>/<object name>");
        }
        return new ObjectCopyOperation(
                destination, new SwiftPath(ex.path().version(), account, co[0], co[1], ""), null);
    }

    /** Swift's {@code check_account_format}: the 412 body for a bad account name, or null. */
    static @Nullable String checkAccountFormat(String account) {
        if (account.isEmpty()) {
            return "Account name cannot be empty";
        }
        return account.indexOf('/') >= 0 ? "Account name cannot contain slashes" : null;
    }

    private static Operation invalid(Exchange ex, String message) {
        return new ObjectCopyOperation(ex, ex.path(), message);
    }

    /**
     * Swift's {@code check_path_header} split of {@code [/]c/o}, unquoted as Python's {@code unquote} does: a
     * {@code +} stays a {@code +} (it is not a form field) and a {@code %} that starts no escape stays too.
     */
    static String @Nullable [] split(String value) {
        String v = PercentCoding.unquote(value);
        if (v.startsWith("/")) {
            v = v.substring(1);
        }
        int slash = v.indexOf('/');
        if (slash <= 0 || slash == v.length() - 1) {
            return null;
        }
        return new String[] {v.substring(0, slash), v.substring(slash + 1)};
    }

    @Override
    void run() {
        if (problem != null) {
            exchange.respond(SwiftResponses.withText(412, problem));
            return;
        }
        String cl = exchange.headers().get(HttpHeaderNames.CONTENT_LENGTH);
        if ((cl != null && !cl.trim().equals("0")) || exchange.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            exchange.respond(SwiftResponses.withText(400, "Copy requests require a zero byte body"));
            return;
        }
        ProxyServices s = exchange.services();
        OnLoop.then(exchange, s.infoCache().container(source.account(), source.containerName()), this::withSource);
    }

    private void withSource(ContainerInfo info) {
        ProxyServices s = exchange.services();
        AccessPolicy.Decision d = Authorization.checkAs(
                exchange, "GET", source.account(), source.containerName(), source.objectName(), info);
        if (!d.allowed()) {
            exchange.respond(Authorization.denial(d));
            return;
        }
        int policy = info.exists() ? info.storagePolicyIndex() : 0;
        Ring ring = s.rings().object(policy);
        if (ring == null) {
            exchange.respond(SwiftResponses.standard(503));
            return;
        }
        int part = ring.partition(s.hashPath(), source.account(), source.containerName(), source.objectName());
        HttpHeaders h = BackendHeaders.base(
                "HEAD", source.clientPath(), exchange.timestamp().internal(), exchange.transId(), policy, null);
        h.set("X-Newest", "true");
        OnLoop.then(
                exchange,
                s.reader().read(s.nodes(ring, part), part, HttpMethod.HEAD, source.backendPath(), h, true),
                head -> withSourceHead(head, ring, part, policy));
    }

    private void withSourceHead(NodeResponse head, Ring ring, int part, int policy) {
        ProxyServices s = exchange.services();
        if (head.status() < 200 || head.status() >= 300) {
            exchange.respond(SwiftResponses.standard(head.status() == 503 ? 503 : 404));
            return;
        }
        long length = Long.parseLong(
                head.headers().get(HttpHeaderNames.CONTENT_LENGTH, "0").trim());
        if (length > s.validator().constraints().maxFileSize()) {
            exchange.respond(SwiftResponses.standard(413));
            return;
        }
        HttpHeaders dest = exchange.headers();
        mergeSourceHeaders(head.headers(), dest);
        dest.remove("X-Copy-From");
        dest.remove("X-Copy-From-Account");
        dest.set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(length));
        HttpHeaders copied = new DefaultHttpHeaders();
        copied.set(
                "X-Copied-From", SwiftPath.quote(source.containerName()) + "/" + SwiftPath.quote(source.objectName()));
        copied.set("X-Copied-From-Account", SwiftPath.quote(source.account()));
        String lm = head.headers().get(HttpHeaderNames.LAST_MODIFIED);
        if (lm != null) {
            copied.set("X-Copied-From-Last-Modified", lm);
        }
        List<Device> order = new ArrayList<>();
        Device first = head.node();
        if (first != null) {
            order.add(first);
        }
        NodeIterator more = s.nodes(ring, part);
        for (Device n = more.next(); n != null; n = more.next()) {
            if (!n.equals(first)) {
                order.add(n);
            }
        }
        HttpHeaders get = BackendHeaders.base(
                "GET", source.clientPath(), exchange.timestamp().internal(), exchange.transId(), policy, null);
        String etag = head.headers().get(HttpHeaderNames.ETAG);
        if (etag != null) {
            get.set(HttpHeaderNames.IF_MATCH, etag);
        }
        SourceStream stream = new SourceStream(order, "/" + part + source.backendPath(), get);
        ObjectPutOperation put = new ObjectPutOperation(exchange, stream, copied);
        stream.put = put;
        put.start();
    }

    /** The source's user metadata and content type unless the request overrides them (or asks fresh). */
    private void mergeSourceHeaders(HttpHeaders src, HttpHeaders dest) {
        boolean fresh = "true".equalsIgnoreCase(dest.get("X-Fresh-Metadata"));
        for (Map.Entry<String, String> e : src) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            boolean meta = k.startsWith("x-object-meta-")
                    || k.equals("content-encoding")
                    || k.equals("content-disposition")
                    || k.equals("x-delete-at")
                    || k.equals("x-object-manifest")
                    || k.equals("x-static-large-object");
            if (meta && !fresh && !dest.contains(e.getKey())) {
                dest.set(e.getKey(), e.getValue());
            }
        }
        if (!dest.contains(HttpHeaderNames.CONTENT_TYPE) && src.contains(HttpHeaderNames.CONTENT_TYPE)) {
            dest.set(HttpHeaderNames.CONTENT_TYPE, src.get(HttpHeaderNames.CONTENT_TYPE));
        }
        String etag = src.get(HttpHeaderNames.ETAG);
        if (etag != null && !src.contains("X-Static-Large-Object") && !src.contains("X-Object-Manifest")) {
            dest.set(HttpHeaderNames.ETAG, Etags.strip(etag));
        }
    }

    /** Streams the source body into the PUT from one replica at a time (same ETag required). */
    private final class SourceStream implements ObjectPutOperation.BodySource, GetConnection.Listener {
        private final List<Device> nodes;
        private final String path;
        private final HttpHeaders headers;
        private @Nullable ObjectPutOperation put;
        private @Nullable GetConnection current;
        private int next;
        private boolean paused;
        private boolean aborted;

        SourceStream(List<Device> nodes, String path, HttpHeaders headers) {
            this.nodes = nodes;
            this.path = path;
            this.headers = headers;
        }

        @Override
        public void ready() {
            tryNext();
        }

        private void tryNext() {
            ObjectPutOperation p = put;
            if (aborted || p == null) {
                return;
            }
            if (next >= nodes.size()) {
                p.sourceFailed();
                return;
            }
            Device node = nodes.get(next++);
            ProxyServices s = exchange.services();
            GetConnection c = new GetConnection(
                    node, this, s.config().nodeTimeout(), s.config().nodeTimeout());
            current = c;
            c.start(s.connector(), exchange.channel().eventLoop(), HttpMethod.GET, "/" + node.device() + path, headers);
        }

        @Override
        public void head(GetConnection c, HttpResponse head) {
            if (head.status().code() != 200) {
                c.close();
                tryNext();
                return;
            }
            if (paused) {
                c.pause();
            }
        }

        @Override
        public void body(GetConnection c, HttpContent content) {
            ObjectPutOperation p = put;
            if (p == null || aborted || c != current) {
                content.release();
                return;
            }
            p.content(content);
        }

        @Override
        public void failed(GetConnection c) {
            exchange.services().errorLimiter().increment(c.node());
            ObjectPutOperation p = put;
            if (p != null && !aborted && c == current) {
                if (!c.gotHead()) {
                    tryNext();
                } else {
                    // Restarting mid-body would resend bytes already relayed: the copy fails instead.
                    p.sourceFailed();
                }
            }
        }

        @Override
        public void pause() {
            paused = true;
            GetConnection c = current;
            if (c != null) {
                c.pause();
            }
        }

        @Override
        public void resume() {
            paused = false;
            GetConnection c = current;
            if (c != null) {
                c.resume();
            }
        }

        @Override
        public void abort() {
            aborted = true;
            GetConnection c = current;
            if (c != null) {
                c.close();
            }
        }
    }
}
