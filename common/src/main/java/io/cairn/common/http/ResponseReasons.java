package io.cairn.common.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift's status table, swob's {@code RESPONSE_REASONS} (2.30.1, printed from Swift's own module): each status's
 * reason phrase and the explanation swob puts in {@code <html><h1>Title</h1><p>Explanation</p></html>} when an
 * answer has no body of its own. The one copy: the storage servers and the proxy build their status lines and
 * default bodies from it, so a Cairn server answers with Swift's words.
 *
 * <p>Thread-safety: stateless.
 */
public final class ResponseReasons {
    /** A status's title (the reason phrase) and explanation ({@code ""} when swob has none). */
    public record Reason(String title, String explanation) {}

    private static final Map<Integer, Reason> TABLE = Map.ofEntries(
            Map.entry(100, new Reason("Continue", "")),
            Map.entry(200, new Reason("OK", "")),
            Map.entry(201, new Reason("Created", "")),
            Map.entry(202, new Reason("Accepted", "The request is accepted for processing.")),
            Map.entry(204, new Reason("No Content", "")),
            Map.entry(206, new Reason("Partial Content", "")),
            Map.entry(301, new Reason("Moved Permanently", "The resource has moved permanently.")),
            Map.entry(302, new Reason("Found", "The resource has moved temporarily.")),
            Map.entry(303, new Reason("See Other", "The response to the request can be found under a different URI.")),
            Map.entry(304, new Reason("Not Modified", "")),
            Map.entry(307, new Reason("Temporary Redirect", "The resource has moved temporarily.")),
            Map.entry(
                    400,
                    new Reason(
                            "Bad Request",
                            "The server could not comply with the request since it is either malformed or otherwise incorrect.")),
            Map.entry(
                    401,
                    new Reason(
                            "Unauthorized",
                            "This server could not verify that you are authorized to access the document you requested.")),
            Map.entry(402, new Reason("Payment Required", "Access was denied for financial reasons.")),
            Map.entry(403, new Reason("Forbidden", "Access was denied to this resource.")),
            Map.entry(404, new Reason("Not Found", "The resource could not be found.")),
            Map.entry(405, new Reason("Method Not Allowed", "The method is not allowed for this resource.")),
            Map.entry(
                    406,
                    new Reason(
                            "Not Acceptable", "The resource is not available in a format acceptable to your browser.")),
            Map.entry(
                    408,
                    new Reason(
                            "Request Timeout",
                            "The server has waited too long for the request to be sent by the client.")),
            Map.entry(409, new Reason("Conflict", "There was a conflict when trying to complete your request.")),
            Map.entry(410, new Reason("Gone", "This resource is no longer available.")),
            Map.entry(411, new Reason("Length Required", "Content-Length header required.")),
            Map.entry(412, new Reason("Precondition Failed", "A precondition for this request was not met.")),
            Map.entry(
                    413,
                    new Reason("Request Entity Too Large", "The body of your request was too large for this server.")),
            Map.entry(414, new Reason("Request URI Too Long", "The request URI was too long for this server.")),
            Map.entry(
                    415,
                    new Reason("Unsupported Media Type", "The request media type is not supported by this server.")),
            Map.entry(416, new Reason("Requested Range Not Satisfiable", "The Range requested is not available.")),
            Map.entry(417, new Reason("Expectation Failed", "Expectation failed.")),
            Map.entry(422, new Reason("Unprocessable Entity", "Unable to process the contained instructions")),
            Map.entry(499, new Reason("Client Disconnect", "The client was disconnected during request.")),
            Map.entry(
                    500,
                    new Reason(
                            "Internal Error",
                            "The server has either erred or is incapable of performing the requested operation.")),
            Map.entry(501, new Reason("Not Implemented", "The requested method is not implemented by this server.")),
            Map.entry(502, new Reason("Bad Gateway", "Bad gateway.")),
            Map.entry(
                    503,
                    new Reason(
                            "Service Unavailable",
                            "The server is currently unavailable. Please try again at a later time.")),
            Map.entry(504, new Reason("Gateway Timeout", "A timeout has occurred speaking to a backend server.")),
            Map.entry(
                    507,
                    new Reason(
                            "Insufficient Storage",
                            "There was not enough space to save the resource. Drive: %(drive)s")));

    private ResponseReasons() {}

    /** The status's title and explanation; null for a status swob does not know. */
    public static @Nullable Reason of(int code) {
        return TABLE.get(code);
    }

    /** The status line Swift sends (swob's reason phrase; Netty's for a status swob does not know). */
    public static HttpResponseStatus status(int code) {
        Reason r = TABLE.get(code);
        return r == null ? HttpResponseStatus.valueOf(code) : new HttpResponseStatus(code, r.title());
    }

    /**
     * swob's default body for {@code code}, or null when it has none (no explanation: 2xx, 304, unknown statuses).
     * {@code drive} fills the 507 explanation's {@code %(drive)s} ({@code unknown} when null, as swob's defaultdict).
     */
    public static @Nullable String defaultBody(int code, @Nullable String drive) {
        Reason r = TABLE.get(code);
        if (r == null || r.explanation().isEmpty()) {
            return null;
        }
        String text = r.explanation().replace("%(drive)s", drive == null ? "unknown" : drive);
        return "<html><h1>" + r.title() + "</h1><p>" + text + "</p></html>";
    }
}
