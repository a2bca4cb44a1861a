package io.cairn.common.config;

import org.jspecify.annotations.Nullable;

/**
 * A configuration file that Swift would refuse (or that Cairn refuses more strictly): unreadable, badly
 * formed, a missing section, or a value out of range. The message names the file, section, key, value
 * and what was expected, so an operator can fix it without reading code.
 *
 * <p>Thread-safety: immutable.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final @Nullable String section;
    private final @Nullable String key;
    private final @Nullable String value;

    /** A problem with one value: the message becomes {@code source: [section] key = "value": problem}. */
    public ConfigException(String source, String section, String key, @Nullable String value, String problem) {
        super(source + ": [" + section + "] " + key + (value == null ? "" : " = \"" + value + "\"") + ": " + problem);
        this.source = source;
        this.section = section;
        this.key = key;
        this.value = value;
    }

    /** A problem with a whole file or section. */
    public ConfigException(String source, String problem) {
        this(source, problem, null);
    }

    /** A problem with a whole file or section, caused by {@code cause}. */
    public ConfigException(String source, String problem, @Nullable Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.section = null;
        this.key = null;
        this.value = null;
    }

    /** The file (or {@code .conf.d} directory, or given source name) the problem is in. */
    public String source() {
        return source;
    }

    /** The section, if the problem is about one value. */
    public @Nullable String section() {
        return section;
    }

    /** The key, if the problem is about one value. */
    public @Nullable String key() {
        return key;
    }

    /** The offending value, if there is one. */
    public @Nullable String value() {
        return value;
    }
}
