package io.cairn.common.http;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The production sink of {@link AccessLogHandler}: one INFO record per line on a {@code java.util.logging}
 * logger, with the source class and method given explicitly. Going through {@code System.Logger} (or
 * {@code Logger.info}) instead makes every record walk the caller's stack to infer its source when the
 * formatter asks for it; with one line per request on every server (seven per proxied object PUT) that
 * stack walk was a visible part of the CPU of a small request.
 *
 * <p>Thread-safe (the returned consumer only calls the thread-safe logger).
 */
public final class AccessLogSink {
    /** The source method name records carry. */
    static final String SOURCE_METHOD = "access";

    private AccessLogSink() {}

    /** A sink logging each line at INFO on the logger {@code loggerName}, which is also the records' source class. */
    public static Consumer<String> toLogger(String loggerName) {
        Logger logger = Logger.getLogger(loggerName);
        return line -> {
            if (logger.isLoggable(Level.INFO)) {
                logger.logp(Level.INFO, loggerName, SOURCE_METHOD, line);
            }
        };
    }
}
