package io.cairn.common.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Renders an access line exactly as the JDK's default console set-up does — a {@code ConsoleHandler} with a
 * {@link SimpleFormatter} and its default format {@code "%1$tb %1$td, %1$tY %1$tl:%1$tM:%1$tS %1$Tp
 * %2$s%n%4$s: %5$s%6$s%n"}, two lines per record:
 *
 * <pre>
 * Nov 26, 2026 3:04:05 PM io.cairn.object.access access
 * INFO: object-server 127.0.0.1 "PUT /sda/1/a/c/o" 201 0 "-" "tx…" "-" 0.001234
 * </pre>
 *
 * without a {@code String.format} per line: the date part is formatted once per second (with the same
 * {@code Formatter} conversions, locale and zone {@code SimpleFormatter} uses) and reused. {@link #rendersLike}
 * checks, by formatting probe records both ways, that a handler's formatter would print the very same bytes,
 * so the fast path is taken only where it changes nothing an operator sees.
 *
 * <p>Not thread-safe: confined to the writer thread.
 */
final class ConsoleLineFormat {
    /**
     * Probe instants (UTC 2026-01-05 03:04:05.123, 2026-11-26 15:14:15.999, 2024-02-29 12:00:00.500): one- and
     * two-digit days and hours, morning and afternoon, a leap day, and milliseconds the default format leaves out.
     */
    private static final long[] PROBE_MILLIS = {1_767_582_245_123L, 1_795_706_055_999L, 1_709_208_000_500L};

    private final String lineSeparator = System.lineSeparator();
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedDate = "";

    /** The text between the date and the line for records of {@code loggerName}: source, newline, level. */
    String header(String loggerName) {
        return loggerName + " " + AccessLogDestination.SOURCE_METHOD + lineSeparator + Level.INFO.getLocalizedName()
                + ": ";
    }

    /**
     * Appends one record: the (cached) date of {@code epochMillis}'s second, {@code header}, {@code line}, a line
     * separator.
     */
    void append(StringBuilder out, long epochMillis, String header, String line) {
        // hot path (writer thread): no allocation except once per second
        long second = Math.floorDiv(epochMillis, 1000L);
        if (second != cachedSecond) {
            // the date part of SimpleFormatter's default format, with the separating space
            cachedDate = String.format(
                    Locale.getDefault(Locale.Category.FORMAT),
                    "%1$tb %1$td, %1$tY %1$tl:%1$tM:%1$tS %1$Tp ",
                    ZonedDateTime.ofInstant(Instant.ofEpochSecond(second), ZoneId.systemDefault()));
            cachedSecond = second;
        }
        out.append(cachedDate).append(header).append(line).append(lineSeparator);
    }

    /**
     * Whether {@code formatter} prints access records of {@code loggerName} exactly as {@link #append} with
     * {@link #header header(loggerName)} does: it must be a plain {@link SimpleFormatter} (whose format may have
     * been changed by configuration) and agree on every probe record.
     */
    boolean rendersLike(Formatter formatter, String loggerName) {
        if (formatter.getClass() != SimpleFormatter.class) {
            return false;
        }
        String header = header(loggerName);
        StringBuilder ours = new StringBuilder();
        for (long millis : PROBE_MILLIS) {
            String line = "probe \"GET /v1/a/c/{0}%s\" 200 " + millis;
            ours.setLength(0);
            append(ours, millis, header, line);
            LogRecord probe = AccessLogDestination.record(loggerName, line, millis);
            if (!ours.toString().equals(formatter.format(probe))) {
                return false;
            }
        }
        return true;
    }
}
