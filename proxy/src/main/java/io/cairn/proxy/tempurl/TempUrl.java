package io.cairn.proxy.tempurl;

import io.cairn.common.http.HttpDates;
import io.cairn.proxy.info.AccountInfo;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.info.InfoCache;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.swift.Answer;
import io.cairn.proxy.swift.Deferred;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code tempurl} filter ({@code common/middleware/tempurl.py}): a request with {@code temp_url_sig} and
 * {@code temp_url_expires} is allowed when the signature is the HMAC of its method, expiry and path (or path
 * prefix, or client IP range) under one of the account's or container's {@code Temp-URL-Key}s; it then acts
 * in place of the auth system for the request and its subrequests (the account, or only the container, of
 * the key that matched), with only its own query parameters, without the configured incoming headers, and its
 * answer without the configured outgoing headers, with a {@code Content-Disposition} and {@code Expires}.
 * Anything wrong is Swift's {@code 401 Unauthorized: Temp URL invalid}.
 *
 * <p>Immutable and thread-safe; above server-side copy, as in Swift's pipeline.
 */
public final class TempUrl implements Middleware {
    private static final String INVALID_BODY = "401 Unauthorized: Temp URL invalid\n";
    private static final List<String> DISALLOWED_INCOMING =
            List.of("X-Object-Manifest", "X-Symlink-Target", "X-Copy-From");

    private final TempUrlConfig config;
    private final java.time.Clock clock;

    public TempUrl(TempUrlConfig config, java.time.Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public boolean aboveCopy() {
        return true;
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("methods", config.methods());
        t.put("incoming_remove_headers", config.incomingRemoveHeaders());
        t.put("incoming_allow_headers", config.incomingAllowHeaders());
        t.put("outgoing_remove_headers", config.outgoingRemoveHeaders());
        t.put("outgoing_allow_headers", config.outgoingAllowHeaders());
        t.put("allowed_digests", config.allowedDigests());
        if (!config.deprecatedDigests().isEmpty()) {
            t.put("deprecated_digests", config.deprecatedDigests());
        }
        info.put("tempurl", t);
    }

    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        String method = ex.method().name();
        if (method.equals("OPTIONS") || ex.isSubrequest() || !ex.path().query().contains("temp_url_")) {
            return next.operationFor(ex);
        }
        double now = clock.millis() / 1000.0;
        TempUrlQuery q = TempUrlQuery.parse(ex.path().query(), now);
        if (q.sig() == null && q.expires() == null) {
            return next.operationFor(ex);
        }
        Request r = request(ex, q);
        if (r == null) {
            return invalid(ex);
        }
        InfoCache cache = ex.services().infoCache();
        CompletableFuture<AccountInfo> account = cache.account(r.account);
        CompletableFuture<ContainerInfo> container = cache.container(r.account, r.container);
        if (account.isDone() && container.isDone()) {
            return decide(ex, next, r, account, container);
        }
        return Deferred.when(
                ex, CompletableFuture.allOf(account, container), () -> decide(ex, next, r, account, container));
    }

    /** The checks Swift makes before it looks up the keys; null where it answers 401. */
    private @Nullable Request request(Exchange ex, TempUrlQuery q) {
        String sig = q.sig();
        Long expires = q.expires();
        if (sig == null || sig.isEmpty() || expires == null || expires == 0) {
            return null;
        }
        TempUrlSignature.Parsed parsed = TempUrlSignature.parse(sig);
        if (parsed == null || !config.allowedDigests().contains(parsed.algorithm())) {
            return null;
        }
        String container = ex.path().container();
        String object = ex.path().object();
        if (!isTempUrlTarget(ex) || container == null || object == null) {
            return null;
        }
        String ipRange = q.ipRange();
        if (ipRange != null
                && !ipRange.isEmpty()
                && !IpRange.contains(ipRange, clientIp(ex.channel().remoteAddress()))) {
            return null;
        }
        String prefix = q.prefix();
        if (prefix != null && !object.startsWith(prefix)) {
            return null;
        }
        return new Request(ex.path().account(), container, object, parsed, expires, q);
    }

    /** Swift's {@code _get_path_parts}: an object of {@code /v1} with a non-blank name, by a configured method. */
    private boolean isTempUrlTarget(Exchange ex) {
        String object = ex.path().object();
        return config.methods().contains(ex.method().name())
                && ex.path().version().equals("v1")
                && ex.path().container() != null
                && object != null
                && !strip(object).isEmpty();
    }

    private static String strip(String object) {
        int from = 0;
        int to = object.length();
        while (from < to && object.charAt(from) == '/') {
            from++;
        }
        while (to > from && object.charAt(to - 1) == '/') {
            to--;
        }
        return object.substring(from, to);
    }

    private static @Nullable String clientIp(@Nullable SocketAddress address) {
        return address instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress()
                : null;
    }

    /** With the keys known: Swift's signature check, then the request passed on as the key's scope. */
    private @Nullable Operation decide(
            Exchange ex,
            SwiftApp next,
            Request r,
            CompletableFuture<AccountInfo> account,
            CompletableFuture<ContainerInfo> container) {
        List<String[]> keys = new ArrayList<>(); // {key, scope}
        AccountInfo a = Deferred.resultOf(account);
        ContainerInfo c = Deferred.resultOf(container);
        addKeys(keys, a == null ? Map.of() : a.meta(), "account");
        addKeys(keys, c == null ? Map.of() : c.meta(), "container");
        String scope = matchingScope(ex.method().name(), r, keys);
        if (scope == null) {
            return invalid(ex);
        }
        String method = ex.method().name();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            for (String h : DISALLOWED_INCOMING) {
                if (ex.headers().contains(h)) {
                    FullHttpResponse bad =
                            SwiftResponses.withText(400, "The header '" + h + "' is not allowed in this tempurl");
                    return Answer.now(ex, bad);
                }
            }
        }
        HeaderFilter.removeMatching(ex.headers(), config.incomingRemoveHeaders(), config.incomingAllowHeaders());
        String account0 = r.account;
        String container0 = r.container;
        boolean accountScope = scope.equals("account");
        Exchange granted = ex.withQuery(ownQuery(r));
        granted.overrideAuthorization(
                (m, acc, cont, obj) -> acc.equals(account0) && (accountScope || container0.equals(cont))
                        ? AccessPolicy.Decision.allow(false)
                        : new AccessPolicy.Decision(401, false, false, ""));
        granted.filterResponse(head -> decorate(head, method, r));
        return next.operationFor(granted);
    }

    private static void addKeys(List<String[]> keys, Map<String, String> meta, String scope) {
        for (String key : keysOf(meta)) {
            keys.add(new String[] {key, scope});
        }
    }

    /**
     * Swift's {@code get_tempurl_keys_from_metadata}: the values of {@code Temp-URL-Key} and {@code Temp-URL-Key-2}
     * (any case) in an account's or container's metadata.
     */
    public static List<String> keysOf(Map<String, String> meta) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, String> e : meta.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.equals("temp-url-key") || k.equals("temp-url-key-2")) {
                keys.add(e.getValue());
            }
        }
        return keys;
    }

    /** The scope of the first key whose HMAC is the signature (HEAD: under HEAD, GET, POST or PUT), else null. */
    private static @Nullable String matchingScope(String method, Request r, List<String[]> keys) {
        String path = r.query.prefix() == null
                ? "/v1/" + r.account + "/" + r.container + "/" + r.object
                : "prefix:/v1/" + r.account + "/" + r.container + "/" + r.query.prefix();
        List<String> methods = method.equals("HEAD") ? List.of("HEAD", "GET", "POST", "PUT") : List.of(method);
        for (String m : methods) {
            for (String[] key : keys) {
                String hmac =
                        TempUrlSignature.hmac(m, path, r.expires, key[0], r.signature.algorithm(), r.query.ipRange());
                if (TempUrlSignature.sameConstantTime(r.signature.hex(), hmac)) {
                    return key[1];
                }
            }
        }
        return null;
    }

    /** Swift keeps only its own parameters: {@code temp_url_sig} (as hex), {@code _expires}, prefix, filename. */
    private static String ownQuery(Request r) {
        StringBuilder q = new StringBuilder()
                .append("temp_url_sig=")
                .append(FormEncoding.encode(r.signature.hex()))
                .append("&temp_url_expires=")
                .append(r.expires);
        if (r.query.prefix() != null) {
            q.append("&temp_url_prefix=").append(FormEncoding.encode(r.query.prefix()));
        }
        if (r.query.filename() != null && !r.query.filename().isEmpty()) {
            q.append("&filename=").append(FormEncoding.encode(r.query.filename()));
        }
        return q.toString();
    }

    /** The answer's headers as Swift's TempURL {@code _start_response} leaves them. */
    private void decorate(HttpResponse head, String method, Request r) {
        HeaderFilter.removeMatching(head.headers(), config.outgoingRemoveHeaders(), config.outgoingAllowHeaders());
        int status = head.status().code();
        if ((method.equals("GET") || method.equals("HEAD")) && status >= 200 && status < 300) {
            String existing = head.headers().get("Content-Disposition");
            head.headers().remove("Content-Disposition");
            String filename = r.query.filename();
            String disposition;
            if (r.query.inline()) {
                disposition =
                        filename != null && !filename.isEmpty() ? Disposition.format("inline", filename) : "inline";
            } else if (filename != null && !filename.isEmpty()) {
                disposition = Disposition.format("attachment", filename);
            } else if (existing != null) {
                disposition = existing;
            } else {
                String name = r.object;
                while (name.endsWith("/")) {
                    name = name.substring(0, name.length() - 1);
                }
                disposition = Disposition.format("attachment", name.substring(name.lastIndexOf('/') + 1));
            }
            head.headers().set("Content-Disposition", disposition.replace("\n", "%0A"));
            head.headers().set("Expires", HttpDates.format(r.expires));
        }
    }

    private static @Nullable Operation invalid(Exchange ex) {
        FullHttpResponse r = ex.method().name().equals("HEAD")
                ? SwiftResponses.withText(401, "")
                : SwiftResponses.withText(401, INVALID_BODY);
        // swob's realm comes from the response's request, and TempURL's refusal has none: "unknown"
        r.headers().set("Www-Authenticate", "Swift realm=\"unknown\"");
        return Answer.now(ex, r);
    }

    /** What a syntactically valid temporary URL asks for. */
    private record Request(
            String account,
            String container,
            String object,
            TempUrlSignature.Parsed signature,
            long expires,
            TempUrlQuery query) {}
}
