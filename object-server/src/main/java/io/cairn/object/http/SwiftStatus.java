package io.cairn.object.http;

import io.cairn.common.http.ResponseReasons;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;

/**
 * The statuses the object server answers; their reason phrases and default HTML bodies are Swift's status table's
 * ({@link ResponseReasons}), so error responses match Swift byte for byte.
 *
 * <p>Immutable.
 */
public enum SwiftStatus {
    OK(200),
    CREATED(201),
    ACCEPTED(202),
    NO_CONTENT(204),
    PARTIAL_CONTENT(206),
    NOT_MODIFIED(304),
    BAD_REQUEST(400),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    REQUEST_TIMEOUT(408),
    CONFLICT(409),
    LENGTH_REQUIRED(411),
    PRECONDITION_FAILED(412),
    REQUEST_ENTITY_TOO_LARGE(413),
    REQUESTED_RANGE_NOT_SATISFIABLE(416),
    UNPROCESSABLE_ENTITY(422),
    CLIENT_DISCONNECT(499),
    INTERNAL_ERROR(500),
    NOT_IMPLEMENTED(501),
    SERVICE_UNAVAILABLE(503),
    INSUFFICIENT_STORAGE(507);

    private final int code;
    // HttpResponseStatus is immutable; Netty just does not annotate it
    @SuppressWarnings("ImmutableEnumChecker")
    private final HttpResponseStatus nettyStatus;

    SwiftStatus(int code) {
        this.code = code;
        this.nettyStatus = ResponseReasons.status(code);
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
        return ResponseReasons.defaultBody(code, drive);
    }
}
