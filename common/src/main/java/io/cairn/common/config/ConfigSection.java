package io.cairn.common.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One section's effective settings exactly as the Swift component reading it sees them: {@code
 * [DEFAULT]} combined per the section's {@link Dialect}, then {@code %(name)s} interpolation applied.
 * Typed getters parse as Swift does ({@code int()}, {@code float()}, {@code config_true_value}, {@code
 * list_from_csv}) but stricter: an unparsable or out-of-range value throws {@link ConfigException}
 * naming file, section, key, value and the allowed range, instead of Swift's silent {@code False} or
 * a traceback.
 *
 * <p>Thread-safety: immutable.
 */
public final class ConfigSection {
    /** Swift's {@code TRUE_VALUES}. */
    public static final Set<String> TRUE_VALUES = Set.of("true", "1", "yes", "on", "t", "y");
    /** Their negations; Swift treats everything not true as false, Cairn only these. */
    public static final Set<String> FALSE_VALUES = Set.of("false", "0", "no", "off", "f", "n");

    private static final Pattern PYTHON_INT = Pattern.compile("[+-]?[0-9](?:_?[0-9])*");
    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern PYTHON_FLOAT = Pattern.compile("[+-]?(?:(?:" + DIGITS + "(?:\\.(?:" + DIGITS
            + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?|(?i:inf|infinity))");

    private final String source;
    private final String name;
    private final Dialect dialect;
    private final Map<String, String> values;
    private final Set<String> ownKeys;
    private final List<String> shadowedKeys;

    private ConfigSection(
            String source,
            String name,
            Dialect dialect,
            Map<String, String> values,
            Set<String> ownKeys,
            List<String> shadowedKeys) {
        this.source = source;
        this.name = name;
        this.dialect = dialect;
        this.values = Collections.unmodifiableMap(values);
        this.ownKeys = Collections.unmodifiableSet(ownKeys);
        this.shadowedKeys = List.copyOf(shadowedKeys);
    }

    static String keyCase(Dialect dialect, String key) {
        return dialect == Dialect.READCONF ? key.toLowerCase(Locale.ROOT) : key;
    }

    static ConfigSection build(IniFile file, String name, Dialect dialect, Interpolation interpolation) {
        Map<String, String> defaults = file.rawOptions(IniFile.DEFAULT_SECTION, dialect);
        Map<String, String> own = name.equals(IniFile.DEFAULT_SECTION) ? Map.of() : file.rawOptions(name, dialect);
        return dialect == Dialect.READCONF
                ? readconf(file.source(), name, defaults, own, interpolation)
                : pasteDeploy(file, name, defaults, own, interpolation);
    }

    /** {@code dict(ConfigParser.items(section))}: DEFAULT first, section values override. */
    private static ConfigSection readconf(
            String source,
            String name,
            Map<String, String> defaults,
            Map<String, String> own,
            Interpolation interpolation) {
        Map<String, String> raw = new LinkedHashMap<>(defaults);
        raw.putAll(own);
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            Interpolation.Context where = new Interpolation.Context(source, name, e.getKey(), e.getValue());
            values.put(e.getKey(), interpolation.apply(e.getValue(), raw, k -> keyCase(Dialect.READCONF, k), where));
        }
        Set<String> ownKeys = name.equals(IniFile.DEFAULT_SECTION) ? defaults.keySet() : own.keySet();
        return new ConfigSection(source, name, Dialect.READCONF, values, new LinkedHashSet<>(ownKeys), List.of());
    }

    /** paste-deploy's {@code ConfigLoader.get_context}, then Swift's {@code conf = global_conf + local_conf}. */
    private static ConfigSection pasteDeploy(
            IniFile file,
            String name,
            Map<String, String> fileDefaults,
            Map<String, String> own,
            Interpolation interpolation) {
        String source = file.source();
        Map<String, String> defaults = new LinkedHashMap<>();
        Path here = file.here();
        Path path = file.path();
        if (here != null && path != null) {
            defaults.put("here", here.toString());
            defaults.put("__file__", path.toString());
        }
        defaults.putAll(fileDefaults);
        Map<String, String> global = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : defaults.entrySet()) {
            Interpolation.Context where =
                    new Interpolation.Context(source, IniFile.DEFAULT_SECTION, e.getKey(), e.getValue());
            String v = interpolation.apply(e.getValue(), defaults, k -> k, where);
            global.put(e.getKey(), v.isEmpty() ? e.getValue() : v);
        }
        Map<String, String> raw = new LinkedHashMap<>(defaults);
        raw.putAll(own);
        Map<String, String> local = new LinkedHashMap<>();
        Map<String, String> getFromGlobals = new LinkedHashMap<>();
        Set<String> ownKeys = new LinkedHashSet<>();
        List<String> shadowed = new ArrayList<>();
        for (Map.Entry<String, String> e : own.entrySet()) {
            String key = e.getKey();
            Interpolation.Context where = new Interpolation.Context(source, name, key, e.getValue());
            String value = interpolation.apply(e.getValue(), raw, k -> k, where);
            if (key.startsWith("set ")) {
                String target = PythonText.strip(key.substring(4));
                global.put(target, value);
                ownKeys.add(target);
            } else if (key.startsWith("get ")) {
                String target = PythonText.strip(key.substring(4));
                getFromGlobals.put(target, value);
                ownKeys.add(target);
            } else if (defaults.containsKey(key)) {
                shadowed.add(key); // paste-deploy: "It's a global option (?), so skip it"
            } else {
                local.put(key, value);
                ownKeys.add(key);
            }
        }
        for (Map.Entry<String, String> e : getFromGlobals.entrySet()) {
            String fromGlobal = global.get(e.getValue());
            if (fromGlobal == null) {
                throw new ConfigException(
                        source,
                        name,
                        "get " + e.getKey(),
                        e.getValue(),
                        "no such key in [DEFAULT] or set by this section");
            }
            local.put(e.getKey(), fromGlobal);
        }
        global.remove("here");
        global.remove("__file__");
        global.putAll(local);
        return new ConfigSection(source, name, Dialect.PASTE_DEPLOY, global, ownKeys, shadowed);
    }

    /**
     * A section made of values already read elsewhere (interpolation done), e.g. one server's part of a node.conf:
     * {@code values} are the effective values, {@code ownKeys} those set in the section itself (what {@link
     * #unknownKeys(Set)} reports from); the others count as inherited.
     */
    public static ConfigSection of(
            String source, String name, Dialect dialect, Map<String, String> values, Set<String> ownKeys) {
        return new ConfigSection(
                source, name, dialect, new LinkedHashMap<>(values), new LinkedHashSet<>(ownKeys), List.of());
    }

    /**
     * This section with {@code overrides} replacing (or adding) effective values, e.g. a command line's {@code
     * --bind}: read and checked as if the file said so; the section's own keys stay as they were.
     */
    public ConfigSection overriding(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return new ConfigSection(source, name, dialect, merged, new LinkedHashSet<>(ownKeys), shadowedKeys);
    }

    /** The section's name, e.g. {@code app:object-server}. */
    public String name() {
        return name;
    }

    /** The file or directory it was read from. */
    public String source() {
        return source;
    }

    /** How {@code [DEFAULT]} was combined. */
    public Dialect dialect() {
        return dialect;
    }

    /** The effective value, or null if neither the section nor {@code [DEFAULT]} sets it. */
    public @Nullable String get(String key) {
        return values.get(key);
    }

    /** The effective value, or {@code defaultValue}. */
    public String getString(String key, String defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : v;
    }

    /**
     * An integer as Python's {@code int()} reads it, within {@code [min, max]}.
     *
     * @throws ConfigException if the value is not an integer or out of range
     */
    public int getInt(String key, int defaultValue, int min, int max) {
        return (int) getLong(key, defaultValue, min, max);
    }

    /**
     * Swift's {@code config_auto_int_value}: {@code auto} (any case) or an absent key gives {@code autoValue}, else an
     * integer within {@code [min, max]} as {@link #getInt} reads it. Used for {@code workers}.
     */
    public int getAutoInt(String key, int autoValue, int min, int max) {
        String v = values.get(key);
        if (v == null || v.strip().equalsIgnoreCase("auto")) {
            return autoValue;
        }
        return getInt(key, autoValue, min, max);
    }

    /** A long as Python's {@code int()} reads it, within {@code [min, max]}; see {@link #getInt}. */
    public long getLong(String key, long defaultValue, long min, long max) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        String range = "expected an integer in [" + min + ", " + max + "]";
        if (!PYTHON_INT.matcher(v).matches()) {
            throw new ConfigException(source, name, key, v, range);
        }
        long parsed;
        try {
            parsed = Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ConfigException(source, name, key, v, range);
        }
        if (parsed < min || parsed > max) {
            throw new ConfigException(source, name, key, v, range);
        }
        return parsed;
    }

    /** A number as Python's {@code float()} reads it (NaN refused), within {@code [min, max]}. */
    public double getDouble(String key, double defaultValue, double min, double max) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        String range = "expected a number in [" + min + ", " + max + "]";
        if (!PYTHON_FLOAT.matcher(v).matches()) {
            throw new ConfigException(source, name, key, v, range);
        }
        String lower = v.toLowerCase(Locale.ROOT);
        double parsed = lower.endsWith("inf") || lower.endsWith("infinity")
                ? (lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                : Double.parseDouble(v.replace("_", ""));
        if (!(parsed >= min && parsed <= max)) {
            throw new ConfigException(source, name, key, v, range);
        }
        return parsed;
    }

    /**
     * {@code true} for Swift's {@link #TRUE_VALUES}, {@code false} for {@link #FALSE_VALUES} (any case).
     *
     * @throws ConfigException for anything else, which Swift would silently read as false
     */
    public boolean getBoolean(String key, boolean defaultValue) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (TRUE_VALUES.contains(lower)) {
            return true;
        }
        if (FALSE_VALUES.contains(lower)) {
            return false;
        }
        throw new ConfigException(
                source, name, key, v, "expected a boolean: one of true, 1, yes, on, t, y or false, 0, no, off, f, n");
    }

    /** Swift's {@code list_from_csv}: comma separated, each item stripped, empty items dropped. */
    public List<String> getList(String key, List<String> defaultValue) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        List<String> items = new ArrayList<>();
        for (String item : v.split(",", -1)) {
            String stripped = PythonText.strip(item);
            if (!stripped.isEmpty()) {
                items.add(stripped);
            }
        }
        return List.copyOf(items);
    }

    /** Every key that has a value here, including those inherited from {@code [DEFAULT]}, in file order. */
    public Set<String> keys() {
        return values.keySet();
    }

    /**
     * Keys set in this section itself (not inherited from {@code [DEFAULT]}; for paste-deploy sections
     * including {@code set x}/{@code get x} targets) that are not in {@code known}, sorted: what to
     * report at start-up as probable typos.
     */
    public List<String> unknownKeys(Set<String> known) {
        TreeSet<String> unknown = new TreeSet<>();
        for (String k : ownKeys) {
            if (!known.contains(k)) {
                unknown.add(k);
            }
        }
        return List.copyOf(unknown);
    }

    /**
     * Keys of {@code acceptedButIgnored} present in this section (inherited ones included), in section
     * order: Swift settings Cairn accepts and does not act on, worth a start-up note.
     */
    public List<String> presentKeys(Set<String> acceptedButIgnored) {
        List<String> present = new ArrayList<>();
        for (String key : keys()) {
            if (acceptedButIgnored.contains(key)) {
                present.add(key);
            }
        }
        return List.copyOf(present);
    }

    /** {@link #unknownKeys(Set)} where the known keys are those acted on plus those accepted and ignored. */
    public List<String> unknownKeys(Set<String> actedOn, Set<String> acceptedButIgnored) {
        Set<String> known = new HashSet<>(actedOn);
        known.addAll(acceptedButIgnored);
        return unknownKeys(known);
    }

    /**
     * paste-deploy sections only: keys set in the section that paste-deploy ignores because {@code
     * [DEFAULT]} also sets them (use {@code set key = value} to override); worth a start-up warning.
     */
    public List<String> shadowedKeys() {
        return shadowedKeys;
    }

    @Override
    public String toString() {
        return "[" + name + "] from " + source + " (" + dialect + ")";
    }

    /** Swift's {@code config_true_value} of a header or setting: one of {@link #TRUE_VALUES}, in any case. */
    public static boolean isTrue(@Nullable String value) {
        return value != null && TRUE_VALUES.contains(value.toLowerCase(Locale.ROOT));
    }
}
