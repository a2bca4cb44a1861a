package io.cairn.common.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place Cairn creates threads: each named for what it does (a thread dump or a profile then says who is
 * busy), and a daemon unless asked otherwise, so a pool nobody closed never keeps a stopping JVM alive.
 *
 * <p>Thread-safety: safe; the counter of a {@link #numbered} factory is atomic.
 */
public final class NamedThreadFactory implements ThreadFactory {
    private final String name;
    private final boolean numbered;
    private final boolean daemon;
    private final AtomicInteger count = new AtomicInteger();

    private NamedThreadFactory(String name, boolean numbered, boolean daemon) {
        this.name = name;
        this.numbered = numbered;
        this.daemon = daemon;
    }

    /** Daemon threads all named {@code name}: for an executor of one thread. */
    public static NamedThreadFactory single(String name) {
        return new NamedThreadFactory(name, false, true);
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}, ...: for a pool. */
    public static NamedThreadFactory numbered(String prefix) {
        return new NamedThreadFactory(prefix, true, true);
    }

    /** The same names, for threads the JVM waits for (a shutdown hook's work, say). */
    public NamedThreadFactory nonDaemon() {
        return new NamedThreadFactory(name, numbered, false);
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, numbered ? name + "-" + count.incrementAndGet() : name);
        thread.setDaemon(daemon);
        return thread;
    }
}
