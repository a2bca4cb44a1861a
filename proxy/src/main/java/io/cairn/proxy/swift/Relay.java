package io.cairn.proxy.swift;

import io.cairn.proxy.auth.AclParser;
import io.cairn.proxy.routing.NodeResponse;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a bounded backend response into the client's response, as Swift's proxy copies backend responses
 * (reference §4.5): hop-by-hop headers and {@code Date} dropped, ETags unquoted, owner-only headers removed
 * for non-owners, Swift's default body when the backend sent none for an error.
 *
 * <p>Thread-safety: stateless.
 */
final class Relay {
    /** Swift's {@code swift_owner_headers}: only owners see or set them. */
    static final Set<String> OWNER_HEADERS = Set.of(
            "x-container-read",
            "x-container-write",
            "x-container-sync-key",
            "x-container-sync-to",
            "x-account-meta-temp-url-key",
            "x-account-meta-temp-url-key-2",
            "x-container-meta-temp-url-key",
            "x-container-meta-temp-url-key-2",
            "x-account-access-control");

    /** Hop-by-hop headers, and what {@code update_headers} leaves out of a relayed backend answer. */
    private static final Set<String> NOT_RELAYED =
            Set.of("connection", "keep-alive", "transfer-encoding", "date", "x-put-timestamp", "x-delete-after");

    private static final Set<String> UPDATE_KEEPS =
            Set.of("date", "content-length", "content-type", "connection", "x-put-timestamp", "x-delete-after");

    private Relay() {}

    /** The client response for {@code r}. */
    static FullHttpResponse of(NodeResponse r, boolean owner) {
        byte[] body = r.body();
        FullHttpResponse out;
        if (body.length == 0 && r.status() >= 300) {
            out = SwiftResponses.standard(r.status());
        } else {
            out = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, SwiftResponses.status(r.status()), Unpooled.wrappedBuffer(body));
        }
        HttpHeaders to = out.headers();
        for (Map.Entry<String, String> e : r.headers()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (NOT_RELAYED.contains(k) || (!owner && OWNER_HEADERS.contains(k))) {
                continue;
            }
            if (out.content().isReadable() && body.length == 0 && k.equals("content-length")) {
                continue;
            }
            to.set(e.getKey(), e.getValue());
        }
        String etag = to.get(HttpHeaderNames.ETAG);
        if (etag != null) {
            to.set(HttpHeaderNames.ETAG, Etags.strip(etag));
        }
        return out;
    }

    /**
     * What a good account or container read gets on its way out in Swift: {@code Accept-Ranges: bytes}
     * ({@code GETorHEAD_base}) and, from {@code listing_formats} on a 200/204 whose format came from {@code
     * Accept} (no {@code format} parameter), {@code Vary: Accept}.
     */
    static void listingHeaders(FullHttpResponse out, String query) {
        int status = out.status().code();
        if (status < 200 || status >= 400) {
            return;
        }
        out.headers().set(HttpHeaderNames.ACCEPT_RANGES, "bytes");
        boolean formatParam = QueryParams.parse(query).containsKey("format");
        if ((status == 200 || status == 204) && !formatParam) {
            String vary = out.headers().get(HttpHeaderNames.VARY);
            if (vary == null) {
                out.headers().set(HttpHeaderNames.VARY, "Accept");
            } else if (!vary.toLowerCase(Locale.ROOT).contains("accept")) {
                out.headers().set(HttpHeaderNames.VARY, vary + ", Accept");
            }
        }
    }

    /**
     * Swift's {@code update_headers}: copies a backend answer's headers onto a response whose status, body
     * and type the proxy chose; ETags unquoted; {@code Date}, {@code Content-Length}, {@code Content-Type},
     * {@code Connection}, {@code X-Put-Timestamp} and {@code X-Delete-After} kept as they are.
     */
    static void updateHeaders(HttpHeaders from, HttpHeaders to) {
        for (Map.Entry<String, String> e : from) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.equals("etag")) {
                to.set(e.getKey(), e.getValue().replace("\"", ""));
            } else if (!UPDATE_KEEPS.contains(k) && !k.equals("keep-alive") && !k.equals("transfer-encoding")) {
                to.set(e.getKey(), e.getValue());
            }
        }
    }

    /** Removes owner-only headers from a non-owner's request (Swift ignores them). */
    static void stripOwnerHeaders(HttpHeaders h) {
        List<String> doomed = new ArrayList<>();
        for (Map.Entry<String, String> e : h) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (OWNER_HEADERS.contains(k)
                    || (k.startsWith("x-remove-") && OWNER_HEADERS.contains("x-" + k.substring(9)))) {
                doomed.add(e.getKey());
            }
        }
        for (String k : doomed) {
            h.remove(k);
        }
    }

    /**
     * For an allowed owner, moves a request's {@code X-Account-Access-Control} into the account sysmeta
     * tempauth stores it in (Swift's {@code tempauth} does so before the request goes on).
     */
    static void moveAccountAcl(HttpHeaders h) {
        String acl = h.get(AclParser.ACCOUNT_ACL_HEADER);
        if (acl != null) {
            h.remove(AclParser.ACCOUNT_ACL_HEADER);
            h.set(AclParser.ACCOUNT_ACL_SYSMETA, acl);
        }
    }

    /**
     * Normalizes {@code X-Container-Read}/{@code -Write} as acl.py's {@code clean_acl}; returns the 400 to
     * answer for an invalid ACL, or null.
     */
    static @org.jspecify.annotations.Nullable FullHttpResponse cleanContainerAcls(HttpHeaders h) {
        for (String name : new String[] {"X-Container-Read", "X-Container-Write"}) {
            String v = h.get(name);
            if (v == null || v.isEmpty()) {
                continue;
            }
            try {
                h.set(name, AclParser.cleanContainerAcl(name, v));
            } catch (IllegalArgumentException e) {
                return SwiftResponses.withText(400, String.valueOf(e.getMessage()));
            }
        }
        return null;
    }

    /**
     * Swift's {@code X-Remove-<Type>-Meta-Foo} (and {@code X-Remove-Container-Read} …) handling: each becomes
     * {@code X-<Type>-Meta-Foo: ""} (which deletes it) unless the header itself is also given.
     */
    static void applyRemoveHeaders(HttpHeaders h) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> e : h) {
            if (e.getKey().regionMatches(true, 0, "X-Remove-", 0, 9)) {
                names.add(e.getKey());
            }
        }
        for (String n : names) {
            String target = "X-" + n.substring(9);
            h.remove(n);
            if (!h.contains(target)) {
                h.set(target, "");
            }
        }
    }
}
