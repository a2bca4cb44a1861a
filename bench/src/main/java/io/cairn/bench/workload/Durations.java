package io.cairn.bench.workload;

import java.time.Duration;

/** Parses durations written as {@code 20s}, {@code 500ms}, {@code 2m} or a bare number of seconds. Stateless. */
public final class Durations {
    private Durations() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException when it is not a non-negative duration
     */
    public static Duration parse(String text) {
        String t = text.trim();
        try {
            if (t.endsWith("ms")) {
                return nonNegative(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))), text);
            }
            if (t.endsWith("s")) {
                return nonNegative(
                        Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000)), text);
            }
            if (t.endsWith("m")) {
                return nonNegative(Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60), text);
            }
            return nonNegative(Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000)), text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 20s, 500ms, 2m)", e);
        }
    }

    private static Duration nonNegative(Duration d, String text) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative duration: '" + text + "'");
        }
        return d;
    }

    /** Seconds with millisecond precision, for reports. */
    public static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
