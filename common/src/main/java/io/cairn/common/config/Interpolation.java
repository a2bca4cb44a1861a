package io.cairn.common.config;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * configparser's {@code BasicInterpolation} ({@code %(name)s} refers to another key of the section or
 * {@code [DEFAULT]}, {@code %%} is a literal {@code %}), in the two flavours Swift uses: {@link #NICER}
 * (Swift's {@code NicerInterpolation}, used by {@code readconf} and its paste-deploy loader: a value
 * without {@code %(} is taken literally, so {@code fallocate_reserve = 1%} works) and {@link #BASIC}
 * (plain {@code ConfigParser}, which {@code swift.conf}'s hash and constraints readers use: any lone
 * {@code %} is an error).
 *
 * <p>Thread-safety: immutable.
 */
enum Interpolation {
    NICER,
    BASIC;

    private static final int MAX_DEPTH = 10;

    /**
     * Interpolates {@code value} of {@code key}.
     *
     * @param raw the section's raw values merged over {@code [DEFAULT]}'s, keyed as the dialect keys them
     * @param keyCase the dialect's key transform, applied to the names inside {@code %(…)s}
     */
    String apply(String value, Map<String, String> raw, UnaryOperator<String> keyCase, Context where) {
        if (this == NICER && !value.contains("%(")) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        interpolate(value, raw, keyCase, where, out, 1);
        return out.toString();
    }

    private static void interpolate(
            String rest,
            Map<String, String> raw,
            UnaryOperator<String> keyCase,
            Context where,
            StringBuilder out,
            int depth) {
        if (depth > MAX_DEPTH) {
            throw where.error("interpolation nested more than " + MAX_DEPTH + " levels deep");
        }
        int i = 0;
        while (i < rest.length()) {
            int percent = rest.indexOf('%', i);
            if (percent < 0) {
                out.append(rest, i, rest.length());
                return;
            }
            out.append(rest, i, percent);
            char next = percent + 1 < rest.length() ? rest.charAt(percent + 1) : '\0';
            if (next == '%') {
                out.append('%');
                i = percent + 2;
            } else if (next == '(') {
                int close = rest.indexOf(")s", percent + 2);
                int paren = rest.indexOf(')', percent + 2);
                if (close < 0 || paren != close || close == percent + 2) {
                    throw where.error("bad interpolation variable reference \"" + rest.substring(percent) + "\"");
                }
                String name = keyCase.apply(rest.substring(percent + 2, close));
                String referenced = raw.get(name);
                if (referenced == null) {
                    throw where.error("refers to %(" + name + ")s, which is not set in the section or [DEFAULT]");
                }
                if (referenced.indexOf('%') >= 0) {
                    interpolate(referenced, raw, keyCase, where, out, depth + 1);
                } else {
                    out.append(referenced);
                }
                i = close + 2;
            } else {
                throw where.error("'%' must be followed by '%' or '(' (write %% for a literal %)");
            }
        }
    }

    /** Where a value comes from, for error messages. */
    record Context(String source, String section, String key, String value) {
        ConfigException error(String problem) {
            return new ConfigException(source, section, key, value, problem);
        }
    }
}
