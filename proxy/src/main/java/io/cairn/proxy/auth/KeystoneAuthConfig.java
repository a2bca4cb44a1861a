package io.cairn.proxy.auth;

import io.cairn.common.config.ConfigSection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Swift 2.30.1's {@code [filter:keystoneauth]} settings, read as {@code keystoneauth.py} reads them: {@code
 * reseller_prefix} (default {@code AUTH}, an underscore appended), and per prefix {@code operator_roles} (default
 * {@code admin, swiftoperator}), {@code service_roles} and {@code project_reader_roles} (default none) — each
 * settable for all prefixes or as {@code <PREFIX>_operator_roles} for one ({@code config_read_reseller_options}), role
 * names lower-cased; {@code reseller_admin_role} ({@code ResellerAdmin}), {@code system_reader_roles},
 * {@code default_domain_id} ({@code default}), {@code allow_names_in_acls} (true), {@code allow_overrides} (true).
 * {@code is_admin} is accepted and only warned about, as Swift does since it dropped it.
 *
 * <p>Immutable.
 */
public final class KeystoneAuthConfig {
    private static final List<String> PREFIXED_OPTIONS =
            List.of("operator_roles", "service_roles", "project_reader_roles");
    private static final Set<String> FIXED_KEYS = Set.of(
            "use",
            "reseller_prefix",
            "operator_roles",
            "service_roles",
            "project_reader_roles",
            "reseller_admin_role",
            "system_reader_roles",
            "is_admin",
            "allow_overrides",
            "default_domain_id",
            "allow_names_in_acls",
            "log_name",
            "log_facility",
            "log_level",
            "log_headers",
            "log_address");

    /** The role lists of one reseller prefix. */
    record PrefixRules(List<String> operatorRoles, List<String> serviceRoles, List<String> projectReaderRoles) {
        PrefixRules {
            operatorRoles = List.copyOf(operatorRoles);
            serviceRoles = List.copyOf(serviceRoles);
            projectReaderRoles = List.copyOf(projectReaderRoles);
        }
    }

    private final List<String> resellerPrefixes;
    private final Map<String, PrefixRules> rules;
    private final String resellerAdminRole;
    private final Set<String> systemReaderRoles;
    private final String defaultDomainId;
    private final boolean allowNamesInAcls;
    private final boolean allowOverrides;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> unknownKeys;

    private KeystoneAuthConfig(ConfigSection section) {
        this.resellerPrefixes = TempAuthConfig.readResellerPrefixes(section.getString("reseller_prefix", "AUTH"));
        Map<String, PrefixRules> byPrefix = new LinkedHashMap<>();
        for (String prefix : resellerPrefixes) {
            byPrefix.put(
                    prefix,
                    new PrefixRules(
                            roles(section, prefix, "operator_roles", List.of("admin", "swiftoperator")),
                            roles(section, prefix, "service_roles", List.of()),
                            roles(section, prefix, "project_reader_roles", List.of())));
        }
        this.rules = Collections.unmodifiableMap(byPrefix);
        this.resellerAdminRole =
                section.getString("reseller_admin_role", "ResellerAdmin").toLowerCase(Locale.ROOT);
        Set<String> readers = new LinkedHashSet<>();
        for (String role : section.getList("system_reader_roles", List.of())) {
            readers.add(role.toLowerCase(Locale.ROOT));
        }
        this.systemReaderRoles = Collections.unmodifiableSet(readers);
        if (ConfigSection.isTrue(section.get("is_admin"))) {
            warnings.add("The 'is_admin' option for keystoneauth is no longer supported. Remove the 'is_admin' option"
                    + " from your keystoneauth config");
        }
        this.allowOverrides = section.getBoolean("allow_overrides", true);
        this.defaultDomainId = section.getString("default_domain_id", "default");
        this.allowNamesInAcls = section.getBoolean("allow_names_in_acls", true);
        Set<String> known = new LinkedHashSet<>(FIXED_KEYS);
        for (String prefix : resellerPrefixes) {
            for (String option : PREFIXED_OPTIONS) {
                known.add((prefix.isEmpty() ? "''" : prefix) + option);
            }
        }
        this.unknownKeys = section.unknownKeys(known);
    }

    /** Reads a {@code [filter:keystoneauth]} section. */
    public static KeystoneAuthConfig from(ConfigSection section) {
        return new KeystoneAuthConfig(section);
    }

    /**
     * {@code config_read_prefixed_options}: the default, overridden by the unprefixed option, overridden by the
     * prefixed one; a value is lower-cased and split on commas, each item stripped (empty items kept, as Swift).
     */
    private static List<String> roles(ConfigSection section, String prefix, String option, List<String> dflt) {
        List<String> value = dflt;
        for (String key : List.of(option, (prefix.isEmpty() ? "''" : prefix) + option)) {
            String v = section.get(key);
            if (v != null && !v.isEmpty()) {
                List<String> items = new ArrayList<>();
                for (String role : v.toLowerCase(Locale.ROOT).split(",", -1)) {
                    items.add(role.strip());
                }
                value = items;
            }
        }
        return value;
    }

    /** The reseller prefixes, in configured order ({@code AUTH_}). */
    public List<String> resellerPrefixes() {
        return resellerPrefixes;
    }

    /** The rules of one configured prefix. */
    PrefixRules rules(String prefix) {
        PrefixRules r = rules.get(prefix);
        if (r == null) {
            throw new IllegalArgumentException("not a configured reseller prefix: " + prefix);
        }
        return r;
    }

    /** The lower-cased role that owns every account. */
    public String resellerAdminRole() {
        return resellerAdminRole;
    }

    /** Lower-cased roles that may GET/HEAD every account. */
    public Set<String> systemReaderRoles() {
        return systemReaderRoles;
    }

    public String defaultDomainId() {
        return defaultDomainId;
    }

    public boolean allowNamesInAcls() {
        return allowNamesInAcls;
    }

    /** Whether a middleware above (tempurl) may authorize a request instead ({@code swift.authorize_override}). */
    public boolean allowOverrides() {
        return allowOverrides;
    }

    /** Start-up warnings (Swift logs them): {@code is_admin}. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Keys set in the section that keystoneauth does not read. */
    public List<String> unknownKeys() {
        return unknownKeys;
    }

    /**
     * keystoneauth's {@code _get_account_prefix}: the first non-empty prefix {@code account} starts with, else the
     * empty prefix if configured, else null.
     */
    @Nullable
    String accountPrefix(String account) {
        for (String prefix : resellerPrefixes) {
            if (!prefix.isEmpty() && account.startsWith(prefix)) {
                return prefix;
            }
        }
        return resellerPrefixes.contains("") ? "" : null;
    }

    /** {@code _account_matches_tenant}: {@code account} is {@code <prefix><projectId>} for one of the prefixes. */
    boolean accountMatchesProject(String account, @Nullable String projectId) {
        if (projectId == null) {
            return false;
        }
        for (String prefix : resellerPrefixes) {
            if (account.equals(prefix + projectId)) {
                return true;
            }
        }
        return false;
    }
}
