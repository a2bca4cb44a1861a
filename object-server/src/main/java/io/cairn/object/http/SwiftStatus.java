package io.cairn.object.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;

/**
 * The statuses the object server answers, with swob's reason phrases and default HTML bodies
 * ({@code swift/common/swob.py: RESPONSE_REASONS}), so error responses match Swift byte for byte.
 *
 * <p>Immutable.
 */
public enum SwiftStatus {
    OK(200, "OK", ""),
    CREATED(201, "Created", ""),
    ACCEPTED(202, "Accepted", "The request is accepted for processing."),
    NO_CONTENT(204, "No Content", ""),
    PARTIAL_CONTENT(206, "Partial Content", ""),
    NOT_MODIFIED(304, "Not Modified", ""),
    BAD_REQUEST(
            400,
            "Bad Request",
            "The server could not comply with the request since it is either malformed or otherwise incorrect."),
    FORBIDDEN(403, "Forbidden", "Access was denied to this resource."),
    NOT_FOUND(404, "Not Found", "The resource could not be found."),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed", "The method is not allowed for this resource."),
    REQUEST_TIMEOUT(408, "Request Timeout", "The server has waited too long for the request to be sent by the client."),
    CONFLICT(409, "Conflict", "There was a conflict when trying to complete your request."),
    LENGTH_REQUIRED(411, "Length Required", "Content-Length header required."),
    PRECONDITION_FAILED(412, "Precondition Failed", "A precondition for this request was not met."),
    REQUEST_ENTITY_TOO_LARGE(
            413, "Request Entity Too Large", "The body of your request was too large for this server."),
    REQUESTED_RANGE_NOT_SATISFIABLE(416, "Requested Range Not Satisfiable", "The Range requested is not available."),
    UNPROCESSABLE_ENTITY(422, "Unprocessable Entity", "Unable to process the contained instructions"),
    CLIENT_DISCONNECT(499, "Client Disconnect", "The client was disconnected during request."),
    INTERNAL_ERROR(
            500,
            "Internal Error",
            "The server has either erred or is incapable of performing the requested operation."),
    NOT_IMPLEMENTED(501, "Not Implemented", "The requested method is not implemented by this server."),
    SERVICE_UNAVAILABLE(
            503, "Service Unavailable", "The server is currently unavailable. Please try again at a later time."),
    INSUFFICIENT_STORAGE(
            507, "Insufficient Storage", "There was not enough space to save the resource. Drive: %(drive)s");

    private final int code;
    private final String reason;
    private final String explanation;
    // HttpResponseStatus is immutable; Netty just does not annotate it
    @SuppressWarnings("ImmutableEnumChecker")
    private final HttpResponseStatus nettyStatus;

    SwiftStatus(int code, String reason, String explanation) {
        this.code = code;
        this.reason = reason;
        this.explanation = explanation;
        this.nettyStatus = new HttpResponseStatus(code, reason);
    }

    public int code() {
        return code;
    }

    /** The status line Swift sends, e.g. {@code 499 Client Disconnect}. */
    public HttpResponseStatus nettyStatus() {
        return nettyStatus;
    }

    /**
     * swob's default body, {@code <html><h1>Reason</h1><p>Explanation</p></html>}, or null when the
     * status has none (2xx, 304): such responses carry an empty body. {@code drive} fills the 507 body's
     * {@code %(drive)s} ({@code unknown} when null, as swob's defaultdict does).
     */
    public @Nullable String defaultBody(@Nullable String drive) {
        if (explanation.isEmpty()) {
            return null;
        }
        String text = explanation.replace("%(drive)s", drive == null ? "unknown" : drive);
        return "<html><h1>" + reason + "</h1><p>" + text + "</p></html>";
    }
}
