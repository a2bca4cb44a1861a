package io.cairn.common.config;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of one kind of section (Kafka's {@code ConfigDef}, Aeron's {@code Configuration}): an ordered list
 * of {@link Setting}s plus the Swift keys Cairn accepts without acting on. From it come a section's parsing
 * ({@link #parse}), the known-key set and unknown-key report, the deprecation warnings for old key names, the
 * check of a sample config file ({@link #sampleDifferences}) and the README table ({@link #markdownTable}).
 *
 * <p>Thread-safety: immutable.
 */
public final class ConfigDefinition {
    private static final System.Logger LOG = System.getLogger(ConfigDefinition.class.getName());
    private static final Pattern SAMPLE_KEY = Pattern.compile("(?m)^#?[ \\t]*(?:set[ \\t]+)?([a-z][a-z0-9_]*)[ \\t]*=");

    /** paste-deploy's {@code use = egg:swift#…}: names the app; always known, never reported. */
    private static final String PASTE_USE = "use";

    private final String name;
    private final List<Setting<?>> settings;
    private final Set<String> accepted;
    private final Set<String> known;

    private ConfigDefinition(String name, List<Setting<?>> settings, Collection<String> accepted) {
        this.name = name;
        this.settings = List.copyOf(settings);
        this.accepted = Set.copyOf(accepted);
        Set<String> all = new LinkedHashSet<>();
        for (Setting<?> s : settings) {
            add(all, s.key());
            for (String alias : s.deprecatedAliases()) {
                add(all, alias);
            }
        }
        for (String k : accepted) {
            add(all, k);
        }
        all.add(PASTE_USE);
        this.known = Set.copyOf(all);
    }

    private void add(Set<String> keys, String key) {
        if (!keys.add(key)) {
            throw new IllegalStateException(name + ": key " + key + " defined twice");
        }
    }

    /**
     * A definition named {@code name} (e.g. {@code object-server}) of {@code settings}, in the order the README
     * lists them, accepting {@code accepted} (Swift keys Cairn does not act on) without calling them unknown.
     *
     * @throws IllegalStateException if a key, alias or accepted key appears twice
     */
    public static ConfigDefinition of(String name, List<Setting<?>> settings, Collection<String> accepted) {
        return new ConfigDefinition(name, settings, accepted);
    }

    /** This definition's name. */
    public String name() {
        return name;
    }

    /** The settings, in order. */
    public List<Setting<?>> settings() {
        return settings;
    }

    /** The keys of the settings, in order (aliases not included). */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Setting<?> s : settings) {
            keys.add(s.key());
        }
        return keys;
    }

    /** Swift keys accepted without effect. */
    public Set<String> acceptedKeys() {
        return accepted;
    }

    /**
     * Every key not reported as unknown: settings, their deprecated aliases, the accepted keys and paste-deploy's
     * {@code use}.
     */
    public Set<String> knownKeys() {
        return known;
    }

    /**
     * Reads every setting from {@code section} (which includes what it inherits from {@code [DEFAULT]}); a setting
     * found only under a deprecated alias is read from it and a warning is logged once for this parse.
     *
     * @throws ConfigException naming the key and the reason, for the first value that is not acceptable
     */
    public ConfigValues parse(ConfigSection section) {
        Map<Setting<?>, Object> values = new HashMap<>(); // Setting has identity equality
        List<String> deprecations = new ArrayList<>();
        for (Setting<?> s : settings) {
            String present = presentKey(section, s, deprecations);
            values.put(s, s.read(section, present));
        }
        for (String warning : deprecations) {
            LOG.log(Level.WARNING, name + ": " + section + ": " + warning);
        }
        return new ConfigValues(
                this, section, values, section.unknownKeys(known), section.presentKeys(accepted), deprecations);
    }

    private static String presentKey(ConfigSection section, Setting<?> s, List<String> deprecations) {
        String found = null;
        for (String alias : s.deprecatedAliases()) {
            if (section.get(alias) == null) {
                continue;
            }
            if (section.get(s.key()) != null) {
                deprecations.add(alias + " is deprecated and ignored: " + s.key() + " is set too");
            } else if (found == null) {
                deprecations.add(alias + " is deprecated: use " + s.key());
                found = alias;
            }
        }
        return found == null ? s.key() : found;
    }

    /**
     * The README table: one row per setting (key, type, default, allowed values, Swift or Cairn, description), then
     * one row listing the accepted keys, if any. Pipes in text are escaped.
     */
    public String markdownTable() {
        StringBuilder t = new StringBuilder();
        t.append("| Key | Type | Default | Allowed | Origin | Description |\n");
        t.append("|---|---|---|---|---|---|\n");
        for (Setting<?> s : settings) {
            String key = "`" + s.key() + "`";
            if (!s.deprecatedAliases().isEmpty()) {
                key += " (deprecated: `" + String.join("`, `", s.deprecatedAliases()) + "`)";
            }
            t.append("| ")
                    .append(key)
                    .append(" | ")
                    .append(s.type())
                    .append(" | ")
                    .append(s.defaultText().isEmpty() ? "(empty)" : "`" + cell(s.defaultText()) + "`")
                    .append(" | ")
                    .append(cell(s.range().startsWith("expected ") ? s.range().substring(9) : s.range()))
                    .append(" | ")
                    .append(s.isSwift() ? "Swift" : "Cairn")
                    .append(" | ")
                    .append(cell(s.doc()))
                    .append(" |\n");
        }
        if (!accepted.isEmpty()) {
            t.append("\nSwift keys accepted and not acted on: `")
                    .append(String.join("`, `", new TreeSet<>(accepted)))
                    .append("`.\n");
        }
        return t.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "\\<").replace(">", "\\>").replace("\n", " ");
    }

    /**
     * How the keys a sample config section mentions ({@code key = value}, {@code # key = value} or {@code set key = value} lines, {@code
     * use} and {@code pipeline} excepted) differ from this definition's settings and accepted keys: one line per
     * key missing from the sample or unknown to the definition; empty when they agree.
     */
    public List<String> sampleDifferences(String sampleSectionText) {
        return sampleDifferences(sampleSectionText, Set.of());
    }

    /**
     * As {@link #sampleDifferences(String)}, for a section whose sample leaves {@code inheritedKeys} to {@code
     * [DEFAULT]} (a daemon's {@code devices}, {@code mount_check}, …): those are expected elsewhere, not here.
     */
    public List<String> sampleDifferences(String sampleSectionText, Set<String> inheritedKeys) {
        Set<String> inSample = new TreeSet<>();
        Matcher m = SAMPLE_KEY.matcher(sampleSectionText);
        while (m.find()) {
            inSample.add(m.group(1));
        }
        inSample.remove("use");
        inSample.remove("pipeline");
        Set<String> expected = new TreeSet<>(keys());
        expected.addAll(accepted);
        expected.removeAll(inheritedKeys);
        List<String> differences = new ArrayList<>();
        for (String k : expected) {
            if (!inSample.contains(k)) {
                differences.add("missing from the sample: " + k);
            }
        }
        for (String k : inSample) {
            if (!expected.contains(k)) {
                differences.add("in the sample but not defined: " + k);
            }
        }
        return differences;
    }

    /**
     * The text of section {@code [sectionName]} of a sample file: from its header to the next section header
     * (comments included, since samples list keys commented out).
     *
     * @throws IllegalArgumentException if the sample has no such section
     */
    public static String sampleSection(String sampleText, String sectionName) {
        String header = "[" + sectionName + "]";
        int start = sampleText.startsWith(header) ? 0 : sampleText.indexOf("\n" + header);
        if (start < 0) {
            throw new IllegalArgumentException("no section " + header + " in the sample");
        }
        int bodyStart = sampleText.indexOf('\n', start + 1);
        if (bodyStart < 0) {
            return "";
        }
        Matcher next = Pattern.compile("(?m)^\\[").matcher(sampleText);
        int end = next.find(bodyStart + 1) ? next.start() : sampleText.length();
        return sampleText.substring(bodyStart + 1, end);
    }

    @Override
    public String toString() {
        return name + " " + keys();
    }
}
