package io.cairn.common.http;

import io.cairn.common.log.AccessLogDestination;
import io.cairn.common.log.AccessLogWriter;
import io.cairn.common.log.SharedAccessLogWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The production sink of {@link AccessLogHandler}: each line becomes an INFO record of a {@code java.util.logging}
 * logger (its source class the logger's name, its source method {@value AccessLogDestination#SOURCE_METHOD}),
 * written by a background {@link AccessLogWriter} — never formatted, locked or written on the calling event
 * loop. The logger's level is checked for every line on the caller (two volatile reads), so configuration
 * switches lines on and off at any time; its handlers decide where lines go (the JDK default console gets the
 * same two-line text as before, rendered cheaply; see {@code io.cairn.common.log}). When the writer is behind
 * and its queue full, lines are dropped and counted rather than blocking.
 *
 * <p>A server creates its sink when it starts and {@link #close closes} it when it stops, after its event loops:
 * lines accepted before are written, and the process's writer thread stops with the last sink.
 *
 * <p>Thread-safe: {@link #accept} from any thread (lines from one thread stay in order).
 */
public final class AccessLogSink implements Consumer<String>, AutoCloseable {
    private final AccessLogWriter writer;
    private final AccessLogDestination destination;
    private final boolean sharedWriter;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AccessLogSink(AccessLogWriter writer, String loggerName, boolean sharedWriter) {
        this.writer = writer;
        this.destination = writer.destination(loggerName);
        this.sharedWriter = sharedWriter;
    }

    /**
     * A sink for the logger {@code loggerName} on the process's shared writer ({@link SharedAccessLogWriter}),
     * which this sink holds until closed.
     */
    public static AccessLogSink toLogger(String loggerName) {
        AccessLogWriter shared = SharedAccessLogWriter.acquire();
        try {
            return new AccessLogSink(shared, loggerName, true);
        } catch (RuntimeException e) {
            SharedAccessLogWriter.release(shared);
            throw e;
        }
    }

    /** A sink for the logger {@code loggerName} on a writer the caller owns (closing the sink leaves it running). */
    public static AccessLogSink toLogger(String loggerName, AccessLogWriter writer) {
        return new AccessLogSink(writer, loggerName, false);
    }

    /** Queues {@code line} if the logger takes INFO now; drops it (counted by the writer) if the queue is full. */
    @Override
    public void accept(String line) {
        // hot path: no allocation
        if (!closed.get() && destination.isEnabled()) {
            writer.offer(destination, line);
        }
    }

    /** Stops taking lines and releases the shared writer (the last release writes what is queued). Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && sharedWriter) {
            SharedAccessLogWriter.release(writer);
        }
    }
}
