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
 * Renders an access line exactly as the console's {@link SimpleFormatter} would, without a {@code String.format}
 * per line: the date part is formatted once per second (with the same {@code Formatter} conversions, locale and
 * zone {@code SimpleFormatter} uses) and reused. Two layouts are known ({@link Layout}): the JDK's default, two
 * lines per record,
 *
 * <pre>
 * Nov 26, 2026 3:04:05 PM io.cairn.object.access access
 * INFO: object-server 127.0.0.1 "PUT /sda/1/a/c/o" 201 0 "-" "tx…" "-" 0.001234
 * </pre>
 *
 * and the one line per record {@code ./cairn} sets ({@link Layout#ONE_LINE}):
 *
 * <pre>
 * 2026-11-26 15:04:05.123 INFO io.cairn.object.access: object-server 127.0.0.1 "PUT /sda/1/a/c/o" 201 ...
 * </pre>
 *
 * The layout is the one this JVM's {@code SimpleFormatter} prints (it reads its format once, process-wide).
 * {@link #rendersLike} checks, by formatting probe records both ways, that a handler's formatter would print the
 * very same bytes, so the fast path is taken only where it changes nothing an operator sees.
 *
 * <p>Not thread-safe: confined to the writer thread.
 */
final class ConsoleLineFormat {
    /** The {@code java.util.logging.SimpleFormatter.format} patterns rendered here without formatting each line. */
    enum Layout {
        /** The JDK's default: date and source on one line, level and message on the next. */
        JDK_DEFAULT("%1$tb %1$td, %1$tY %1$tl:%1$tM:%1$tS %1$Tp %2$s%n%4$s: %5$s%6$s%n"),
        /** One line per record: time to the millisecond, level, logger, message. */
        ONE_LINE(ConsoleFormat.ONE_LINE);

        /** The {@code SimpleFormatter} format string of this layout. */
        final String pattern;

        Layout(String pattern) {
            this.pattern = pattern;
        }
    }

    /**
     * Probe instants (UTC 2026-01-05 03:04:05.123, 2026-11-26 15:14:15.999, 2024-02-29 12:00:00.500, 2026-01-05
     * 03:04:05.007): one- and two-digit days and hours, morning and afternoon, a leap day, and milliseconds the
     * default format leaves out.
     */
    private static final long[] PROBE_MILLIS = {
        1_767_582_245_123L, 1_795_706_055_999L, 1_709_208_000_500L, 1_767_582_245_007L
    };

    private final Layout layout;
    private final String lineSeparator = System.lineSeparator();
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedDate = "";

    /** The layout this JVM's {@link SimpleFormatter} prints, or the JDK's default if it prints neither. */
    ConsoleLineFormat() {
        this(layoutOf(new SimpleFormatter()));
    }

    ConsoleLineFormat(Layout layout) {
        this.layout = layout;
    }

    private static Layout layoutOf(SimpleFormatter formatter) {
        for (Layout candidate : Layout.values()) {
            if (new ConsoleLineFormat(candidate).rendersLike(formatter, "io.cairn.probe.access")) {
                return candidate;
            }
        }
        return Layout.JDK_DEFAULT;
    }

    /** The text between the date and the line for records of {@code loggerName}. */
    String header(String loggerName) {
        String level = Level.INFO.getLocalizedName();
        return switch (layout) {
            case JDK_DEFAULT -> loggerName + " " + AccessLogDestination.SOURCE_METHOD + lineSeparator + level + ": ";
            case ONE_LINE -> level + " " + loggerName + ": ";
        };
    }

    /**
     * Appends one record: the (cached) date of {@code epochMillis}'s second (and, one line per record, its
     * milliseconds), {@code header}, {@code line}, a line separator.
     */
    void append(StringBuilder out, long epochMillis, String header, String line) {
        // hot path (writer thread): no allocation except once per second
        long second = Math.floorDiv(epochMillis, 1000L);
        if (second != cachedSecond) {
            ZonedDateTime time = ZonedDateTime.ofInstant(Instant.ofEpochSecond(second), ZoneId.systemDefault());
            Locale locale = Locale.getDefault(Locale.Category.FORMAT);
            cachedDate = switch (layout) {
                // the date part of each pattern, with the separating space where the pattern has one
                case JDK_DEFAULT -> String.format(locale, "%1$tb %1$td, %1$tY %1$tl:%1$tM:%1$tS %1$Tp ", time);
                case ONE_LINE -> String.format(locale, "%1$tF %1$tT.", time);
            };
            cachedSecond = second;
        }
        out.append(cachedDate);
        if (layout == Layout.ONE_LINE) {
            int millis = (int) Math.floorMod(epochMillis, 1000L);
            out.append((char) ('0' + millis / 100))
                    .append((char) ('0' + millis / 10 % 10))
                    .append((char) ('0' + millis % 10))
                    .append(' ');
        }
        out.append(header).append(line).append(lineSeparator);
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
            // a fresh cache per probe: rendering must not depend on what was rendered before
            cachedSecond = Long.MIN_VALUE;
            append(ours, millis, header, line);
            LogRecord probe = AccessLogDestination.record(loggerName, line, millis);
            if (!ours.toString().equals(formatter.format(probe))) {
                return false;
            }
        }
        return true;
    }
}
