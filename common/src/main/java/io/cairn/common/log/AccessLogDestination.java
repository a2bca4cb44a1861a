package io.cairn.common.log;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * One access logger (e.g. {@code io.cairn.object.access}) as an {@link AccessLogWriter} sees it: the
 * {@code java.util.logging} logger, held strongly so configuration set on it is not lost with a collected
 * logger, and where its lines go ({@link LogRoute}), resolved and refreshed by the writer thread.
 *
 * <p>Thread-safety: {@link #isEnabled} and {@link #loggerName} from any thread; the route fields are confined to
 * the thread of the one writer this destination was created by.
 */
public final class AccessLogDestination {
    /** The source method name records carry (the source class is the logger's name). */
    public static final String SOURCE_METHOD = "access";

    private final Logger logger;
    private final String loggerName;

    /** Writer thread only: the route, and when it was resolved ({@link AccessLogWriter}'s nano clock). */
    @Nullable
    LogRoute route;

    long routeResolvedNanos;

    AccessLogDestination(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        this.loggerName = loggerName;
    }

    /** The logger's name, which is also its records' source class. */
    public String loggerName() {
        return loggerName;
    }

    /**
     * Whether the logger takes INFO lines now. {@code Logger.isLoggable} is two volatile reads, so this is asked
     * for every line: a level set at any time ({@code logging.properties}, {@code LogManager.readConfiguration},
     * {@code setLevel}) applies to the next line.
     */
    public boolean isEnabled() {
        // hot path: no allocation
        return logger.isLoggable(Level.INFO);
    }

    Logger logger() {
        return logger;
    }

    /**
     * The record {@code Logger.logp(INFO, loggerName, "access", line)} would make, stamped with the caller's
     * time: the source is explicit, so no formatter ever walks the stack to infer it.
     */
    static LogRecord record(String loggerName, String line, long epochMillis) {
        LogRecord record = new LogRecord(Level.INFO, line);
        record.setLoggerName(loggerName);
        record.setSourceClassName(loggerName);
        record.setSourceMethodName(SOURCE_METHOD);
        record.setInstant(Instant.ofEpochMilli(epochMillis));
        return record;
    }
}
