package io.cairn.common.log;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Where one access logger's lines go, found by walking its handlers as {@code Logger.log} does (the logger's
 * own, then its parents' while {@code useParentHandlers}):
 *
 * <ul>
 *   <li>a plain {@link ConsoleHandler} that takes INFO, has no filter nor encoding of its own and a formatter
 *       that prints exactly what {@link ConsoleLineFormat} prints (the JDK default) becomes a <em>console
 *       copy</em>: the writer renders the line itself and writes it to the console stream in its batch;
 *   <li>a {@code ConsoleHandler} above INFO is left out (it would print nothing);
 *   <li>every other handler gets a {@code LogRecord}, published on the writer thread ({@link #handlers});
 *   <li>a logger with a {@code Filter} is not second-guessed: each record goes through {@code Logger.log}
 *       ({@link #viaLogger}), and {@link #handlers} lists the chain's handlers only to flush them.
 * </ul>
 *
 * <p>Immutable.
 */
final class LogRoute {
    /** How many console-equivalent handlers print each line (normally 0 or 1). */
    final int consoleCopies;

    /** Text between the date and the line in the console rendering. */
    final String consoleHeader;

    /** Handlers that get a record each (and are flushed when the queue drains). */
    final Handler[] handlers;

    /** Non-null when records must go through the logger itself (it has a filter). */
    final @Nullable Logger viaLogger;

    private LogRoute(int consoleCopies, String consoleHeader, Handler[] handlers, @Nullable Logger viaLogger) {
        this.consoleCopies = consoleCopies;
        this.consoleHeader = consoleHeader;
        this.handlers = handlers;
        this.viaLogger = viaLogger;
    }

    static LogRoute resolve(Logger logger, String loggerName, ConsoleLineFormat format) {
        String header = format.header(loggerName);
        List<Handler> others = new ArrayList<>();
        int console = 0;
        boolean filtered = logger.getFilter() != null;
        for (Logger l = logger; l != null; l = l.getUseParentHandlers() ? l.getParent() : null) {
            for (Handler h : l.getHandlers()) {
                boolean plainConsole = !filtered && h.getClass() == ConsoleHandler.class && h.getFilter() == null;
                if (!plainConsole) {
                    others.add(h);
                } else if (h.getLevel().intValue() <= Level.INFO.intValue()) { // above INFO it prints no access line
                    if (rendersLikeConsole(h, loggerName, format)) {
                        console++;
                    } else {
                        others.add(h);
                    }
                }
            }
        }
        return new LogRoute(console, header, others.toArray(new Handler[0]), filtered ? logger : null);
    }

    private static boolean rendersLikeConsole(Handler h, String loggerName, ConsoleLineFormat format) {
        Formatter formatter = h.getFormatter();
        return h.getEncoding() == null && formatter != null && format.rendersLike(formatter, loggerName);
    }
}
