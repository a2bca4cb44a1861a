package io.cairn.proxy.swift;

import io.cairn.common.path.PercentCoding;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Server-side copy (Swift's {@code copy} middleware, reference §4.10): {@code COPY} with {@code
 * Destination} is a {@code PUT} of the destination with {@code X-Copy-From}. The source is read by a GET
 * subrequest ({@link Subrequests#stream}) with the client's headers (so its {@code Range} and conditionals
 * apply, and the caller must be allowed to read it) and {@code X-Newest}; an answer of 300 or more is the
 * client's answer. Otherwise the source's metadata and sysmeta (only its sysmeta with {@code
 * X-Fresh-Metadata: true}) overridden by the request's, its Content-Type unless given, and — for a whole
 * plain object — its ETag for verification go into a PUT of the destination whose body is the GET's body,
 * with the same back-pressure as a client PUT; a source replica that breaks mid-body is resumed from
 * another, as for any GET. The response adds {@code X-Copied-From}, {@code -Account}, {@code
 * -Last-Modified} and the object's metadata.
 *
 * <p>Confined to the client channel's event loop.
 */
final class ObjectCopyOperation extends BodilessOperation {
    private final SwiftPath source;
    /** The source's headers a copy keeps besides its metadata (not with {@code X-Fresh-Metadata}). */
    private static final Set<String> COPIED = Set.of(
            "content-encoding", "content-disposition", "content-language", "cache-control", "expires", "x-delete-at");

    private final @Nullable String problem;
    private @Nullable SourceSink sink;
    /** Whether the destination's PUT paces the source's GET (a plain copy), or takes a manifest whole. */
    private boolean pacedBySource;

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
                destination,
                new SwiftPath(
                        ex.path().version(), account, co[0], co[1], ex.path().query()),
                null);
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
    protected void run() {
        if (problem != null) {
            exchange.respond(SwiftResponses.withText(412, problem));
            return;
        }
        String cl = exchange.headers().get(HttpHeaderNames.CONTENT_LENGTH);
        // a COPY's body is ignored (the copy middleware makes it a PUT of length 0); a PUT's is refused
        boolean copyVerb = exchange.method().name().equals("COPY");
        if (!copyVerb
                && ((cl != null && !cl.trim().equals("0"))
                        || exchange.headers().contains(HttpHeaderNames.TRANSFER_ENCODING))) {
            exchange.respond(SwiftResponses.withPlain(400, "Copy requests require a zero byte body"));
            return;
        }
        // copy_get(): the client's request as a GET of the source, X-Newest; its own container's policy
        HttpHeaders get = exchange.headers().copy();
        get.remove("X-Backend-Storage-Policy-Index");
        get.set("X-Newest", "true");
        SourceSink s = new SourceSink();
        sink = s;
        s.get = Subrequests.stream(exchange, HttpMethod.GET, sourceQuery(), get, s);
    }

    /** Whether the copy is of a manifest itself ({@code ?multipart-manifest=get}), not of its content. */
    private boolean manifestGet() {
        return "get".equals(queryParam(source.query(), "multipart-manifest"));
    }

    /** The source with the request's query; a manifest read in the client's format ({@code format=raw}). */
    private SwiftPath sourceQuery() {
        if (!manifestGet() || queryParam(source.query(), "format") != null) {
            return source;
        }
        return new SwiftPath(
                source.version(),
                source.account(),
                source.container(),
                source.object(),
                source.query() + "&format=raw");
    }

    private static @Nullable String queryParam(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if ((eq < 0 ? pair : pair.substring(0, eq)).equals(name)) {
                return eq < 0 ? "" : pair.substring(eq + 1);
            }
        }
        return null;
    }

    /**
     * The copy middleware's {@code multipart-manifest=get} rules: an SLO manifest is written again through the
     * pipeline as a {@code multipart-manifest=put} (validated anew); a DLO manifest keeps its {@code
     * X-Object-Manifest}.
     */
    private @Nullable Operation manifestPut(HttpHeaders src, HttpHeaders copied) {
        if ("get".equals(queryParam(source.query(), "symlink")) && src.contains("X-Symlink-Target")) {
            // a link copied as a link (?symlink=get): its X-Symlink-* headers make the PUT a link again
            HttpHeaders dest = exchange.headers();
            for (String name : List.of("X-Symlink-Target", "X-Symlink-Target-Account", "X-Symlink-Target-Etag")) {
                String v = src.get(name);
                if (v != null && !dest.contains(name)) {
                    dest.set(name, v);
                }
            }
            SwiftPath p = exchange.path();
            SwiftPath put = new SwiftPath(p.version(), p.account(), p.container(), p.object(), "");
            return Subrequests.upload(exchange, put, dest, new CopiedHeadersSink(exchange, copied, this::stopSource));
        }
        if (!manifestGet()) {
            return null;
        }
        String dlo = src.get("X-Object-Manifest");
        if (dlo != null) {
            exchange.headers().set("X-Object-Manifest", dlo);
            return null;
        }
        if (src.contains("X-Static-Large-Object")) {
            SwiftPath p = exchange.path();
            SwiftPath put =
                    new SwiftPath(p.version(), p.account(), p.container(), p.object(), "multipart-manifest=put");
            return Subrequests.upload(
                    exchange, put, exchange.headers(), new CopiedHeadersSink(exchange, copied, this::stopSource));
        }
        return null;
    }

    /** The PUT of the destination for a 2xx source answer, or the 413 for a source too big to copy. */
    private @Nullable Operation putFor(HttpResponse sourceHead, BodySource body) {
        HttpHeaders src = sourceHead.headers();
        String len = src.get(HttpHeaderNames.CONTENT_LENGTH);
        long length;
        try {
            length = len == null ? -1 : Long.parseLong(len.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0 || length > exchange.services().validator().constraints().maxFileSize()) {
            exchange.respond(SwiftResponses.standard(413));
            return null;
        }
        HttpHeaders dest = exchange.headers();
        mergeSourceHeaders(sourceHead.status().code(), src, dest, manifestGet());
        dest.remove("X-Copy-From");
        dest.remove("X-Copy-From-Account");
        dest.remove(HttpHeaderNames.RANGE);
        dest.set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(length));
        HttpHeaders copied = new DefaultHttpHeaders();
        copied.set(
                "X-Copied-From", SwiftPath.quote(source.containerName()) + "/" + SwiftPath.quote(source.objectName()));
        copied.set("X-Copied-From-Account", SwiftPath.quote(source.account()));
        String lm = src.get(HttpHeaderNames.LAST_MODIFIED);
        if (lm != null) {
            copied.set("X-Copied-From-Last-Modified", lm);
        }
        // _copy_headers: the new object's metadata in the answer
        for (Map.Entry<String, String> e : dest) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.startsWith("x-object-meta-") || k.equals("x-delete-at")) {
                copied.set(e.getKey(), e.getValue());
            }
        }
        Operation manifest = manifestPut(src, copied);
        if (manifest != null) {
            return manifest;
        }
        pacedBySource = true;
        SwiftPath p = exchange.path();
        SwiftPath put = new SwiftPath(p.version(), p.account(), p.container(), p.object(), "");
        return Subrequests.upload(exchange, put, dest, new CopiedHeadersSink(exchange, copied, this::stopSource), body);
    }

    /** The destination's PUT answered: a source still streaming (the PUT was refused before reading) stops. */
    private void stopSource() {
        SourceSink s = sink;
        if (s != null && !s.sourceEnded) {
            s.stop();
        }
    }

    /**
     * The copy middleware's header merge: without {@code X-Fresh-Metadata} every metadata-like header of the
     * source unless the request sets it; with it, only the source's sysmeta. Content-Type from the source
     * unless given; the source ETag (verified by the object servers) only for a whole, plain object.
     */
    private static void mergeSourceHeaders(int status, HttpHeaders src, HttpHeaders dest, boolean manifestGet) {
        boolean fresh = "true".equalsIgnoreCase(dest.get("X-Fresh-Metadata"));
        for (Map.Entry<String, String> e : src) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            boolean sysmeta = k.startsWith("x-object-sysmeta-") || k.startsWith("x-object-transient-sysmeta-");
            boolean meta = k.startsWith("x-object-meta-") || COPIED.contains(k);
            if ((sysmeta || (meta && !fresh)) && !dest.contains(e.getKey())) {
                dest.set(e.getKey(), e.getValue());
            }
        }
        String type = dest.get(HttpHeaderNames.CONTENT_TYPE);
        if ((type == null || type.isEmpty()) && src.contains(HttpHeaderNames.CONTENT_TYPE)) {
            dest.set(HttpHeaderNames.CONTENT_TYPE, src.get(HttpHeaderNames.CONTENT_TYPE));
        }
        setEtag(status, src, dest, manifestGet);
    }

    /** The source ETag for a whole plain object; otherwise none, and no container-update override. */
    private static void setEtag(int status, HttpHeaders src, HttpHeaders dest, boolean manifestGet) {
        String etag = src.get(HttpHeaderNames.ETAG);
        if (status == 200
                && etag != null
                && !src.contains("X-Static-Large-Object")
                && (!src.contains("X-Object-Manifest") || manifestGet)) {
            dest.set(HttpHeaderNames.ETAG, Etags.strip(etag));
            return;
        }
        dest.remove(HttpHeaderNames.ETAG);
        List<String> overrides = new ArrayList<>();
        for (String name : dest.names()) {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-object-sysmeta-container-update-override-")) {
                overrides.add(name);
            }
        }
        overrides.forEach(dest::remove);
    }

    /**
     * The source GET's answer: a 2xx head starts the PUT and its body becomes the PUT's body (the PUT's
     * pause/resume are this sink's writability); anything else is relayed to the client as it is.
     */
    private final class SourceSink implements ResponseSink {
        private final PacedBodySource body = new PacedBodySource(true) {
            @Override
            protected void resumed() {
                Operation g = get;
                if (g != null && !over) {
                    g.clientWritabilityChanged();
                }
            }

            @Override
            public void abort() {
                stop();
            }
        };
        private @Nullable Operation get;
        private @Nullable Operation put;
        private boolean relayToClient;
        private boolean over;
        private boolean sourceEnded;

        @Override
        public void respond(FullHttpResponse response) {
            if (response.status().code() >= 300 || over) {
                over = true;
                exchange.respond(response);
                return;
            }
            // a 2xx without a streamed body: an empty source
            startResponse(new DefaultHttpResponse(response.protocolVersion(), response.status(), response.headers()));
            endResponse(new DefaultLastHttpContent(response.content()));
        }

        @Override
        public void startResponse(HttpResponse head) {
            if (head.status().code() >= 300) {
                relayToClient = true;
                exchange.startResponse(head);
                return;
            }
            Operation p = putFor(head, body);
            if (p == null) {
                stop();
                return;
            }
            put = p;
            if (!pacedBySource) {
                // a manifest PUT through the pipeline takes the (small) manifest whole: no pacing
                body.unpace();
            }
            p.start();
        }

        @Override
        public void writeBody(HttpContent content) {
            Operation p = put;
            if (relayToClient) {
                exchange.writeBody(content);
            } else if (p != null && !over) {
                p.content(content);
            } else {
                content.release();
            }
        }

        @Override
        public void endResponse(LastHttpContent last) {
            sourceEnded = true;
            if (relayToClient) {
                exchange.endResponse(last);
            } else {
                writeBody(last);
            }
        }

        @Override
        public void abort() {
            Operation p = put;
            if (relayToClient) {
                exchange.abort();
            } else if (p instanceof ObjectPutOperation o && !over) {
                over = true;
                o.sourceFailed();

            } else if (p != null && !over) {
                over = true;
                p.clientClosed();
                exchange.respond(SwiftResponses.standard(503));
            }
        }

        @Override
        public boolean isWritable() {
            return relayToClient ? exchange.isWritable() : !body.paused() && !over;
        }

        /** The PUT failed, or the client went away: the source is read no further. */
        void stop() {
            over = true;
            Operation g = get;
            if (g != null) {
                g.clientClosed();
            }
        }
    }

    /**
     * A pipeline PUT's answer to the client, with the copy's {@code X-Copied-From} headers added to a success (as
     * Swift's copy middleware adds them only then).
     */
    private static final class CopiedHeadersSink implements ResponseSink {
        private final Exchange exchange;
        private final HttpHeaders copied;
        private final Runnable onAnswer;

        CopiedHeadersSink(Exchange exchange, HttpHeaders copied, Runnable onAnswer) {
            this.exchange = exchange;
            this.copied = copied;
            this.onAnswer = onAnswer;
        }

        @Override
        public void respond(FullHttpResponse response) {
            onAnswer.run();
            if (response.status().code() / 100 == 2) {
                response.headers().add(copied);
            }
            exchange.respond(response);
        }

        @Override
        public void startResponse(HttpResponse head) {
            onAnswer.run();
            if (head.status().code() / 100 == 2) {
                head.headers().add(copied);
            }
            exchange.startResponse(head);
        }

        @Override
        public void writeBody(HttpContent content) {
            exchange.writeBody(content);
        }

        @Override
        public void endResponse(LastHttpContent last) {
            exchange.endResponse(last);
        }

        @Override
        public void abort() {
            exchange.abort();
        }

        @Override
        public boolean isWritable() {
            return exchange.isWritable();
        }
    }

    @Override
    public void clientClosed() {
        SourceSink s = sink;
        if (s != null) {
            s.stop();
            Operation p = s.put;
            if (p != null) {
                p.clientClosed();
            }
        }
    }
}
