package io.cairn.container.http;

/**
 * Swift's {@code HTTPException}: an operation ends early with a ready response (bad request, not
 * found, conflict). Carries no stack trace: it is control flow, not a failure. Immutable.
 */
public final class SwiftHttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SwiftResponse response;

    public SwiftHttpException(SwiftResponse response) {
        super(response.toString(), null, false, false);
        this.response = response;
    }

    public SwiftResponse response() {
        return response;
    }
}
