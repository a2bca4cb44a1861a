package io.cairn.proxy.auth;

import org.jspecify.annotations.Nullable;

/**
 * What the tokens of a request establish ({@link TempAuth#authenticate}).
 *
 * <p>Thread-safety: immutable.
 *
 * @param status anonymous, authenticated, or rejected outright
 * @param identity the user of {@code X-Auth-Token} when {@link Status#AUTHENTICATED}, else null
 * @param service the user of a valid {@code X-Service-Token}, only alongside a valid {@code identity}
 */
public record Authentication(
        Status status,
        @Nullable Identity identity,
        @Nullable Identity service) {
    /** No token, or a token of another auth system: authorization decides as for anyone. */
    public static final Authentication ANONYMOUS = new Authentication(Status.ANONYMOUS, null, null);
    /** A token of ours that is invalid or expired. */
    public static final Authentication REJECTED = new Authentication(Status.REJECTED, null, null);

    /** The three cases of tempauth's {@code __call__}. */
    public enum Status {
        /** Proceed to {@link Authorizer#authorize} without an identity. */
        ANONYMOUS,
        /** Proceed to {@link Authorizer#authorize} with {@link #identity()} (and {@link #service()}). */
        AUTHENTICATED,
        /**
         * Answer 401 at once (the proxy adds {@code Www-Authenticate: Swift realm="<account>"} to every 401),
         * before any backend request.
         */
        REJECTED
    }
}
