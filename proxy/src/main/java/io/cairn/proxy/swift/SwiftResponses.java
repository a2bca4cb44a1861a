package io.cairn.proxy.swift;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one table of client-visible statuses: Swift's {@code swob.RESPONSE_REASONS} (reason phrase and the
 * explanation Swift puts in {@code <html><h1>Title</h1><p>Explanation</p></html>} when a response has no
 * body of its own).
 *
 * <p>Thread-safety: stateless.
 */
public final class SwiftResponses {
    private static final Map<Integer, String[]> REASONS = Map.ofEntries(
            Map.entry(100, new String[] {"Continue", ""}),
            Map.entry(200, new String[] {"OK", ""}),
            Map.entry(201, new String[] {"Created", ""}),
            Map.entry(202, new String[] {"Accepted", "The request is accepted for processing."}),
            Map.entry(204, new String[] {"No Content", ""}),
            Map.entry(206, new String[] {"Partial Content", ""}),
            Map.entry(304, new String[] {"Not Modified", ""}),
            Map.entry(400, new String[] {
                "Bad Request",
                "The server could not comply with the request since it is either malformed or otherwise incorrect."
            }),
            Map.entry(401, new String[] {
                "Unauthorized",
                "This server could not verify that you are authorized to access the document you requested."
            }),
            Map.entry(403, new String[] {"Forbidden", "Access was denied to this resource."}),
            Map.entry(404, new String[] {"Not Found", "The resource could not be found."}),
            Map.entry(405, new String[] {"Method Not Allowed", "The method is not allowed for this resource."}),
            Map.entry(406, new String[] {
                "Not Acceptable", "The resource is not available in a format acceptable to your browser."
            }),
            Map.entry(408, new String[] {
                "Request Timeout", "The server has waited too long for the request to be sent by the client."
            }),
            Map.entry(409, new String[] {"Conflict", "There was a conflict when trying to complete your request."}),
            Map.entry(410, new String[] {"Gone", "This resource is no longer available."}),
            Map.entry(411, new String[] {"Length Required", "Content-Length header required."}),
            Map.entry(412, new String[] {"Precondition Failed", "A precondition for this request was not met."}),
            Map.entry(413, new String[] {
                "Request Entity Too Large", "The body of your request was too large for this server."
            }),
            Map.entry(414, new String[] {"Request URI Too Long", "The request URI was too long for this server."}),
            Map.entry(416, new String[] {"Requested Range Not Satisfiable", "The Range requested is not available."}),
            Map.entry(422, new String[] {"Unprocessable Entity", "Unable to process the contained instructions"}),
            Map.entry(499, new String[] {"Client Disconnect", "The client was disconnected during request."}),
            Map.entry(500, new String[] {
                "Internal Error", "The server has either erred or is incapable of performing the requested operation."
            }),
            Map.entry(501, new String[] {"Not Implemented", "The requested method is not implemented by this server."}),
            Map.entry(503, new String[] {
                "Service Unavailable", "The server is currently unavailable. Please try again at a later time."
            }),
            Map.entry(504, new String[] {"Gateway Timeout", "A timeout has occurred speaking to a backend server."}),
            Map.entry(507, new String[] {
                "Insufficient Storage", "There was not enough space to save the resource. Drive: unknown"
            }));

    private SwiftResponses() {}

    /** Swift's status line for {@code code}. */
    public static HttpResponseStatus status(int code) {
        String[] r = REASONS.get(code);
        return r == null ? HttpResponseStatus.valueOf(code) : new HttpResponseStatus(code, r[0]);
    }

    /**
     * swob's {@code '\n'.join(RESPONSE_REASONS[code])}: the title and explanation, as bulk and SLO documents
     * give an error's body.
     */
    public static String reasonText(int code) {
        String[] r = REASONS.get(code);
        return r == null ? "" : r[0] + "\n" + r[1];
    }

    /** A response with Swift's default body for {@code code} (empty when Swift has no explanation). */
    public static FullHttpResponse standard(int code) {
        String[] r = REASONS.get(code);
        if (r == null || r[1].isEmpty()) {
            return withBody(code, "", null);
        }
        return withBody(code, "<html><h1>" + r[0] + "</h1><p>" + r[1] + "</p></html>", "text/html; charset=UTF-8");
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
