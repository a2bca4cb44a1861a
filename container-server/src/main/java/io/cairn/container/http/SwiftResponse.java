package io.cairn.container.http;

import io.cairn.common.http.ResponseReasons;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A whole (non-streamed) response as Swift's {@code swob} builds it: a status, headers, and either an
 * explicit body or swob's default {@code <html><h1>Title</h1><p>Explanation</p></html>} body for
 * statuses that have an explanation.
 *
 * <p>Not thread-safe while being built; hand it over after the last change.
 */
public final class SwiftResponse {
    private final int status;
    private final HttpHeaders headers = new DefaultHttpHeaders();
    private byte @Nullable [] body;
    private @Nullable String drive;

    private SwiftResponse(int status) {
        this.status = status;
    }

    /** A response with swob's default body for {@code status}. */
    public static SwiftResponse of(int status) {
        return new SwiftResponse(status);
    }

    /** A response with a {@code text/plain} body (Swift's {@code HTTPBadRequest(body=…)}). */
    public static SwiftResponse text(int status, String body) {
        SwiftResponse r = new SwiftResponse(status);
        r.body = body.getBytes(StandardCharsets.UTF_8);
        r.headers.set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8");
        return r;
    }

    /** 507 naming the drive, as {@code HTTPInsufficientStorage(drive=…)}. */
    public static SwiftResponse insufficientStorage(String drive) {
        SwiftResponse r = new SwiftResponse(507);
        r.drive = drive;
        return r;
    }

    public int status() {
        return status;
    }

    /** The headers (mutable until the response is handed over). */
    public HttpHeaders headers() {
        return headers;
    }

    /** Sets a header; returns this. */
    public SwiftResponse header(CharSequence name, Object value) {
        headers.set(name, value);
        return this;
    }

    /** The body bytes Swift would send (explicit, or swob's default). */
    byte[] bodyBytes() {
        byte[] b = body;
        if (b != null) {
            return b;
        }
        String standard = ResponseReasons.defaultBody(status, drive);
        return standard == null ? new byte[0] : standard.getBytes(StandardCharsets.UTF_8);
    }

    /** The Netty response; a HEAD or 204 carries no body (but a HEAD keeps the length it would have had). */
    FullHttpResponse toHttp(ByteBufAllocator alloc, boolean head) {
        byte[] b = bodyBytes();
        boolean noBody = head || status == 204 || status == 304;
        FullHttpResponse r = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                ResponseReasons.status(status),
                noBody ? alloc.buffer(0) : alloc.buffer(b.length).writeBytes(b));
        r.headers().set(headers);
        if (b.length > 0 && !headers.contains(HttpHeaderNames.CONTENT_TYPE)) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
        }
        if (status != 204 && status != 304) {
            r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, b.length);
        }
        return r;
    }

    @Override
    public String toString() {
        return "SwiftResponse[" + status + "]";
    }
}
