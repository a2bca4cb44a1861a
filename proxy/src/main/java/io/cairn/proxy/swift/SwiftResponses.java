package io.cairn.proxy.swift;

import io.cairn.common.http.ResponseReasons;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * The proxy's answers built from Swift's status table ({@link ResponseReasons}, swob's {@code RESPONSE_REASONS}):
 * status lines, default bodies, and the title-and-explanation text bulk and SLO documents carry.
 *
 * <p>Thread-safety: stateless.
 */
public final class SwiftResponses {
    private SwiftResponses() {}

    /** Swift's status line for {@code code}. */
    public static HttpResponseStatus status(int code) {
        return ResponseReasons.status(code);
    }

    /**
     * swob's {@code '\n'.join(RESPONSE_REASONS[code])}: the title and explanation, as bulk and SLO documents
     * give an error's body.
     */
    public static String reasonText(int code) {
        ResponseReasons.Reason r = ResponseReasons.of(code);
        return r == null ? "" : r.title() + "\n" + r.explanation();
    }

    /** A response with Swift's default body for {@code code} (empty when Swift has no explanation). */
    public static FullHttpResponse standard(int code) {
        String body = ResponseReasons.defaultBody(code, null);
        return body == null ? withBody(code, "", null) : withBody(code, body, "text/html; charset=UTF-8");
    }

    /** A response with {@code body} as {@code text/html; charset=UTF-8}, as Swift's {@code HTTPBadRequest(body=…)}. */
    public static FullHttpResponse withText(int code, String body) {
        return withBody(code, body, "text/html; charset=UTF-8");
    }

    /** A response with {@code body} as {@code text/plain}, as Swift's {@code HTTPBadRequest(content_type='text/plain')}. */
    public static FullHttpResponse withPlain(int code, String body) {
        return withBody(code, body, "text/plain");
    }

    private static FullHttpResponse withBody(int code, String body, @org.jspecify.annotations.Nullable String type) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status(code), Unpooled.wrappedBuffer(bytes));
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        if (type != null && bytes.length > 0) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        } else if (bytes.length == 0) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
        }
        return r;
    }
}
