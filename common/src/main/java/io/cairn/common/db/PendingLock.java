package io.cairn.common.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Swift's {@code lock_parent_directory(pending_file)} among Cairn threads and processes: an exclusive lock on
 * {@code <hashdir>/.lock} held while a {@code .pending} file is appended to or folded and truncated, so a row
 * appended by the server is never truncated away by a fold in another broker (the replicator's, say).
 *
 * <p>Two layers, because Java's {@link FileChannel#lock} is an {@code fcntl} record lock: it excludes other
 * processes, but within one JVM a second lock on the same file throws {@code OverlappingFileLockException}
 * and closing any descriptor of the file drops the process's lock. So a JVM-wide stripe lock (chosen by the
 * hash directory's path) is taken first, and the lock file is opened, locked and closed only under it.
 * Limitation: {@code fcntl} does not exclude Swift's {@code flock} on Linux (see
 * {@link DatabaseBroker#commitPending}).
 *
 * <p>Thread-safe; not reentrant across {@link #acquire} calls for one directory (callers take it once and
 * {@link #release} it in a {@code finally}).
 */
final class PendingLock {
    private static final ReentrantLock[] STRIPES = newStripes(64);

    private final ReentrantLock stripe;
    private final FileChannel channel;

    private PendingLock(ReentrantLock stripe, FileChannel channel) {
        this.stripe = stripe;
        this.channel = channel;
    }

    private static ReentrantLock[] newStripes(int n) {
        ReentrantLock[] s = new ReentrantLock[n];
        for (int i = 0; i < n; i++) {
            s[i] = new ReentrantLock();
        }
        return s;
    }

    /** Blocks until this thread holds the lock of {@code hashDir} (which must exist). */
    static PendingLock acquire(Path hashDir) throws IOException {
        ReentrantLock stripe = STRIPES[Math.floorMod(hashDir.hashCode(), STRIPES.length)];
        stripe.lock();
        try {
            FileChannel ch =
                    FileChannel.open(hashDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                ch.lock();
                return new PendingLock(stripe, ch);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            stripe.unlock();
            throw e;
        }
    }

    /** Releases the file lock (by closing its channel), then the stripe. */
    void release() throws IOException {
        try {
            channel.close();
        } finally {
            stripe.unlock();
        }
    }
}
