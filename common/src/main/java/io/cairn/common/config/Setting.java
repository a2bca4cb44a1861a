package io.cairn.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * One setting of a {@link ConfigDefinition}: its key, how its value is read (type, default, allowed range), what
 * it means, whether Swift has it, and the old names it was once spelled with. A definition is declared once, as a
 * constant of the config class that reads it; parsing, the known-key set, the sample-file check and the README
 * table all come from it.
 *
 * <p>Values are read by {@link ConfigSection}'s typed getters (Python's {@code int()}/{@code float()}, Swift's
 * {@code config_true_value}, {@code list_from_csv}); durations by {@link #seconds} with one rounding rule, {@link
 * #toDuration}. A value that does not parse, lies outside the range or fails a {@link #require} check throws
 * {@link ConfigException} naming the file, section, key (as the file spells it), value and reason.
 *
 * <p>Thread-safety: immutable.
 *
 * @param <T> the parsed value's type
 */
public final class Setting<T> {
    /** Reads the value of {@code key} (the key or one of its aliases, as present) from a section. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ConfigSection section, String key);
    }

    /** What the value is and how it is read: fixed by the factory method. */
    private record Shape<T>(String key, String type, String defaultText, String range, Reader<T> reader) {
        Shape<T> withRange(String newRange) {
            return new Shape<>(key, type, defaultText, newRange, reader);
        }
    }

    private record Check<T>(Predicate<T> test, String reason) {}

    private final Shape<T> shape;
    private final String doc;
    private final boolean swift;
    private final List<String> deprecatedAliases;
    private final List<Check<T>> checks;

    private Setting(Shape<T> shape, String doc, boolean swift, List<String> deprecatedAliases, List<Check<T>> checks) {
        this.shape = shape;
        this.doc = doc;
        this.swift = swift;
        this.deprecatedAliases = List.copyOf(deprecatedAliases);
        this.checks = List.copyOf(checks);
    }

    private static <T> Setting<T> of(String key, String type, String defaultText, String range, Reader<T> reader) {
        return new Setting<>(new Shape<>(key, type, defaultText, range, reader), "", true, List.of(), List.of());
    }

    /** A string; the default is used when the key is absent. */
    public static Setting<String> string(String key, String defaultValue) {
        return of(key, "string", defaultValue, "", (s, k) -> s.getString(k, defaultValue));
    }

    /** A filesystem path, as written (not resolved). */
    public static Setting<Path> path(String key, String defaultValue) {
        return of(key, "path", defaultValue, "", (s, k) -> Path.of(s.getString(k, defaultValue)));
    }

    /** Swift's {@code config_true_value}, strict: see {@link ConfigSection#getBoolean}. */
    public static Setting<Boolean> bool(String key, boolean defaultValue) {
        return of(key, "boolean", String.valueOf(defaultValue), "", (s, k) -> s.getBoolean(k, defaultValue));
    }

    /** An integer as Python's {@code int()} reads it, in {@code [min, max]}. */
    public static Setting<Integer> integer(String key, int defaultValue, int min, int max) {
        return of(
                key,
                "integer",
                String.valueOf(defaultValue),
                range(min, max),
                (s, k) -> s.getInt(k, defaultValue, min, max));
    }

    /** A long as Python's {@code int()} reads it, in {@code [min, max]}. */
    public static Setting<Long> longInteger(String key, long defaultValue, long min, long max) {
        return of(
                key,
                "integer",
                String.valueOf(defaultValue),
                range(min, max),
                (s, k) -> s.getLong(k, defaultValue, min, max));
    }

    /** A number as Python's {@code float()} reads it, in {@code [min, max]}. */
    public static Setting<Double> number(String key, double defaultValue, double min, double max) {
        return of(
                key,
                "number",
                number(defaultValue),
                range(number(min), number(max)),
                (s, k) -> s.getDouble(k, defaultValue, min, max));
    }

    /**
     * Seconds, a number as Python's {@code float()} reads it in {@code [min, max]}, as a {@link Duration} rounded
     * to the nearest nanosecond ({@link #toDuration}).
     */
    public static Setting<Duration> seconds(String key, double defaultSeconds, double min, double max) {
        return of(
                key,
                "seconds",
                number(defaultSeconds),
                range(number(min), number(max)),
                (s, k) -> toDuration(s.getDouble(k, defaultSeconds, min, max)));
    }

    /**
     * Swift's {@code config_auto_int_value}: {@code auto} (any case) or an absent key gives {@code auto}'s value
     * (asked at each parse, e.g. the number of cores), else an integer in {@code [min, max]}.
     */
    public static Setting<Integer> autoInteger(String key, String autoDoc, IntSupplier auto, int min, int max) {
        return of(
                key,
                "integer or auto",
                "auto (" + autoDoc + ")",
                range(min, max),
                (s, k) -> s.getAutoInt(k, auto.getAsInt(), min, max));
    }

    /** Swift's {@code list_from_csv}: comma separated, items stripped, empty items dropped. */
    public static Setting<List<String>> list(String key, List<String> defaultValue) {
        return of(key, "list", String.join(", ", defaultValue), "", (s, k) -> s.getList(k, defaultValue));
    }

    /** Words separated by whitespace (Swift's {@code .split()} of e.g. tempurl's {@code methods}). */
    public static Setting<List<String>> words(String key, String defaultValue) {
        return of(key, "words", defaultValue, "", (s, k) -> {
            String v = s.getString(k, defaultValue).strip();
            return v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
        });
    }

    /**
     * A string turned into a value by {@code parser}; an {@link IllegalArgumentException} from it becomes a {@link
     * ConfigException} saying {@code expected} (and the exception's message). The default is parsed the same way.
     */
    public static <T> Setting<T> parsed(
            String key, String type, String defaultValue, String expected, Function<String, T> parser) {
        return of(key, type, defaultValue, expected, (s, k) -> {
            String v = s.getString(k, defaultValue);
            try {
                return parser.apply(v);
            } catch (IllegalArgumentException e) {
                String why = e.getMessage();
                throw new ConfigException(
                        s.source(), s.name(), k, v, why == null ? expected : expected + " (" + why + ")");
            }
        });
    }

    /** The one seconds-to-{@link Duration} rule of every config: round to the nearest nanosecond. */
    public static Duration toDuration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** This setting with its documentation (one sentence or two; the README table shows it). */
    public Setting<T> doc(String text) {
        return new Setting<>(shape, text, swift, deprecatedAliases, checks);
    }

    /**
     * This setting with its default described as {@code text} in the README table, for a default that is not a
     * constant (e.g. another setting's value; the config class applies it, see {@link ConfigValues#isSet}).
     */
    public Setting<T> defaultDescribed(String text) {
        Shape<T> described = new Shape<>(shape.key(), shape.type(), text, shape.range(), shape.reader());
        return new Setting<>(described, doc, swift, deprecatedAliases, checks);
    }

    /** This setting marked as Cairn's own: Swift 2.30.1 has no such key. */
    public Setting<T> cairnOnly() {
        return new Setting<>(shape, doc, false, deprecatedAliases, checks);
    }

    /**
     * This setting also read under {@code oldKey}, an older name: used when {@code key} is absent, with a
     * deprecation warning; ignored (with a warning) when both are present.
     */
    public Setting<T> deprecatedAlias(String oldKey) {
        List<String> aliases = new ArrayList<>(deprecatedAliases);
        aliases.add(oldKey);
        return new Setting<>(shape, doc, swift, aliases, checks);
    }

    /** This setting with one more condition the value must meet; a value failing it is refused with {@code reason}. */
    public Setting<T> require(Predicate<T> test, String reason) {
        List<Check<T>> all = new ArrayList<>(checks);
        all.add(new Check<>(test, reason));
        String range = shape.range();
        String shown = range.isEmpty() || range.endsWith(reason) ? reason : range + ", " + reason;
        return new Setting<>(shape.withRange(shown), doc, swift, deprecatedAliases, all);
    }

    /**
     * Reads this setting from {@code section} under {@code presentKey} (the key or the alias found there).
     *
     * @throws ConfigException if the value does not parse, is out of range or fails a {@link #require} check
     */
    T read(ConfigSection section, String presentKey) {
        T value = shape.reader().read(section, presentKey);
        for (Check<T> check : checks) {
            if (!check.test().test(value)) {
                throw new ConfigException(
                        section.source(), section.name(), presentKey, section.get(presentKey), check.reason());
            }
        }
        return value;
    }

    /** The key, Swift's name where Swift has the setting. */
    public String key() {
        return shape.key();
    }

    /** The value's type as the README table shows it ({@code integer}, {@code seconds}, …). */
    public String type() {
        return shape.type();
    }

    /** The default as an operator would write it. */
    public String defaultText() {
        return shape.defaultText();
    }

    /** The allowed values, e.g. {@code [1, 256]}; empty if any value of the type goes. */
    public String range() {
        return shape.range();
    }

    /** What it does. */
    public String doc() {
        return doc;
    }

    /** Whether Swift 2.30.1 has this key (false: a Cairn setting). */
    public boolean isSwift() {
        return swift;
    }

    /** Old names still read, with a warning. */
    public List<String> deprecatedAliases() {
        return deprecatedAliases;
    }

    @Override
    public String toString() {
        return shape.key();
    }

    private static String range(long min, long max) {
        return "[" + bound(min) + ", " + bound(max) + "]";
    }

    private static String range(String min, String max) {
        return "[" + min + ", " + max + "]";
    }

    private static String bound(long v) {
        if (v == Integer.MAX_VALUE || v == Long.MAX_VALUE) {
            return "max";
        }
        if (v == Integer.MIN_VALUE || v == Long.MIN_VALUE) {
            return "min";
        }
        return String.valueOf(v);
    }

    /** A double as an operator writes it: {@code 60}, not {@code 60.0}; {@code 0.5}. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.valueOf(v);
    }
}
