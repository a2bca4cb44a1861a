package io.cairn.common.log;

import org.jspecify.annotations.Nullable;

/**
 * The process's one {@link AccessLogWriter} (thread {@value #THREAD_NAME}, writing console lines to
 * {@code System.err} like the JDK's {@code ConsoleHandler}), shared by every server in the JVM — a SAIO runs a
 * proxy and several object and container servers in one process, and they share one console. Started by the
 * first {@link #acquire}, closed (drained, thread joined) by the {@link #release} matching the last one, so no
 * thread outlives the servers that log.
 *
 * <p>Design note: this is the one piece of mutable static state in the access log, on purpose: the console and
 * the {@code java.util.logging} configuration it serves are process-wide too, and each server acquires and
 * releases the writer with its own lifecycle instead of being handed one.
 *
 * <p>Thread-safe: both methods synchronize on the class (they run at server start and stop only).
 */
public final class SharedAccessLogWriter {
    /** The writer thread's name. */
    public static final String THREAD_NAME = "cairn-access-log";

    private static @Nullable AccessLogWriter writer;
    private static int users;

    private SharedAccessLogWriter() {}

    /** The shared writer, started if no one holds it; each call needs one {@link #release}. */
    public static synchronized AccessLogWriter acquire() {
        AccessLogWriter w = writer;
        if (w == null) {
            w = new AccessLogWriter(THREAD_NAME, AccessLogWriter.DEFAULT_CAPACITY, System.err);
            writer = w;
        }
        users++;
        return w;
    }

    /** How many {@link #acquire}s are not released yet (0: no writer thread runs). */
    public static synchronized int users() {
        return users;
    }

    /** Gives back one {@link #acquire}; the last one closes the writer (writes what was queued, joins its thread). */
    public static synchronized void release(AccessLogWriter released) {
        if (released != writer || users == 0) {
            throw new IllegalStateException("released an access log writer that is not the acquired shared one");
        }
        users--;
        if (users == 0) {
            writer = null;
            released.close();
        }
    }
}
