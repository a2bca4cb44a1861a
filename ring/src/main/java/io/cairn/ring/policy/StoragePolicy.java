package io.cairn.ring.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One storage policy (reference §0.3): index, primary name and aliases, default/deprecated flags and
 * type, plus the names Swift derives from the index ({@code get_policy_string}): object ring
 * {@code object.ring.gz} or {@code object-N.ring.gz}, directories {@code objects}/{@code objects-N}.
 *
 * <p>Thread-safety: immutable.
 */
public final class StoragePolicy {
    /** The name Swift gives policy 0 when {@code swift.conf} defines none; reserved for index 0. */
    public static final String LEGACY_NAME = "Policy-0";

    private final int index;
    private final List<String> names;
    private final boolean isDefault;
    private final boolean deprecated;
    private final PolicyType policyType;
    private final Map<String, String> options;

    /**
     * Validates as Swift's {@code BaseStoragePolicy.__init__}: a non-empty name and aliases of
     * {@code [-A-Za-z0-9]}, {@code Policy-0} only for index 0, no alias repeated (case-insensitively;
     * an alias equal to the name is skipped), not both deprecated and default.
     *
     * @param options {@code diskfile_module} and {@code ec_*} values as configured
     */
    StoragePolicy(
            int index,
            String name,
            List<String> aliases,
            boolean isDefault,
            boolean deprecated,
            PolicyType policyType,
            Map<String, String> options) {
        if (index < 0) {
            throw new PolicyException("Invalid index " + index);
        }
        this.index = index;
        List<String> all = new ArrayList<>();
        addName(all, name);
        for (String alias : aliases) {
            if (!alias.equals(name)) {
                addName(all, alias);
            }
        }
        this.names = List.copyOf(all);
        if (deprecated && isDefault) {
            throw new PolicyException("Deprecated policy can not be default: storage-policy:" + index);
        }
        this.isDefault = isDefault;
        this.deprecated = deprecated;
        this.policyType = policyType;
        this.options = Map.copyOf(options);
    }

    private void addName(List<String> names, String name) {
        String where = " (storage-policy:" + index + ")";
        if (name.isEmpty()) {
            throw new PolicyException("Invalid name '' for a storage policy" + where);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean valid = c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!valid) {
                throw new PolicyException("Names are used as HTTP headers, and can not reliably contain any "
                        + "characters but letters, digits and '-'. Invalid name '" + name + "'" + where);
            }
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals(LEGACY_NAME.toUpperCase(Locale.ROOT)) && index != 0) {
            throw new PolicyException("The name " + LEGACY_NAME + " is reserved for policy index 0" + where);
        }
        for (String existing : names) {
            if (existing.toUpperCase(Locale.ROOT).equals(upper)) {
                throw new PolicyException("The name " + name + " is already assigned to this policy" + where);
            }
        }
        names.add(name);
    }

    /** The implicit policy 0 of a cluster whose {@code swift.conf} defines no policy. */
    static StoragePolicy legacy() {
        return new StoragePolicy(0, LEGACY_NAME, List.of(), true, false, PolicyType.REPLICATION, Map.of());
    }

    static String defaultDiskfileModule(PolicyType type) {
        return type == PolicyType.REPLICATION ? "egg:swift#replication.fs" : "egg:swift#erasure_coding.fs";
    }

    public int index() {
        return index;
    }

    /** The primary name. */
    public String name() {
        return names.get(0);
    }

    /** All names, primary first (Swift's {@code alias_list}). */
    public List<String> names() {
        return names;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public boolean deprecated() {
        return deprecated;
    }

    public PolicyType policyType() {
        return policyType;
    }

    /** Whether Cairn can serve this policy (replication only). */
    public boolean isSupported() {
        return policyType == PolicyType.REPLICATION;
    }

    /** {@code diskfile_module} as configured (Cairn has one disk layout and only checks it is Swift's). */
    public String diskfileModule() {
        String configured = options.get("diskfile_module");
        return configured != null ? configured : defaultDiskfileModule(policyType);
    }

    /** The options besides the common ones ({@code diskfile_module}, {@code ec_*}), as written. */
    Map<String, String> options() {
        return options;
    }

    /** The {@code ec_*} options of an erasure-coding policy, as written; empty for replication. */
    public Map<String, String> erasureCodingOptions() {
        Map<String, String> ec = new java.util.TreeMap<>();
        options.forEach((k, v) -> {
            if (k.startsWith("ec_")) {
                ec.put(k, v);
            }
        });
        return java.util.Collections.unmodifiableMap(ec);
    }

    /** {@code ""} for index 0, else {@code "-N"}: the suffix of {@code objects}, {@code tmp}, {@code async_pending}. */
    public String dirSuffix() {
        return index == 0 ? "" : "-" + index;
    }

    /** Swift's {@code get_policy_string(base, index)}: {@code base} plus {@link #dirSuffix()}. */
    public String policyString(String base) {
        return base + dirSuffix();
    }

    /** {@code object} or {@code object-N}. */
    public String ringName() {
        return policyString("object");
    }

    /** {@code object.ring.gz} or {@code object-N.ring.gz}. */
    public String ringFileName() {
        return ringName() + ".ring.gz";
    }

    @Override
    public String toString() {
        return "StoragePolicy(" + index + ", " + names + ", default=" + isDefault + ", deprecated=" + deprecated + ", "
                + policyType.configName() + ")";
    }
}
