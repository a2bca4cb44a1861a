package io.cairn.proxy.auth;

import io.cairn.common.codec.Utf8;
import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code [filter:tempauth]} section, read as Swift 2.30.1's {@code TempAuth.__init__} and {@code
 * config_read_reseller_options} read it, plus Cairn's {@code token_secret}.
 *
 * <ul>
 *   <li>{@code reseller_prefix} (default {@code AUTH}): comma list; each item stripped, {@code ''} means the
 *       empty prefix, an underscore appended when missing, duplicates dropped; no item means {@code ''}. The
 *       first prefix prefixes tokens and default storage URLs.
 *   <li>{@code auth_prefix} (default {@code /auth/}): empty or {@code /} becomes {@code /auth/}; leading and
 *       trailing slashes are added.
 *   <li>{@code token_life} (seconds, default 86400), {@code allow_overrides} (default true), {@code
 *       storage_url_scheme} ({@code default}, or a scheme that replaces the storage URL's).
 *   <li>{@code require_group} for every prefix, overridden per prefix by {@code <PREFIX>require_group} (e.g.
 *       {@code SERVICE_require_group}; {@code ''require_group} for the empty prefix).
 *   <li>{@code user_<account>_<user> = <key> [group …] [storage_url]}, and {@code user64_<b64 account>_<b64
 *       user>} with unpadded base64 names. A last word containing {@code ://} or {@code $HOST} is the storage
 *       URL; the default is {@code $HOST/v1/<first prefix><quoted account>}.
 *   <li>{@code token_secret}: the cluster secret that signs tokens ({@link TokenCodec}); every proxy of a
 *       cluster has the same one. Required, at least {@value #MIN_SECRET_LENGTH} characters, unless there are
 *       no users.
 * </ul>
 *
 * <p>Thread-safety: immutable.
 */
public final class TempAuthConfig {
    /** Owner of every account of this auth system. */
    public static final String RESELLER_ADMIN = ".reseller_admin";
    /** May GET/HEAD every account of this auth system. */
    public static final String RESELLER_READER = ".reseller_reader";
    /** Owner of its own account; replaced by the prefixed account ids in a user's groups. */
    public static final String ADMIN = ".admin";
    /** The shortest {@code token_secret} accepted. */
    public static final int MIN_SECRET_LENGTH = 32;
    /** Seconds a token lives unless {@code token_life} says otherwise (tempauth's {@code DEFAULT_TOKEN_LIFE}). */
    public static final long DEFAULT_TOKEN_LIFE = 86400;

    private static final Set<String> FIXED_KEYS = Set.of(
            "use",
            "reseller_prefix",
            "auth_prefix",
            "token_life",
            "allow_overrides",
            "storage_url_scheme",
            "require_group",
            "token_secret",
            "log_name",
            "log_facility",
            "log_level",
            "log_headers",
            "log_address");

    private final List<String> resellerPrefixes;
    private final Map<String, String> requireGroups;
    private final String authPrefix;
    private final long tokenLife;
    private final boolean allowOverrides;
    private final String storageUrlScheme;
    private final Map<String, User> users;
    private final byte @Nullable [] tokenSecret;
    private final List<String> unknownKeys;

    /**
     * One configured user.
     *
     * @param account the account name as configured ({@code test})
     * @param user the user name ({@code tester})
     * @param key the password
     * @param groups the configured groups, {@code .admin} not yet expanded
     * @param storageUrl the storage URL template, possibly containing {@code $HOST}
     */
    record User(String account, String user, String key, List<String> groups, String storageUrl) {
        User {
            groups = List.copyOf(groups);
        }

        /** tempauth's {@code account_id}: the storage URL's last path segment, e.g. {@code AUTH_test}. */
        String accountId() {
            return storageUrl.substring(storageUrl.lastIndexOf('/') + 1);
        }
    }

    private TempAuthConfig(ConfigSection section) {
        this.resellerPrefixes = readResellerPrefixes(section.getString("reseller_prefix", "AUTH"));
        this.requireGroups = readRequireGroups(section, resellerPrefixes);
        this.authPrefix = normalizeAuthPrefix(section.getString("auth_prefix", "/auth/"));
        this.tokenLife = section.getLong("token_life", DEFAULT_TOKEN_LIFE, 1, 10L * 365 * 86400);
        this.allowOverrides = section.getBoolean("allow_overrides", true);
        this.storageUrlScheme = section.getString("storage_url_scheme", "default");
        this.users = Collections.unmodifiableMap(readUsers(section, resellerPrefixes.get(0)));
        String secret = section.get("token_secret");
        if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
            throw new ConfigException(
                    section.source(),
                    section.name(),
                    "token_secret",
                    "(hidden)",
                    "must be at least " + MIN_SECRET_LENGTH + " characters, e.g. from `openssl rand -hex 32`");
        }
        if (secret == null && !users.isEmpty()) {
            throw new ConfigException(
                    section.source(),
                    section.name(),
                    "token_secret",
                    null,
                    "is required to sign tokens (the same value on every proxy), e.g. from `openssl rand -hex 32`");
        }
        this.tokenSecret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.unknownKeys = section.unknownKeys(knownKeys(section, resellerPrefixes));
    }

    /**
     * Reads a {@code [filter:tempauth]} section (paste-deploy dialect).
     *
     * @throws ConfigException for a malformed user line, an unparsable number or boolean, or a missing or
     *     short {@code token_secret}
     */
    public static TempAuthConfig from(ConfigSection section) {
        return new TempAuthConfig(section);
    }

    static List<String> readResellerPrefixes(String option) {
        List<String> prefixes = new ArrayList<>();
        for (String raw : option.split(",", -1)) {
            String prefix = raw.strip();
            if (prefix.isEmpty()) {
                continue;
            }
            if (prefix.equals("''")) {
                prefix = "";
            }
            if (!prefix.isEmpty() && !prefix.endsWith("_")) {
                prefix += "_";
            }
            if (!prefixes.contains(prefix)) {
                prefixes.add(prefix);
            }
        }
        if (prefixes.isEmpty()) {
            prefixes.add("");
        }
        return List.copyOf(prefixes);
    }

    private static Map<String, String> readRequireGroups(ConfigSection section, List<String> prefixes) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (String prefix : prefixes) {
            String value = "";
            String general = section.get("require_group");
            if (general != null && !general.isEmpty()) {
                value = general.strip();
            }
            String own = section.get(prefixOptionName(prefix) + "require_group");
            if (own != null && !own.isEmpty()) {
                value = own.strip();
            }
            groups.put(prefix, value);
        }
        return Collections.unmodifiableMap(groups);
    }

    private static String prefixOptionName(String prefix) {
        return prefix.isEmpty() ? "''" : prefix;
    }

    private static String normalizeAuthPrefix(String configured) {
        String prefix = configured;
        if (prefix.isEmpty() || PythonStrip.stripSlashes(prefix).isEmpty()) {
            prefix = "/auth/";
        }
        if (!prefix.startsWith("/")) {
            prefix = "/" + prefix;
        }
        if (!prefix.endsWith("/")) {
            prefix += "/";
        }
        return prefix;
    }

    private static Map<String, User> readUsers(ConfigSection section, String firstPrefix) {
        Map<String, User> users = new LinkedHashMap<>();
        for (String confKey : section.keys()) {
            boolean b64 = confKey.startsWith("user64_");
            if (!b64 && !confKey.startsWith("user_")) {
                continue;
            }
            String[] names = confKey.substring(confKey.indexOf('_') + 1).split("_", -1);
            if (names.length != 2) {
                throw new ConfigException(
                        section.source(), section.name(), confKey, null, "key was provided in an invalid format");
            }
            String account = b64 ? decodeName(section, confKey, names[0]) : names[0];
            String user = b64 ? decodeName(section, confKey, names[1]) : names[1];
            List<String> values = new ArrayList<>(List.of(whitespaceSplit(section.getString(confKey, ""))));
            if (values.isEmpty()) {
                throw new ConfigException(section.source(), section.name(), confKey, "", "has no key set");
            }
            String key = values.remove(0);
            String url;
            String last = values.isEmpty() ? "" : values.get(values.size() - 1);
            if (last.contains("://") || last.contains("$HOST")) {
                url = values.remove(values.size() - 1);
            } else {
                url = "$HOST/v1/" + firstPrefix + PythonCompat.quote(account);
            }
            users.put(account + ":" + user, new User(account, user, key, values, url));
        }
        return users;
    }

    private static String[] whitespaceSplit(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
    }

    /** Python's {@code b64decode(name + '=' * (len % 4))} (non-alphabet characters ignored), then UTF-8. */
    private static String decodeName(ConfigSection section, String confKey, String encoded) {
        StringBuilder alphabet = new StringBuilder();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                alphabet.append(c);
            }
        }
        try {
            byte[] raw = Base64.getDecoder().decode(alphabet.toString());
            String text = Utf8.decodeOrNull(raw);
            if (text == null) {
                throw new IllegalArgumentException("not UTF-8");
            }
            return text;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    section.source(),
                    section.name(),
                    confKey,
                    null,
                    "name " + encoded + " is not unpadded base64 of UTF-8 text");
        }
    }

    private static Set<String> knownKeys(ConfigSection section, List<String> prefixes) {
        Set<String> known = new LinkedHashSet<>(FIXED_KEYS);
        for (String prefix : prefixes) {
            known.add(prefixOptionName(prefix) + "require_group");
        }
        for (String key : section.keys()) {
            if (key.startsWith("user_") || key.startsWith("user64_")) {
                known.add(key);
            }
        }
        return known;
    }

    /** The keys read besides users and {@code <PREFIX>require_group}: what the sample config documents. */
    static Set<String> fixedKeys() {
        return FIXED_KEYS;
    }

    /** The reseller prefixes in configured order, each with its trailing underscore; never empty. */
    public List<String> resellerPrefixes() {
        return resellerPrefixes;
    }

    /** The first reseller prefix: tokens and default storage URLs use it. */
    public String resellerPrefix() {
        return resellerPrefixes.get(0);
    }

    /** The group required (besides ownership) for accounts under {@code prefix}; empty if none. */
    public String requireGroup(String prefix) {
        String group = requireGroups.get(prefix);
        return group == null ? "" : group;
    }

    /** Where token requests are served, with leading and trailing slash, e.g. {@code /auth/}. */
    public String authPrefix() {
        return authPrefix;
    }

    /** Seconds a new token is valid. */
    public long tokenLife() {
        return tokenLife;
    }

    /** Whether a preceding middleware may override authorization ({@code swift.authorize_override}). */
    public boolean allowOverrides() {
        return allowOverrides;
    }

    /** {@code default} (keep the request's scheme) or the scheme to force on storage URLs. */
    public String storageUrlScheme() {
        return storageUrlScheme;
    }

    /** Keys set in the section that tempauth does not read: probable typos, to report at start. */
    public List<String> unknownKeys() {
        return unknownKeys;
    }

    /** Users by {@code account:user}. */
    Map<String, User> users() {
        return users;
    }

    /** The signing secret, or null when no user is configured (then no token is ever valid). */
    byte @Nullable [] tokenSecret() {
        return tokenSecret == null ? null : tokenSecret.clone();
    }

    @Override
    public String toString() {
        return "TempAuthConfig[resellerPrefixes=" + resellerPrefixes + ", authPrefix=" + authPrefix + ", tokenLife="
                + tokenLife + ", users=" + users.keySet() + "]";
    }

    /** Python's {@code str.strip('/')}. */
    private static final class PythonStrip {
        static String stripSlashes(String s) {
            int start = 0;
            int end = s.length();
            while (start < end && s.charAt(start) == '/') {
                start++;
            }
            while (end > start && s.charAt(end - 1) == '/') {
                end--;
            }
            return s.substring(start, end);
        }
    }
}
