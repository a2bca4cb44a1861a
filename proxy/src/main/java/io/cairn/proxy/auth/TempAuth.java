package io.cairn.proxy.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * tempauth's request-facing half: token issuance for {@code <auth_prefix>…} requests ({@code
 * handle_request}/{@code handle_get_token}), and turning a request's tokens into an identity ({@code
 * __call__}/{@code get_groups}); authorization itself is {@link Authorizer}, reachable as {@link
 * #authorize}. Tokens are {@link TokenCodec}'s stateless tokens, so a new token is issued on every
 * successful request where Swift would hand back the cached one.
 *
 * <p>Thread-safety: immutable.
 */
public final class TempAuth {
    private final TempAuthConfig config;
    private final @Nullable TokenCodec codec;
    private final Authorizer authorizer;

    /** tempauth configured by {@code config}. */
    public TempAuth(TempAuthConfig config) {
        this.config = config;
        byte[] secret = config.tokenSecret();
        this.codec = secret == null ? null : new TokenCodec(config.resellerPrefix(), secret);
        this.authorizer = new Authorizer(config);
    }

    /** The configuration. */
    public TempAuthConfig config() {
        return config;
    }

    /** True if {@code path} (percent-decoded, without query) is a token request for {@link #getToken}. */
    public boolean isAuthPath(String path) {
        return path.startsWith(config.authPrefix());
    }

    /**
     * Swift's {@code Request.host_url}: {@code scheme://host} from the {@code Host} header, or from the
     * local address when there is none, without the scheme's default port.
     *
     * @param scheme {@code http} or {@code https}
     * @param hostHeader the request's {@code Host}, or null
     * @param localHostPort {@code host:port} the request arrived on (Swift's SERVER_NAME:SERVER_PORT)
     */
    public static String hostUrl(String scheme, @Nullable String hostHeader, String localHostPort) {
        String host = hostHeader != null ? hostHeader : localHostPort;
        if (scheme.equals("http") && host.endsWith(":80")) {
            host = host.substring(0, host.length() - 3);
        } else if (scheme.equals("https") && host.endsWith(":443")) {
            host = host.substring(0, host.length() - 4);
        }
        return scheme + "://" + host;
    }

    /**
     * Answers a token request: {@code GET <auth_prefix>v1.0}, {@code GET <auth_prefix>auth} (also with
     * more segments) with {@code X-Auth-User: acct:user} (or {@code X-Storage-User}) and {@code X-Auth-Key}
     * (or {@code X-Storage-Pass}); or {@code GET <auth_prefix>v1/<acct>/auth} with {@code X-Storage-User:
     * user} or {@code X-Auth-User: acct:user}. Statuses as Swift: 405 for other methods, 404 for an
     * invalid path, 400 for other versions or forms, 401 (with {@code Www-Authenticate}) for missing or
     * wrong credentials, 200 with the token headers.
     *
     * @param method the HTTP method
     * @param path the percent-decoded path, without query; must satisfy {@link #isAuthPath}
     * @param headers the request headers
     * @param hostUrl {@link #hostUrl} of the request, replacing {@code $HOST} in storage URLs
     * @param now the current time
     * @throws IllegalArgumentException if {@code path} is not under the auth prefix
     */
    public TokenResponse getToken(String method, String path, HeaderLookup headers, String hostUrl, Instant now) {
        if (!isAuthPath(path)) {
            throw new IllegalArgumentException("not a token request path: " + path);
        }
        int slash = path.indexOf('/', 1);
        String pathInfo = slash < 0 ? "" : path.substring(slash); // swob's path_info_pop()
        if (!method.equals("GET")) {
            return TokenResponse.of(405);
        }
        List<@Nullable String> segs = PythonCompat.splitPathRestWithLast(pathInfo, 1, 3);
        if (segs == null) {
            return TokenResponse.of(404);
        }
        String version = segs.get(0);
        Credentials credentials;
        if ("v1".equals(version) && "auth".equals(segs.get(2))) {
            credentials = v1Credentials(nullToEmpty(segs.get(1)), headers);
        } else if ("auth".equals(version) || "v1.0".equals(version)) {
            credentials = v10Credentials(headers);
        } else {
            return TokenResponse.of(400);
        }
        if (credentials.failure != null) {
            return credentials.failure;
        }
        return authenticateUser(credentials, hostUrl, now);
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    /** Credentials taken from a token request, or the 401 that ends it. */
    private record Credentials(
            String account,
            String user,
            String key,
            @Nullable TokenResponse failure) {
        static Credentials failed(String realm) {
            return new Credentials("", "", "", TokenResponse.unauthorized(realm));
        }
    }

    private static Credentials v1Credentials(String account, HeaderLookup headers) {
        String user = nonEmpty(headers.get("X-Storage-User"));
        if (user == null) {
            String authUser = nonEmpty(headers.get("X-Auth-User"));
            if (authUser == null || authUser.indexOf(':') < 0) {
                return Credentials.failed(account);
            }
            int colon = authUser.indexOf(':');
            if (!account.equals(authUser.substring(0, colon))) {
                return Credentials.failed(account);
            }
            user = authUser.substring(colon + 1);
        }
        String key = nonEmpty(headers.get("X-Storage-Pass"));
        if (key == null) {
            key = headers.get("X-Auth-Key");
        }
        return new Credentials(account, user, nullToEmpty(key), null);
    }

    private static Credentials v10Credentials(HeaderLookup headers) {
        String user = nonEmpty(headers.get("X-Auth-User"));
        if (user == null) {
            user = headers.get("X-Storage-User");
        }
        if (user == null || user.isEmpty() || user.indexOf(':') < 0) {
            return Credentials.failed("unknown");
        }
        int colon = user.indexOf(':');
        String key = nonEmpty(headers.get("X-Auth-Key"));
        if (key == null) {
            key = headers.get("X-Storage-Pass");
        }
        return new Credentials(user.substring(0, colon), user.substring(colon + 1), nullToEmpty(key), null);
    }

    private static @Nullable String nonEmpty(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private TokenResponse authenticateUser(Credentials c, String hostUrl, Instant now) {
        if (c.account.isEmpty() || c.user.isEmpty() || c.key.isEmpty()) {
            return TokenResponse.unauthorized(c.account.isEmpty() ? "unknown" : c.account);
        }
        TempAuthConfig.User user = config.users().get(c.account + ":" + c.user);
        if (user == null) {
            return TokenResponse.unauthorized(c.account);
        }
        if (!MessageDigest.isEqual(
                user.key().getBytes(StandardCharsets.UTF_8), c.key.getBytes(StandardCharsets.UTF_8))) {
            return TokenResponse.unauthorized("unknown");
        }
        TokenCodec tokens = codec;
        if (tokens == null) {
            throw new IllegalStateException("users are configured, so token_secret is");
        }
        long expires = now.getEpochSecond() + config.tokenLife();
        Identity identity = new Identity(user.account(), user.user(), userGroups(user), expires);
        String token = tokens.issue(identity);
        long remaining = expires - now.getEpochSecond() - (now.getNano() > 0 ? 1 : 0); // int(expires - time())
        String url = user.storageUrl().replace("$HOST", hostUrl);
        int colon = url.indexOf(':');
        if (!config.storageUrlScheme().equals("default") && colon >= 0) {
            url = config.storageUrlScheme() + url.substring(colon);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Auth-Token", token);
        headers.put("X-Storage-Token", token);
        headers.put("X-Auth-Token-Expires", Long.toString(remaining));
        headers.put("X-Storage-Url", url);
        return new TokenResponse(200, headers);
    }

    /**
     * An S3 access key as tempauth treats it under s3api: {@code account:user}, secret = the user's key.
     *
     * @param secret the key S3 requests are signed with
     * @param accountId the account its requests act on ({@code AUTH_test})
     * @param token a fresh token of the user, for the Swift requests made on its behalf
     */
    public record S3Principal(String secret, String accountId, String token) {}

    /** The S3 principal of {@code accessKey}, or null for an unknown user. */
    public @Nullable S3Principal s3Principal(String accessKey, Instant now) {
        TempAuthConfig.User user = config.users().get(accessKey);
        TokenCodec tokens = codec;
        if (user == null || tokens == null) {
            return null;
        }
        Identity identity =
                new Identity(user.account(), user.user(), userGroups(user), now.getEpochSecond() + config.tokenLife());
        return new S3Principal(user.key(), user.accountId(), tokens.issue(identity));
    }

    /**
     * tempauth's {@code _get_user_groups}: account, {@code account:user}, the configured groups; the
     * first {@code .admin} replaced by the account under every non-empty prefix, plus the storage URL's
     * account id if not already there. Re-split at commas as Swift's comma-joined string is.
     */
    List<String> userGroups(TempAuthConfig.User user) {
        List<String> groups = new ArrayList<>();
        groups.add(user.account());
        groups.add(user.account() + ":" + user.user());
        groups.addAll(user.groups());
        if (groups.remove(TempAuthConfig.ADMIN)) {
            for (String prefix : config.resellerPrefixes()) {
                if (!prefix.isEmpty()) {
                    groups.add(prefix + user.account());
                }
            }
            if (!groups.contains(user.accountId())) {
                groups.add(user.accountId());
            }
        }
        return List.of(String.join(",", groups).split(",", -1));
    }

    /**
     * The identity of {@code token} (one of ours, valid and unexpired at {@code now}), or null.
     */
    public @Nullable Identity identify(String token, Instant now) {
        TokenCodec tokens = codec;
        return tokens == null ? null : tokens.verify(token, now);
    }

    /**
     * What a request's tokens establish (tempauth's {@code __call__}): a token starting with the first
     * reseller prefix must be valid, else the request is {@link Authentication#REJECTED}; other or no
     * tokens leave it anonymous. A valid {@code X-Service-Token} adds its user's groups.
     *
     * @param authToken {@code X-Auth-Token} if present, else {@code X-Storage-Token}, else null
     * @param serviceToken {@code X-Service-Token}, or null
     */
    public Authentication authenticate(@Nullable String authToken, @Nullable String serviceToken, Instant now) {
        if (authToken == null || authToken.isEmpty() || !authToken.startsWith(config.resellerPrefix())) {
            return Authentication.ANONYMOUS;
        }
        Identity identity = identify(authToken, now);
        if (identity == null) {
            return Authentication.REJECTED;
        }
        Identity service = serviceToken == null || serviceToken.isEmpty() ? null : identify(serviceToken, now);
        return new Authentication(Authentication.Status.AUTHENTICATED, identity, service);
    }

    /** {@link Authorizer#authorize} with this configuration. */
    public AuthDecision authorize(AuthRequest request) {
        return authorizer.authorize(request);
    }
}
