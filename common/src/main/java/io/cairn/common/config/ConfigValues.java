package io.cairn.common.config;

import java.util.List;
import java.util.Map;

/**
 * One section read by a {@link ConfigDefinition}: a value per setting, plus what to report at start — keys no
 * setting knows, Swift keys accepted without effect, deprecated names used.
 *
 * <p>Thread-safety: immutable.
 */
public final class ConfigValues {
    private final ConfigDefinition definition;
    private final ConfigSection section;
    private final Map<Setting<?>, Object> values;
    private final List<String> unknownKeys;
    private final List<String> ignoredKeys;
    private final List<String> deprecations;

    ConfigValues(
            ConfigDefinition definition,
            ConfigSection section,
            Map<Setting<?>, Object> values,
            List<String> unknownKeys,
            List<String> ignoredKeys,
            List<String> deprecations) {
        this.definition = definition;
        this.section = section;
        this.values = values;
        this.unknownKeys = List.copyOf(unknownKeys);
        this.ignoredKeys = List.copyOf(ignoredKeys);
        this.deprecations = List.copyOf(deprecations);
    }

    /**
     * The value of {@code setting}.
     *
     * @throws IllegalArgumentException if {@code setting} is not one of the definition's (a programming error)
     */
    @SuppressWarnings("unchecked") // values were put by Setting<T>.read for the same setting
    public <T> T get(Setting<T> setting) {
        Object v = values.get(setting);
        if (v == null) {
            throw new IllegalArgumentException(setting.key() + " is not a setting of " + definition.name());
        }
        return (T) v;
    }

    /** Whether the section (or what it inherits) sets {@code setting}, under its key or a deprecated alias. */
    public boolean isSet(Setting<?> setting) {
        if (section.get(setting.key()) != null) {
            return true;
        }
        for (String alias : setting.deprecatedAliases()) {
            if (section.get(alias) != null) {
                return true;
            }
        }
        return false;
    }

    /** The section read. */
    public ConfigSection section() {
        return section;
    }

    /** Keys set in the section itself that the definition does not know (probable typos), sorted. */
    public List<String> unknownKeys() {
        return unknownKeys;
    }

    /** Accepted keys present (inherited ones included), in section order: Swift settings Cairn does not act on. */
    public List<String> ignoredKeys() {
        return ignoredKeys;
    }

    /** One message per deprecated key name used (already logged at WARNING when parsed). */
    public List<String> deprecations() {
        return deprecations;
    }
}
