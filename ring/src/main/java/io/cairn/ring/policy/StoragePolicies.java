package io.cairn.ring.policy;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The cluster's storage policies, parsed from {@code swift.conf} and validated as Swift 2.30.1's
 * {@code parse_storage_policies} and {@code StoragePolicyCollection}: unique indexes; names and aliases
 * unique case-insensitively across policies; at most one default, none of them deprecated; policy 0
 * required once any policy is configured, and implied ({@code Policy-0}) when none is; at least one
 * policy not deprecated; with several policies, one must be the default (a single policy is the
 * default). Unknown options in a {@code [storage-policy:N]} section are errors, as in Swift.
 * Erasure-coding policies are accepted and listed by {@link #unsupported()}: Cairn cannot serve them.
 *
 * <p>Thread-safety: immutable.
 */
public final class StoragePolicies {
    private static final String SECTION_PREFIX = "storage-policy:";
    private static final Pattern PYTHON_INT = Pattern.compile("\\+?[0-9]+(_[0-9]+)*");
    private static final Set<String> COMMON_OPTIONS =
            Set.of("name", "aliases", "policy_type", "default", "deprecated", "diskfile_module");
    private static final Set<String> EC_OPTIONS = Set.of(
            "ec_type",
            "ec_object_segment_size",
            "ec_num_data_fragments",
            "ec_num_parity_fragments",
            "ec_duplication_factor");

    private final Map<Integer, StoragePolicy> byIndex; // sorted by index
    private final Map<String, StoragePolicy> byName; // upper-cased names and aliases
    private final StoragePolicy defaultPolicy;

    private StoragePolicies(List<StoragePolicy> policies) {
        Map<Integer, StoragePolicy> indexes = new TreeMap<>();
        Map<String, StoragePolicy> names = new LinkedHashMap<>();
        StoragePolicy dflt = null;
        for (StoragePolicy p : policies) {
            StoragePolicy clash = indexes.get(p.index());
            if (clash != null) {
                throw new PolicyException("Duplicate index " + p + " conflicts with " + clash);
            }
            for (String name : p.names()) {
                StoragePolicy other = names.get(name.toUpperCase(Locale.ROOT));
                if (other != null) {
                    throw new PolicyException("Duplicate name " + name + " of " + p + " conflicts with " + other);
                }
            }
            if (p.isDefault()) {
                if (dflt != null) {
                    throw new PolicyException("Duplicate default " + p + " conflicts with " + dflt);
                }
                dflt = p;
            }
            indexes.put(p.index(), p);
            for (String name : p.names()) {
                names.put(name.toUpperCase(Locale.ROOT), p);
            }
        }
        if (!indexes.containsKey(0)) {
            if (!indexes.isEmpty()) {
                throw new PolicyException("You must specify a storage policy section for policy index 0 in order "
                        + "to define multiple policies");
            }
            StoragePolicy legacy = StoragePolicy.legacy();
            indexes.put(0, legacy);
            names.put(legacy.name().toUpperCase(Locale.ROOT), legacy);
        }
        if (indexes.values().stream().allMatch(StoragePolicy::deprecated)) {
            throw new PolicyException("Unable to find policy that's not deprecated!");
        }
        if (dflt == null) {
            if (indexes.size() > 1) {
                throw new PolicyException("Unable to find default policy");
            }
            StoragePolicy only = indexes.get(0);
            // Swift marks the lone policy as the default
            dflt = only.isDefault() ? only : asDefault(only);
            indexes.put(0, dflt);
            for (String name : dflt.names()) {
                names.put(name.toUpperCase(Locale.ROOT), dflt);
            }
        }
        this.byIndex = Collections.unmodifiableMap(indexes);
        this.byName = Collections.unmodifiableMap(names);
        this.defaultPolicy = dflt;
    }

    private static StoragePolicy asDefault(StoragePolicy p) {
        return new StoragePolicy(p.index(), p.name(), p.names(), true, p.deprecated(), p.policyType(), p.options());
    }

    /** The implicit single policy of a {@code swift.conf} without policy sections: {@code Policy-0}. */
    public static StoragePolicies legacy() {
        return new StoragePolicies(List.of());
    }

    /**
     * Parses the {@code [storage-policy:N]} sections of {@code swift.conf}.
     *
     * @throws PolicyException if the policies are invalid (the message names the section)
     * @throws io.cairn.common.config.ConfigException if a value cannot be read (e.g. a bad boolean)
     */
    public static StoragePolicies fromSwiftConf(IniFile swiftConf) {
        List<StoragePolicy> policies = new ArrayList<>();
        for (String sectionName : swiftConf.sectionNames()) {
            if (sectionName.startsWith(SECTION_PREFIX)) {
                policies.add(parse(sectionName, swiftConf.section(sectionName)));
            }
        }
        return new StoragePolicies(policies);
    }

    private static StoragePolicy parse(String sectionName, ConfigSection section) {
        String rawIndex = sectionName.substring(SECTION_PREFIX.length()).strip();
        if (!PYTHON_INT.matcher(rawIndex).matches() || rawIndex.replace("_", "").length() > 9) {
            throw new PolicyException("Invalid index '" + rawIndex + "' in [" + sectionName + "]");
        }
        int index = Integer.parseInt(rawIndex.replace("_", ""));
        String typeName = section.getString("policy_type", PolicyType.REPLICATION.configName());
        PolicyType type = null;
        for (PolicyType t : PolicyType.values()) {
            if (t.configName().equals(typeName)) {
                type = t;
            }
        }
        if (type == null) {
            throw new PolicyException("Invalid type '" + typeName + "' in [" + sectionName + "]");
        }
        Map<String, String> options = new TreeMap<>();
        for (String key : section.keys()) {
            boolean ecKey = type == PolicyType.ERASURE_CODING && EC_OPTIONS.contains(key);
            if (!COMMON_OPTIONS.contains(key) && !ecKey) {
                throw new PolicyException(
                        "Invalid option '" + key + "' in storage-policy section [" + sectionName + "]");
            }
            String value = section.get(key);
            if ((ecKey || key.equals("diskfile_module")) && value != null) {
                options.put(key, value);
            }
        }
        return new StoragePolicy(
                index,
                section.getString("name", ""),
                section.getList("aliases", List.of()),
                section.getBoolean("default", false),
                section.getBoolean("deprecated", false),
                type,
                options);
    }

    /** All policies, by ascending index. */
    public List<StoragePolicy> all() {
        return List.copyOf(byIndex.values());
    }

    /** Policy names by index, ascending: what the account server reports per policy. */
    public Map<Integer, String> namesByIndex() {
        Map<Integer, String> names = new TreeMap<>();
        for (StoragePolicy p : byIndex.values()) {
            names.put(p.index(), p.name());
        }
        return names;
    }

    /** The policy with {@code index}, or null. */
    public @Nullable StoragePolicy byIndex(int index) {
        return byIndex.get(index);
    }

    /** The policy one of whose names or aliases is {@code name}, ignoring case; or null. */
    public @Nullable StoragePolicy byName(String name) {
        return byName.get(name.toUpperCase(Locale.ROOT));
    }

    /** The default policy (for containers created without {@code X-Storage-Policy}). */
    public StoragePolicy defaultPolicy() {
        return defaultPolicy;
    }

    /** Policies Cairn cannot serve (erasure coding), by ascending index; empty when all are supported. */
    public List<StoragePolicy> unsupported() {
        List<StoragePolicy> out = new ArrayList<>();
        for (StoragePolicy p : byIndex.values()) {
            if (!p.isSupported()) {
                out.add(p);
            }
        }
        return out;
    }
}
