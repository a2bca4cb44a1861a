package io.cairn.proxy.auth;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.token.TokenCodec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code [filter:authtoken]}: where keystonemiddleware's {@code authtoken} would call Keystone to validate each token,
 * Cairn's proxy checks the identity service's signed tokens itself, with the key the identity service signs them with.
 *
 * <p>Keys Cairn acts on:
 *
 * <ul>
 *   <li>{@code cairn_signing_key}: base64 of the token signing key (the identity service's {@code
 *       cairn.identity.signing-key}, at least 32 bytes), or
 *   <li>{@code cairn_signing_key_file}: a file holding that base64 text (kept out of the config file);
 *   <li>{@code delay_auth_decision} (keystonemiddleware's, default false): false answers 401 at once to any request
 *       without a valid identity token; true lets such requests on as anonymous (needed for tempurl, public
 *       containers, and tempauth in the same pipeline).
 * </ul>
 *
 * keystonemiddleware's own keys ({@code www_authenticate_uri}, {@code auth_url}, {@code auth_type}, credentials,
 * caching, TLS, ...) are accepted so a Swift proxy-server.conf carries over, and reported as ignored at start.
 *
 * <p>Immutable.
 */
public final class AuthTokenConfig {
    /** keystonemiddleware options that mean nothing without a call to Keystone. */
    static final Set<String> KEYSTONEMIDDLEWARE_KEYS = Set.of(
            "www_authenticate_uri",
            "auth_uri",
            "auth_url",
            "auth_type",
            "auth_plugin",
            "auth_section",
            "auth_version",
            "identity_uri",
            "admin_user",
            "admin_password",
            "admin_tenant_name",
            "admin_token",
            "project_domain_id",
            "project_domain_name",
            "user_domain_id",
            "user_domain_name",
            "project_name",
            "project_id",
            "username",
            "password",
            "region_name",
            "interface",
            "service_type",
            "service_token_roles",
            "service_token_roles_required",
            "include_service_catalog",
            "enforce_token_bind",
            "cache",
            "memcached_servers",
            "memcache_security_strategy",
            "memcache_secret_key",
            "memcache_use_advanced_pool",
            "token_cache_time",
            "http_connect_timeout",
            "http_request_max_retries",
            "insecure",
            "cafile",
            "certfile",
            "keyfile",
            "signing_dir",
            "hash_algorithms",
            "log_name",
            "log_level",
            "revocation_cache_time");

    /** Cairn's keys and the keystonemiddleware keys it acts on (the service user that polls the deny list). */
    private static final Set<String> ACTED_ON = Set.of(
            "use",
            "paste.filter_factory",
            "cairn_signing_key",
            "cairn_signing_key_file",
            "delay_auth_decision",
            "auth_url",
            "username",
            "password",
            "project_name",
            "user_domain_name",
            "project_domain_name",
            "revocation_cache_time");

    /** keystonemiddleware's {@code revocation_cache_time} default was 10 s; so is this poll's. */
    static final int DEFAULT_REVOCATION_CACHE_SECONDS = 10;

    private final TokenCodec codec;
    private final boolean delayAuthDecision;
    private final RevocationList.@Nullable Source revocations;
    private final List<String> ignoredKeys;
    private final List<String> unknownKeys;

    private AuthTokenConfig(ConfigSection section) {
        this.codec = new TokenCodec(signingKey(section));
        this.delayAuthDecision = section.getBoolean("delay_auth_decision", false);
        this.revocations = revocationSource(section);
        Set<String> ignored = new LinkedHashSet<>(KEYSTONEMIDDLEWARE_KEYS);
        this.ignoredKeys = section.presentKeys(ignored).stream()
                .filter(k -> !ACTED_ON.contains(k))
                .toList();
        this.unknownKeys = section.unknownKeys(ACTED_ON, KEYSTONEMIDDLEWARE_KEYS);
    }

    /**
     * Reads a {@code [filter:authtoken]} section.
     *
     * @throws ConfigException without a signing key, with both key settings, or with a key that is not base64 of at
     *     least 32 bytes or a file that cannot be read
     */
    public static AuthTokenConfig from(ConfigSection section) {
        return new AuthTokenConfig(section);
    }

    private static byte[] signingKey(ConfigSection section) {
        String inline = section.get("cairn_signing_key");
        String file = section.get("cairn_signing_key_file");
        if (inline != null && file != null) {
            throw new ConfigException(
                    section.source(),
                    section.name(),
                    "cairn_signing_key",
                    "(hidden)",
                    "set it or cairn_signing_key_file, not both");
        }
        String key = "cairn_signing_key";
        String text = inline;
        if (file != null) {
            key = "cairn_signing_key_file";
            try {
                text = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new ConfigException(section.source(), section.name(), key, file, "cannot be read: " + e);
            }
        }
        if (text == null || text.isBlank()) {
            throw new ConfigException(
                    section.source(),
                    section.name(),
                    "cairn_signing_key",
                    null,
                    "is required: base64 of the identity service's token signing key (cairn.identity.signing-key)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(section.source(), section.name(), key, "(hidden)", "is not base64");
        }
        if (bytes.length < 32) {
            throw new ConfigException(
                    section.source(),
                    section.name(),
                    key,
                    "(hidden)",
                    "must be at least 32 bytes, got " + bytes.length);
        }
        return bytes;
    }

    /**
     * The deny-list poll of {@code auth_url} as {@code username}/{@code password} on {@code project_name}, every
     * {@code revocation_cache_time} seconds; null without {@code auth_url}.
     */
    private static RevocationList.@Nullable Source revocationSource(ConfigSection section) {
        String authUrl = section.get("auth_url");
        if (authUrl == null || authUrl.isBlank()) {
            return null;
        }
        URI url;
        try {
            url = URI.create(authUrl.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(section.source(), section.name(), "auth_url", authUrl, "is not a URL");
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new ConfigException(
                    section.source(), section.name(), "auth_url", authUrl, "must be an http(s) URL of identity v3");
        }
        String username = section.get("username");
        String password = section.get("password");
        String project = section.get("project_name");
        if (username == null || password == null || project == null) {
            throw new ConfigException(
                    section.source(),
                    section.name(),
                    "auth_url",
                    authUrl,
                    "needs username, password and project_name: the service user that reads revocation events");
        }
        int seconds = section.getInt("revocation_cache_time", DEFAULT_REVOCATION_CACHE_SECONDS, 1, (int)
                Duration.ofDays(1).toSeconds());
        return new RevocationList.Source(
                url,
                username,
                password,
                section.getString("user_domain_name", "Default"),
                project,
                section.getString("project_domain_name", "Default"),
                Duration.ofSeconds(seconds));
    }

    /** Where revoked tokens are learnt from, or null: then they are valid here until they expire. */
    public RevocationList.@Nullable Source revocations() {
        return revocations;
    }

    /** Decodes and checks tokens with the signing key. */
    public TokenCodec codec() {
        return codec;
    }

    public boolean delayAuthDecision() {
        return delayAuthDecision;
    }

    /** keystonemiddleware keys present here that Cairn does not act on (a start-up warning). */
    public List<String> ignoredKeys() {
        return ignoredKeys;
    }

    /** Keys neither Cairn nor keystonemiddleware knows. */
    public List<String> unknownKeys() {
        return unknownKeys;
    }
}
