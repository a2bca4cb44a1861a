package io.cairn.object.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Builds complete responses the way swob does: a status with its default HTML body
 * ({@code text/html; charset=UTF-8}) or a plain-text body, and {@code Content-Length} always set.
 *
 * <p>Stateless and thread-safe.
 */
public final class Responses {
    static final String HTML = "text/html; charset=UTF-8";
    static final String PLAIN = "text/plain";

    private Responses() {}

    /** The response for a rejection; {@code drive} fills the 507 body. */
    public static FullHttpResponse of(
            ByteBufAllocator alloc, RequestRejectedException rejection, @Nullable String drive) {
        FullHttpResponse response = status(alloc, rejection.status(), rejection.plainBody(), drive);
        response.headers().add(rejection.headers());
        return response;
    }

    /**
     * A status with swob's default body (none for 2xx/304), or {@code plainBody} as {@code text/plain}.
     */
    public static FullHttpResponse status(
            ByteBufAllocator alloc, SwiftStatus status, @Nullable String plainBody, @Nullable String drive) {
        String body = plainBody != null ? plainBody : status.defaultBody(drive);
        ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : ByteBufUtilLite.utf8(alloc, body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status.nettyStatus(), content);
        HttpHeaders h = response.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, plainBody != null ? PLAIN : HTML);
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        return response;
    }

    /** A response with an exact binary body (REPLICATE's pickle). */
    public static FullHttpResponse body(ByteBufAllocator alloc, SwiftStatus status, byte[] bytes, String contentType) {
        ByteBuf content = alloc.buffer(bytes.length).writeBytes(bytes);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status.nettyStatus(), content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return response;
    }

    /** UTF-8 into a pooled buffer. */
    private static final class ByteBufUtilLite {
        static ByteBuf utf8(ByteBufAllocator alloc, String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            return alloc.buffer(bytes.length).writeBytes(bytes);
        }
    }
}
