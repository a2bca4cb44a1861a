package io.cairn.proxy.versioning;

import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The subrequests and answers the versioning filters share (Swift's {@code make_pre_authed_request} and
 * {@code _check_response_error}).
 *
 * <p>Thread-safety: stateless.
 */
final class Calls {
    static final String NO_VERSIONS_CONTAINER =
            "The versions container does not exist. You may want to re-enable object versioning.";

    private Calls() {}

    /**
     * A whole-answer subrequest that is not authorized as the caller ({@code make_pre_authed_request}),
     * through {@code app}, with {@code X-Backend-Allow-Reserved-Names: true} when {@code reserved}.
     */
    static @Nullable Operation preAuthed(
            Exchange ex,
            SwiftApp app,
            HttpMethod method,
            SwiftPath path,
            HttpHeaders headers,
            @Nullable ByteBuf body,
            Consumer<FullHttpResponse> done) {
        headers.set(VersionNames.ALLOW_RESERVED, "true");
        return Subrequests.call(ex.preAuthorized(), app, method, path, headers, body, done);
    }

    /** A request's headers for a subrequest made on the caller's behalf (its identity travels along). */
    static HttpHeaders identity(HttpHeaders client) {
        HttpHeaders h = new DefaultHttpHeaders();
        for (String name : new String[] {"X-Auth-Token", "User-Agent", "Referer", "Host"}) {
            String v = client.get(name);
            if (v != null) {
                h.set(name, v);
            }
        }
        return h;
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /**
     * {@code _check_response_error}: null for a success; else the answer to give — 412 for a 404 (missing
     * container or bad permissions), the same status, body and headers for another 4xx, 503 otherwise.
     * Releases {@code r} when it answers for it.
     */
    static @Nullable FullHttpResponse error(FullHttpResponse r) {
        int status = r.status().code();
        if (isSuccess(status)) {
            return null;
        }
        if (status == 404) {
            r.release();
            return SwiftResponses.standard(412);
        }
        if (status >= 400 && status < 500) {
            FullHttpResponse out = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1,
                    r.status(),
                    r.content().retainedDuplicate(),
                    r.headers().copy(),
                    r.trailingHeaders());
            r.release();
            return out;
        }
        r.release();
        return SwiftResponses.standard(503);
    }

    /** {@code text/plain} answer (Swift's {@code content_type='text/plain'}). */
    static FullHttpResponse plain(int status, String body) {
        return SwiftResponses.withPlain(status, body);
    }

    /** Swift's {@code HTTPBadRequest('…')}: the text as a {@code text/html} body. */
    static FullHttpResponse html(int status, String body) {
        return SwiftResponses.withText(status, body);
    }

    /** Swift's {@code config_true_value}. */
    static boolean isTrue(@Nullable String v) {
        if (v == null) {
            return false;
        }
        String s = v.trim().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("1") || s.equals("yes") || s.equals("on") || s.equals("t") || s.equals("y");
    }

    /** Copies every header of {@code from} whose name passes {@code keep} ({@code copy_header_subset}). */
    static void copyHeaders(HttpHeaders from, HttpHeaders to, java.util.function.Predicate<String> keep) {
        for (Map.Entry<String, String> e : from) {
            if (keep.test(e.getKey())) {
                to.set(e.getKey(), e.getValue());
            }
        }
    }

    /** {@code non_expiry_header}. */
    static boolean nonExpiry(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !n.equals("x-delete-at") && !n.equals("x-delete-after");
    }

    /** {@code parse_content_type(value)[0]}: the type without its parameters. */
    static String bareContentType(String value) {
        int semi = value.indexOf(';');
        return (semi < 0 ? value : value.substring(0, semi)).strip();
    }

    /** Sets {@code Content-Length} of a rewritten whole answer. */
    static void setLength(FullHttpResponse r) {
        r.headers()
                .set(
                        HttpHeaderNames.CONTENT_LENGTH,
                        Integer.toString(r.content().readableBytes()));
    }
}
