package io.cairn.object.http;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * A request answered with an error status before (or instead of) touching storage: swob's
 * {@code HTTPException}. Carries the status, an optional plain-text body (null = swob's default HTML
 * body) and extra headers such as {@code X-Backend-Timestamp}.
 *
 * <p>Not thread-safe; thrown and caught on one thread.
 */
public final class RequestRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final SwiftStatus status;
    private final @Nullable String plainBody;
    private final transient HttpHeaders headers = new DefaultHttpHeaders();

    /** A rejection with a plain-text body, e.g. {@code Missing X-Timestamp header}. */
    public RequestRejectedException(SwiftStatus status, @Nullable String plainBody) {
        super(status.code() + (plainBody == null ? "" : " " + plainBody), null, false, false);
        this.status = status;
        this.plainBody = plainBody;
    }

    /** A rejection with swob's default HTML body. */
    public RequestRejectedException(SwiftStatus status) {
        this(status, null);
    }

    /** Adds a response header; returns this for chaining. */
    public RequestRejectedException withHeader(CharSequence name, Object value) {
        headers.set(name, value);
        return this;
    }

    public SwiftStatus status() {
        return status;
    }

    /** The plain-text body, or null for swob's default HTML body. */
    public @Nullable String plainBody() {
        return plainBody;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
