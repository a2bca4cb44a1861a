package io.cairn.proxy.auth;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.Setting;
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

    private static final Setting<String> CAIRN_SIGNING_KEY = Setting.string("cairn_signing_key", "")
            .cairnOnly()
            .doc("Base64 of the identity service's token signing key (at least 32 bytes); or:");
    private static final Setting<String> CAIRN_SIGNING_KEY_FILE = Setting.string("cairn_signing_key_file", "")
            .cairnOnly()
            .doc("A file holding that base64 text (kept out of the config file).");
    private static final Setting<Boolean> DELAY_AUTH_DECISION = Setting.bool("delay_auth_decision", false)
            .doc("True lets requests without a valid token on as anonymous (tempurl, public containers, tempauth).");
    private static final Setting<String> AUTH_URL = Setting.string("auth_url", "")
            .doc("Identity v3 URL whose deny list of revoked tokens is polled; without it revoked tokens live until"
                    + " they expire.");
    private static final Setting<String> USERNAME =
            Setting.string("username", "").doc("The service user that reads revocation events (with auth_url).");
    private static final Setting<String> PASSWORD =
            Setting.string("password", "").doc("Its password.");
    private static final Setting<String> PROJECT_NAME =
            Setting.string("project_name", "").doc("Its project.");
    private static final Setting<String> USER_DOMAIN_NAME =
            Setting.string("user_domain_name", "Default").doc("The user's domain.");
    private static final Setting<String> PROJECT_DOMAIN_NAME =
            Setting.string("project_domain_name", "Default").doc("The project's domain.");
    /** keystonemiddleware's {@code revocation_cache_time} default was 10 s; so is this poll's. */
    static final int DEFAULT_REVOCATION_CACHE_SECONDS = 10;

    private static final Setting<Integer> REVOCATION_CACHE_TIME = Setting.integer(
                    "revocation_cache_time", DEFAULT_REVOCATION_CACHE_SECONDS, 1, (int)
                            Duration.ofDays(1).toSeconds())
            .doc("Seconds between polls of the deny list: the longest a revoked token is still taken here.");
    private static final List<Setting<?>> SETTINGS = List.of(
            CAIRN_SIGNING_KEY,
            CAIRN_SIGNING_KEY_FILE,
            DELAY_AUTH_DECISION,
            AUTH_URL,
            USERNAME,
            PASSWORD,
            PROJECT_NAME,
            USER_DOMAIN_NAME,
            PROJECT_DOMAIN_NAME,
            REVOCATION_CACHE_TIME);

    /**
     * The settings of {@code [filter:authtoken]}; keystonemiddleware's own keys (and paste-deploy's {@code
     * paste.filter_factory}) are accepted and reported as ignored.
     */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of("authtoken", SETTINGS, acceptedKeys());

    private final TokenCodec codec;
    private final boolean delayAuthDecision;
    private final RevocationList.@Nullable Source revocations;
    private final List<String> ignoredKeys;
    private final List<String> unknownKeys;

    private AuthTokenConfig(ConfigValues v) {
        this.codec = new TokenCodec(signingKey(v));
        this.delayAuthDecision = v.get(DELAY_AUTH_DECISION);
        this.revocations = revocationSource(v);
        this.ignoredKeys = v.ignoredKeys().stream()
                .filter(k -> !k.equals("paste.filter_factory"))
                .toList();
        this.unknownKeys = v.unknownKeys();
    }

    private static Set<String> acceptedKeys() {
        Set<String> accepted = new LinkedHashSet<>(KEYSTONEMIDDLEWARE_KEYS);
        accepted.add("paste.filter_factory");
        for (Setting<?> setting : SETTINGS) {
            accepted.remove(setting.key());
        }
        return accepted;
    }

    /**
     * Reads a {@code [filter:authtoken]} section.
     *
     * @throws ConfigException without a signing key, with both key settings, or with a key that is not base64 of at
     *     least 32 bytes or a file that cannot be read
     */
    public static AuthTokenConfig from(ConfigSection section) {
        return new AuthTokenConfig(DEFINITION.parse(section));
    }

    private static byte[] signingKey(ConfigValues v) {
        ConfigSection section = v.section();
        String inline = v.isSet(CAIRN_SIGNING_KEY) ? v.get(CAIRN_SIGNING_KEY) : null;
        String file = v.isSet(CAIRN_SIGNING_KEY_FILE) ? v.get(CAIRN_SIGNING_KEY_FILE) : null;
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
    private static RevocationList.@Nullable Source revocationSource(ConfigValues v) {
        ConfigSection section = v.section();
        String authUrl = v.get(AUTH_URL);
        if (authUrl.isBlank()) {
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
        if (!v.isSet(USERNAME) || !v.isSet(PASSWORD) || !v.isSet(PROJECT_NAME)) {
            throw new ConfigException(
                    section.source(),
                    section.name(),
                    "auth_url",
                    authUrl,
                    "needs username, password and project_name: the service user that reads revocation events");
        }
        return new RevocationList.Source(
                url,
                v.get(USERNAME),
                v.get(PASSWORD),
                v.get(USER_DOMAIN_NAME),
                v.get(PROJECT_NAME),
                v.get(PROJECT_DOMAIN_NAME),
                Duration.ofSeconds(v.get(REVOCATION_CACHE_TIME)));
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
