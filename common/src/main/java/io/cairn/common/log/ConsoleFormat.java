package io.cairn.common.log;

/** The console's record layout for Cairn's commands, as a {@code java.util.logging.SimpleFormatter} pattern. */
public final class ConsoleFormat {
    /** The system property {@code SimpleFormatter} reads its pattern from, once per JVM. */
    public static final String PROPERTY = "java.util.logging.SimpleFormatter.format";

    /**
     * One line per record: {@code 2026-11-26 15:04:05.123 INFO io.cairn.object.server.ObjectServer: message}. The
     * access log renders its lines in this layout without formatting each ({@code ConsoleLineFormat}).
     */
    public static final String ONE_LINE = "%1$tF %1$tT.%1$tL %4$s %3$s: %5$s%6$s%n";

    private ConsoleFormat() {}
}
