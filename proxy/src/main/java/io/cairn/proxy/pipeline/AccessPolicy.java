package io.cairn.proxy.pipeline;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import java.net.SocketAddress;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The proxy's seam to its auth system ({@link TempAuthAccess} over {@code io.cairn.proxy.auth}, or
 * {@link OpenAccess}): what is answered before any backend request (token issuance, rejected tokens),
 * and the decision Swift's {@code swift.authorize} makes, called by each operation once the container's
 * ACLs are known ({@code delay_denial}).
 *
 * <p>Implementations are thread-safe.
 */
public interface AccessPolicy {
    /**
     * The response to send at once (a token request on the auth prefix, or a request whose token is
     * ours but invalid → 401), or null to go on.
     *
     * @param local the address the request arrived on (for storage URLs without a Host header)
     */
    @Nullable
    FullHttpResponse answerEarly(HttpRequest request, @Nullable SocketAddress local);

    /** Swift's {@code authorize(req)}. */
    Decision authorize(Request request);

    /**
     * An S3 user (Swift's s3api with tempauth: access key {@code account:user}, secret = the user's key), or
     * null when {@code accessKey} is unknown or the auth system has no S3 credentials.
     */
    default @Nullable S3User s3User(String accessKey) {
        return null;
    }

    /**
     * What an S3 access key stands for.
     *
     * @param secret the secret key requests are signed with
     * @param account the account its requests act on ({@code AUTH_test})
     * @param authToken a token of the user, for the Swift requests made on its behalf
     */
    record S3User(String secret, String account, String authToken) {}

    /** The path prefix token requests use ({@code auth_prefix}); never an S3 path. */
    default String authPrefix() {
        return "/auth/";
    }

    /**
     * Whether the request's caller is a reseller admin (Swift's {@code reseller_request}, known once the auth
     * filter has authenticated the request, before any authorization).
     */
    default boolean isResellerRequest(HttpHeaders headers) {
        return false;
    }

    /**
     * Whether the request carries a valid user token (Swift's {@code REMOTE_USER} is set): staticweb leaves such
     * requests to the API unless they ask for {@code X-Web-Mode}.
     */
    default boolean isAuthenticated(HttpHeaders headers) {
        return false;
    }

    /**
     * Whether requests are authorized at all (Swift's {@code swift.authorize} is set by an auth filter): staticweb
     * serves nothing without one.
     */
    default boolean authorizes() {
        return true;
    }

    /**
     * Whether a middleware above the auth filter (tempurl) may authorize a request itself (Swift's {@code
     * allow_overrides} of tempauth and keystoneauth, default true).
     */
    default boolean allowsOverrides() {
        return true;
    }

    /** Whether {@code /info} advertises tempauth. */
    boolean isTempAuth();

    /** Stops what the policy runs in the background (authtoken's revocation poll); the proxy calls it on close. */
    default void close() {}

    /**
     * What an authorization decision looks at.
     *
     * @param readAcl the container's {@code X-Container-Read}, or null
     * @param writeAcl the container's {@code X-Container-Write}, or null
     * @param storedAccountAcl the account's {@code core-access-control} sysmeta (JSON), or null
     * @param accountSysmeta the account's sysmeta (lower-case names without {@code X-Account-Sysmeta-}) when the
     *     account is known to exist, else null (keystoneauth reads its project's domain there)
     */
    record Request(
            String method,
            String account,
            @Nullable String container,
            @Nullable String object,
            HttpHeaders headers,
            @Nullable String readAcl,
            @Nullable String writeAcl,
            @Nullable String storedAccountAcl,
            @Nullable Map<String, String> accountSysmeta) {}

    /**
     * An authorization outcome.
     *
     * @param status 0 when allowed, else the status to answer (400, 401, 403)
     * @param swiftOwner whether the caller may see and set owner-only headers
     * @param resellerRequest whether the caller is a reseller admin (tempauth's {@code reseller_request}:
     *     such callers see a container's sharding state)
     * @param body the response body when denied (empty for Swift's default)
     */
    record Decision(int status, boolean swiftOwner, boolean resellerRequest, String body) {
        /** Allowed. */
        public static Decision allow(boolean owner) {
            return allow(owner, false);
        }

        /** Allowed, for a caller who may or may not be a reseller admin. */
        public static Decision allow(boolean owner, boolean resellerRequest) {
            return new Decision(0, owner, resellerRequest, "");
        }

        /** Whether the request may proceed. */
        public boolean allowed() {
            return status == 0;
        }
    }
}
