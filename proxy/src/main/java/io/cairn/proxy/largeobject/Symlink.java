package io.cairn.proxy.largeobject;

import io.cairn.common.config.ConfigSection;
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
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code symlink} filter: a PUT with {@code X-Symlink-Target: <container>/<object>} (and optionally
 * {@code -Account}, and {@code -Etag} for a static link, checked by a HEAD of the target: 409 when it is
 * missing or has another ETag) stores an empty object whose sysmeta names the target, with the container
 * listing override {@code ; symlink_target=…}; a GET or HEAD follows links (at most {@code symloop_max} hops,
 * else 409) and answers the target with {@code Content-Location}; {@code ?symlink=get} reads the link itself
 * (its sysmeta shown as {@code X-Symlink-*}); a POST to a link answers 307 to its target.
 *
 * <p>Immutable; its operations are confined to the exchange's event loop.
 */
final class Symlink implements Middleware {
    static final String TARGET = "X-Symlink-Target";
    static final String SYS_TARGET = "X-Object-Sysmeta-Symlink-Target";
    static final String SYS_ACCOUNT = "X-Object-Sysmeta-Symlink-Target-Account";
    static final String SYS_ETAG = "X-Object-Sysmeta-Symlink-Target-Etag";
    static final String SYS_BYTES = "X-Object-Sysmeta-Symlink-Target-Bytes";
    static final String SYMLOOP_EXTEND = "X-Object-Sysmeta-Symloop-Extend";
    /** A link a middleware made into the reserved namespace (object versioning's current version). */
    static final String ALLOW_RESERVED_NAMES = "X-Object-Sysmeta-Allow-Reserved-Names";

    private static final String OVERRIDE = "X-Object-Sysmeta-Container-Update-Override-Etag";
    private static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";
    private static final Set<String> KNOWN = Set.of("use", "symloop_max");
    /** A marker for an unusable {@code X-Symlink-Target-Etag} (no real ETag has a NUL). */
    private static final String BAD = "\u0000";

    private final int symloopMax;

    Symlink(int symloopMax) {
        this.symloopMax = symloopMax;
    }

    /** {@code [filter:symlink]}: {@code symloop_max} (default 2; below 1 means 2, as Swift). */
    static Symlink from(ConfigSection s, List<String> warnings) {
        s.unknownKeys(KNOWN).forEach(k -> warnings.add("[" + s.name() + "] unknown key " + k));
        int max = s.getInt("symloop_max", 2, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return new Symlink(max < 1 ? 2 : max);
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symloop_max", symloopMax);
        m.put("static_links", true);
        info.put("symlink", m);
    }

    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        SwiftPath p = ex.path();
        String m = ex.method().name();
        if (p.object() == null) {
            return p.container() != null && m.equals("GET") ? new ListingRewrite(ex, next) : next.operationFor(ex);
        }
        if (m.equals("GET") || m.equals("HEAD")) {
            return "get".equals(LargeObjects.param(p.query(), "symlink"))
                    ? new ReadLink(ex, next)
                    : new Follow(ex, next, p, 0, null, null);
        }
        if (m.equals("PUT") && ex.headers().contains(TARGET)) {
            return new Put(ex, next);
        }
        if (m.equals("POST")) {
            if (ex.headers().contains(TARGET)) {
                return Answer.afterBody(ex, plain(400, "A PUT request is required to set a symlink target"));
            }
            return new Post(ex, next);
        }
        return next.operationFor(ex);
    }

    static FullHttpResponse plain(int status, String body) {
        return SwiftResponses.withPlain(status, body);
    }

    /** {@code /v1/<account>/<container>/<object>} as the quoted path Swift writes in Content-Location and Location. */
    private static String location(SwiftPath p, @Nullable String quotedAccount, String quotedTarget) {
        String account = quotedAccount != null ? quotedAccount : SwiftPath.quote(p.account());
        return "/" + p.version() + "/" + account + "/" + SloManifest.lstrip(quotedTarget, '/');
    }

    /** The resource a quoted {@code /v1/a/c/o} names; null when it names none. */
    private static @Nullable SwiftPath parse(String version, String quotedPath) {
        String[] parts = PercentCoding.unquote(quotedPath).split("/", 5);
        if (parts.length < 5 || parts[3].isEmpty() || parts[4].isEmpty()) {
            return null;
        }
        return new SwiftPath(version, parts[2], parts[3], parts[4], "");
    }

    /** A GET or HEAD that follows a link (Swift's {@code _recursive_get_head}); one instance per hop. */
    private final class Follow extends ManifestRead {
        private final SwiftPath path;
        private final int loop;
        private final @Nullable String targetEtag;
        private final @Nullable String lastTarget;
        private boolean reserved;
        private @Nullable Follow hop;

        Follow(
                Exchange ex,
                SwiftApp next,
                SwiftPath path,
                int loop,
                @Nullable String targetEtag,
                @Nullable String last) {
            super(ex, next, 0);
            this.path = path;
            this.loop = loop;
            this.targetEtag = targetEtag;
            this.lastTarget = last;
        }

        @Override
        SwiftPath target() {
            return path;
        }

        @Override
        Exchange subrequestParent() {
            // the link's sysmeta says a middleware made it into reserved names, which users cannot reach
            // themselves: that middleware authorized the request (Swift's make_pre_authed_request)
            return reserved ? exchange.preAuthorized() : exchange;
        }

        @Override
        void prepare(HttpHeaders h) {
            if (reserved) {
                h.set("X-Backend-Allow-Reserved-Names", "true");
            }
            String hdr = "X-Backend-Ignore-Range-If-Metadata-Present";
            String have = h.get(hdr);
            h.set(hdr, have == null || have.isEmpty() ? SYS_TARGET : have + "," + SYS_TARGET);
            h.remove("X-Backend-Storage-Policy-Index");
        }

        @Override
        boolean isManifest(HttpResponse head) {
            if (head.headers().contains(SYS_TARGET)) {
                return true;
            }
            String etag = LargeObjects.unquote(head.headers().get(HttpHeaderNames.ETAG));
            return targetEtag != null && etag != null && !etag.isEmpty() && !targetEtag.equals(etag);
        }

        @Override
        boolean needsBody(HttpResponse head) {
            return false;
        }

        @Override
        void passThroughHead(HttpHeaders headers) {
            if (lastTarget != null) {
                headers.add("Content-Location", lastTarget);
            }
        }

        @Override
        void serve(HttpResponse head, @Nullable ByteBuf body) {
            HttpHeaders h = head.headers();
            String link = h.get(SYS_TARGET);
            if (link == null) {
                String etag = LargeObjects.unquote(h.get(HttpHeaderNames.ETAG));
                conflict("Object Etag '" + etag + "' does not match X-Symlink-Target-Etag header '" + targetEtag + "'");
                return;
            }
            String linkEtag = h.get(SYS_ETAG);
            String found = linkEtag != null ? linkEtag : LargeObjects.unquote(h.get(HttpHeaderNames.ETAG));
            if (targetEtag != null && !targetEtag.equals(found)) {
                conflict("X-Symlink-Target-Etag headers do not match");
                return;
            }
            if (loop >= symloopMax) {
                exchange.respond(plain(409, "Too many levels of symbolic links, maximum allowed is " + symloopMax));
                return;
            }
            String to = location(path, h.get(SYS_ACCOUNT), link);
            SwiftPath target = parse(path.version(), to);
            if (target == null) {
                exchange.respond(SwiftResponses.standard(412));
                return;
            }
            int nextLoop = LargeObjects.isTrue(h.get(SYMLOOP_EXTEND)) ? loop : loop + 1;
            Follow f = new Follow(exchange, next, target, nextLoop, linkEtag, to);
            f.reserved = LargeObjects.isTrue(h.get(ALLOW_RESERVED_NAMES));
            hop = f;
            f.run();
        }

        private void conflict(String message) {
            FullHttpResponse r = plain(409, message);
            if (lastTarget != null) {
                r.headers().set("Content-Location", lastTarget);
            }
            exchange.respond(r);
        }

        @Override
        public void clientWritabilityChanged() {
            Follow f = hop;
            if (f != null) {
                f.clientWritabilityChanged();
            } else {
                super.clientWritabilityChanged();
            }
        }

        @Override
        public void clientClosed() {
            Follow f = hop;
            if (f != null) {
                f.clientClosed();
            }
            super.clientClosed();
        }
    }

    /** {@code ?symlink=get}: the link itself, its sysmeta shown as {@code X-Symlink-*}. */
    private static final class ReadLink extends ManifestRead {
        ReadLink(Exchange ex, SwiftApp next) {
            super(ex, next, 0);
        }

        @Override
        void prepare(HttpHeaders h) {}

        @Override
        boolean isManifest(HttpResponse head) {
            return false;
        }

        @Override
        boolean needsBody(HttpResponse head) {
            return false;
        }

        @Override
        void serve(HttpResponse head, @Nullable ByteBuf body) {}

        @Override
        void passThroughHead(HttpHeaders h) {
            rename(h, SYS_TARGET, TARGET);
            rename(h, SYS_ACCOUNT, "X-Symlink-Target-Account");
            rename(h, SYS_ETAG, "X-Symlink-Target-Etag");
            rename(h, SYS_BYTES, "X-Symlink-Target-Bytes");
        }

        private static void rename(HttpHeaders h, String from, String to) {
            String v = h.get(from);
            if (v != null) {
                h.remove(from);
                h.set(to, v);
            }
        }
    }

    /** A PUT that makes a link (Swift's {@code handle_put}). */
    private static final class Put implements Operation {
        private final Exchange exchange;
        private final SwiftApp next;
        private @Nullable Operation call;
        private long bodyBytes;
        private boolean validated;
        private boolean done;

        Put(Exchange exchange, SwiftApp next) {
            this.exchange = exchange;
            this.next = next;
        }

        @Override
        public void start() {
            HttpHeaders h = exchange.headers();
            String cl = h.get(HttpHeaderNames.CONTENT_LENGTH);
            if (cl != null && LargeObjects.parseLong(cl) != 0) {
                finish(plain(400, "Symlink requests require a zero byte body"));
            } else if (exchange.requestComplete()) {
                validate();
            }
        }

        @Override
        public void content(HttpContent content) {
            bodyBytes += content.content().readableBytes();
            boolean last = content instanceof LastHttpContent;
            content.release();
            if (last && !done) {
                if (bodyBytes > 0) {
                    finish(plain(400, "Symlink requests require a zero byte body"));
                } else {
                    validate();
                }
            }
        }

        /** {@code _validate_and_prep_request_headers}, then the static link's check, then the PUT. */
        private void validate() {
            if (validated) {
                return;
            }
            validated = true;
            HttpHeaders h = exchange.headers().copy();
            SwiftPath p = exchange.path();
            String error = "X-Symlink-Target header must be of the form <container name>/<object name>";
            String raw = h.get(TARGET, "");
            if (PercentCoding.unquote(raw).startsWith("/")) {
                finish(plain(412, error));
                return;
            }
            String[] co = splitTarget(raw);
            if (co == null) {
                finish(SwiftResponses.withText(412, error));
                return;
            }
            h.set(TARGET, SwiftPath.quote(co[0] + "/" + co[1]));
            String account = accountOf(h, p.account());
            if (account == null) {
                return;
            }
            if (account.equals(p.account()) && co[0].equals(p.containerName()) && co[1].equals(p.objectName())) {
                finish(plain(400, "Symlink cannot target itself"));
                return;
            }
            String etag = targetEtag(h);
            if (etag != null && etag.equals(BAD)) {
                finish(plain(400, "Bad X-Symlink-Target-Etag format"));
                return;
            }
            if ((etag == null || etag.isEmpty())
                    && h.get(HttpHeaderNames.CONTENT_TYPE, "").isEmpty()) {
                h.set(HttpHeaderNames.CONTENT_TYPE, "application/symlink");
            }
            SwiftPath target = new SwiftPath(p.version(), account, co[0], co[1], "");
            if (etag == null || etag.isEmpty()) {
                store(h);
                return;
            }
            checkStatic(h, target, etag);
        }

        /** The normalized {@code X-Symlink-Target-Etag}; null without one; {@link #BAD} when it has {@code ;"\\}. */
        private static @Nullable String targetEtag(HttpHeaders h) {
            String etag = h.get("X-Symlink-Target-Etag");
            if (etag == null) {
                return null;
            }
            String e = Conditionals.normalize(etag);
            return e.indexOf(';') >= 0 || e.indexOf('"') >= 0 || e.indexOf('\\') >= 0 ? BAD : e;
        }

        /** The target's account ({@code check_account_format}), the header quoted; null after answering 412. */
        private @Nullable String accountOf(HttpHeaders h, String own) {
            String acct = h.get("X-Symlink-Target-Account");
            if (acct == null) {
                return own;
            }
            String account = PercentCoding.unquote(acct);
            String bad = account.isEmpty()
                    ? "Account name cannot be empty"
                    : account.indexOf('/') >= 0 ? "Account name cannot contain slashes" : null;
            if (bad != null) {
                finish(SwiftResponses.withText(412, bad));
                return null;
            }
            h.set("X-Symlink-Target-Account", SwiftPath.quote(account));
            return account;
        }

        /** {@code _validate_etag_and_update_sysmeta}: the target must exist with that ETag. */
        private void checkStatic(HttpHeaders h, SwiftPath target, String etag) {
            String to = location(
                    exchange.path(),
                    SwiftPath.quote(target.account()),
                    SwiftPath.quote(target.containerName() + "/" + target.objectName()));
            HttpHeaders head = LargeObjects.subrequestHeaders(exchange.headers());
            call = Subrequests.call(exchange, next, HttpMethod.HEAD, target, head, null, r -> {
                call = null;
                int status = r.status().code();
                HttpHeaders rh = r.headers().copy();
                r.release();
                if (status == 404) {
                    FullHttpResponse c = plain(409, "X-Symlink-Target does not exist");
                    c.headers().set("Content-Location", to);
                    finish(c);
                    return;
                }
                if (status < 200 || status >= 300) {
                    finish(SwiftResponses.standard(status));
                    return;
                }
                String linkEtag = rh.get(SYS_ETAG);
                String found = linkEtag != null ? linkEtag : LargeObjects.unquote(rh.get(HttpHeaderNames.ETAG));
                if (!etag.equals(found)) {
                    FullHttpResponse c = plain(
                            409,
                            "Object Etag '" + found + "' does not match X-Symlink-Target-Etag" + " header '" + etag
                                    + "'");
                    c.headers().set("Content-Location", to);
                    finish(c);
                    return;
                }
                String override = rh.get(OVERRIDE);
                if (override != null && !h.contains(OVERRIDE)) {
                    int semi = override.indexOf(';');
                    h.set(OVERRIDE, EMPTY_MD5 + (semi < 0 ? "" : override.substring(semi)));
                }
                String sloEtag = rh.get(SloManifest.SYSMETA_ETAG);
                if (sloEtag != null && !h.contains(OVERRIDE)) {
                    h.set(OVERRIDE, EMPTY_MD5 + "; slo_etag=" + sloEtag);
                }
                String sloSize = rh.get(SloManifest.SYSMETA_SIZE);
                // a static link's target that is itself a static link (object versioning's current version) stands
                // for the bytes it links to, as Swift follows it
                String linkBytes = rh.get(SYS_BYTES);
                h.set(
                        SYS_BYTES,
                        sloSize != null
                                ? sloSize
                                : linkBytes != null && linkEtag != null
                                        ? linkBytes
                                        : rh.get(HttpHeaderNames.CONTENT_LENGTH, "0"));
                h.set(SYS_ETAG, etag);
                if (h.get(HttpHeaderNames.CONTENT_TYPE, "").isEmpty()) {
                    h.set(HttpHeaderNames.CONTENT_TYPE, rh.get(HttpHeaderNames.CONTENT_TYPE, ""));
                }
                store(h);
            });
        }

        /** Moves the link headers to sysmeta, adds the listing override, PUTs the empty object below. */
        private void store(HttpHeaders h) {
            h.set(SYS_TARGET, h.get(TARGET, ""));
            h.remove(TARGET);
            String acct = h.get("X-Symlink-Target-Account");
            if (acct != null) {
                h.remove("X-Symlink-Target-Account");
                h.set(SYS_ACCOUNT, acct);
            }
            h.remove("X-Symlink-Target-Etag");
            StringBuilder o = new StringBuilder(h.get(OVERRIDE, EMPTY_MD5));
            o.append("; symlink_target=").append(h.get(SYS_TARGET));
            if (h.contains(SYS_ACCOUNT)) {
                o.append("; symlink_target_account=").append(h.get(SYS_ACCOUNT));
            }
            if (h.contains(SYS_ETAG)) {
                o.append("; symlink_target_etag=").append(h.get(SYS_ETAG));
                o.append("; symlink_target_bytes=").append(h.get(SYS_BYTES));
            }
            h.set(OVERRIDE, o.toString());
            SwiftPath p = exchange.path();
            SwiftPath self = new SwiftPath(p.version(), p.account(), p.containerName(), p.objectName(), "");
            call = Subrequests.call(exchange, next, HttpMethod.PUT, self, h, Unpooled.EMPTY_BUFFER, r -> {
                call = null;
                finish(r);
            });
        }

        private void finish(FullHttpResponse r) {
            if (done) {
                r.release();
                return;
            }
            done = true;
            exchange.respond(r);
        }

        @Override
        public void clientClosed() {
            done = true;
            Operation c = call;
            if (c != null) {
                c.clientClosed();
            }
        }
    }

    /** Swift's {@code check_path_header(..., 2, ...)}: {@code [container, object]}, or null. */
    static String @Nullable [] splitTarget(String value) {
        String v = PercentCoding.unquote(value);
        int slash = v.indexOf('/');
        if (slash <= 0 || slash == v.length() - 1) {
            return null;
        }
        return new String[] {v.substring(0, slash), v.substring(slash + 1)};
    }

    /** A POST: to a link it answers 307 to the target (Swift's {@code handle_post}). */
    private static final class Post extends PassOn {
        Post(Exchange exchange, SwiftApp next) {
            super(exchange, next);
        }

        @Override
        void answer(FullHttpResponse r) {
            int status = r.status().code();
            String link = r.headers().get(SYS_TARGET);
            if (status < 200 || status >= 300 || link == null) {
                exchange.respond(r);
                return;
            }
            FullHttpResponse redirect = SwiftResponses.withText(
                    307,
                    "The requested POST was applied to a symlink. POST directly to the target to apply requested"
                            + " metadata.");
            redirect.headers()
                    .set(
                            HttpHeaderNames.LOCATION,
                            location(exchange.path(), r.headers().get(SYS_ACCOUNT), link));
            String etag = r.headers().get(SYS_ETAG);
            if (etag != null) {
                redirect.headers().set("X-Symlink-Target-Etag", etag);
            }
            // the link's sysmeta goes with the redirect (object versioning follows its own links' POSTs; the
            // gatekeeper keeps it from clients)
            for (Map.Entry<String, String> e : r.headers()) {
                if (e.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("x-object-sysmeta-")) {
                    redirect.headers().set(e.getKey(), e.getValue());
                }
            }
            r.release();
            exchange.respond(redirect);
        }
    }

    /** A container GET: symlinks' listing entries get {@code symlink_path} (and their etag and bytes). */
    private static final class ListingRewrite extends PassOn {
        ListingRewrite(Exchange exchange, SwiftApp next) {
            super(exchange, next);
        }

        @Override
        void answer(FullHttpResponse r) {
            int status = r.status().code();
            String type = r.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
            String body = r.content().toString(java.nio.charset.StandardCharsets.UTF_8);
            if (status < 200
                    || status >= 300
                    || !type.startsWith("application/json")
                    || !body.contains("symlink_target=")) {
                exchange.respond(r);
                return;
            }
            String rewritten = SymlinkListing.rewrite(
                    body,
                    exchange.path().version(),
                    SwiftPath.quote(exchange.path().account()));
            if (rewritten == null) {
                exchange.respond(r);
                return;
            }
            byte[] bytes = rewritten.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            FullHttpResponse out = r.replace(Unpooled.wrappedBuffer(bytes));
            r.release();
            out.headers().set(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(bytes.length));
            exchange.respond(out);
        }
    }
}
