package io.cairn.common.time;

import java.util.regex.Pattern;

/**
 * Python's {@code float(str)} for the ASCII inputs Swift sees in headers and file names: optional sign,
 * digits with single underscores between them, an optional fraction and exponent, and {@code inf},
 * {@code infinity}, {@code nan} in any case. Whitespace and non-ASCII digits (which Python also accepts)
 * are rejected: HTTP parsers already strip header values, and Swift never writes them.
 *
 * <p>Thread-safety: stateless.
 */
final class PythonFloat {
    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern SYNTAX = Pattern.compile("[+-]?(?:(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\."
            + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?|(?i:inf|infinity|nan))");

    private PythonFloat() {}

    /** The double Python's {@code float(text)} returns (both round correctly to nearest). */
    static double parse(String text) {
        if (!SYNTAX.matcher(text).matches()) {
            throw new IllegalArgumentException("not a number: \"" + text + "\"");
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.endsWith("nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(text.replace("_", ""));
    }
}
