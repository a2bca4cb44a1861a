package io.cairn.compute.compute.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/**
 * A compute microversion ({@code 2.N}). {@link #MAX} is the highest this API implements exactly (every view and
 * status as Nova's at that version); nothing above it is advertised.
 */
public record NovaVersion(int major, int minor) implements Comparable<NovaVersion> {
    public static final NovaVersion MIN = new NovaVersion(2, 1);
    public static final NovaVersion MAX = new NovaVersion(2, 37);
    static final String ATTRIBUTE = NovaVersion.class.getName();

    private static final Pattern FORMAT = Pattern.compile("^([1-9]\\d*)\\.([1-9]\\d*|0)$");

    /** The version a request asked for, as {@link NovaRequestFilter} stored it. */
    public static NovaVersion of(ServerWebExchange exchange) {
        NovaVersion v = exchange.getAttribute(ATTRIBUTE);
        return v == null ? MIN : v;
    }

    /** Parses {@code 2.N} or {@code latest}; null when the text is not a version. */
    static NovaVersion parse(String text) {
        if (text.equalsIgnoreCase("latest")) {
            return MAX;
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        return new NovaVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean atLeast(int minor2) {
        return compareTo(new NovaVersion(2, minor2)) >= 0;
    }

    boolean supported() {
        return compareTo(MIN) >= 0 && compareTo(MAX) <= 0;
    }

    @Override
    public int compareTo(NovaVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
