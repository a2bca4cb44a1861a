package io.cairn.proxy.auth;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link Authorizer#authorize}: go on or deny, and whether the caller is a {@code
 * swift_owner}. Owners may see and set the owner-only headers ({@code X-Container-Read}, {@code
 * X-Container-Write}, {@code X-Container-Sync-Key}, {@code X-Container-Sync-To}, {@code
 * X-Account-Access-Control}, the Temp-URL keys); the proxy strips them from non-owners' requests and
 * responses.
 *
 * <p>Thread-safety: immutable.
 *
 * @param outcome what to do
 * @param swiftOwner true if the caller owns the account (only ever true with {@link Outcome#ALLOWED})
 * @param body for {@link Outcome#BAD_REQUEST} the {@code text/plain; charset=UTF-8} body; otherwise null
 *     (the proxy's standard body for the status)
 */
public record AuthDecision(
        Outcome outcome, boolean swiftOwner, @Nullable String body) {
    static final AuthDecision ALLOW = new AuthDecision(Outcome.ALLOWED, false, null);
    static final AuthDecision ALLOW_OWNER = new AuthDecision(Outcome.ALLOWED, true, null);
    static final AuthDecision UNAUTHORIZED = new AuthDecision(Outcome.UNAUTHORIZED, false, null);
    static final AuthDecision FORBIDDEN = new AuthDecision(Outcome.FORBIDDEN, false, null);

    /** What the proxy does with the request. */
    public enum Outcome {
        /** Proceed. */
        ALLOWED(0),
        /** 400: the request's {@code X-Account-Access-Control} is invalid; {@link #body()} says why. */
        BAD_REQUEST(400),
        /** 401: anonymous (no valid token) and not allowed anonymously. */
        UNAUTHORIZED(401),
        /** 403: authenticated but not allowed. */
        FORBIDDEN(403);

        private final int status;

        Outcome(int status) {
            this.status = status;
        }

        /** The HTTP status to answer with; 0 for {@link #ALLOWED}. */
        public int status() {
            return status;
        }
    }

    /** True if the request may proceed. */
    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }

    static AuthDecision badRequest(String body) {
        return new AuthDecision(Outcome.BAD_REQUEST, false, body);
    }
}
