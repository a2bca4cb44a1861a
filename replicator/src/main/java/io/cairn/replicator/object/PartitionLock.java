package io.cairn.replicator.object;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code partition_lock(..., name='replication', timeout=0.2)}: an exclusive {@code flock} of
 * {@code <partition>/.lock-replication}, held while a handoff partition is reverted so an incoming SSYNC
 * to the same partition (which takes the same lock) cannot race the removal.
 *
 * <p>Thread-safety: one instance per holder; not shared.
 */
final class PartitionLock implements AutoCloseable {
    static final String FILE = ".lock-replication";
    private static final long TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long POLL_MILLIS = 10;

    private final FileChannel channel;
    private final FileLock lock;

    private PartitionLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock, or null when another holder kept it for 0.2 s or the partition directory is gone.
     *
     * @throws InterruptedException while waiting
     */
    static @Nullable PartitionLock tryLock(Path partitionDir) throws IOException, InterruptedException {
        FileChannel channel;
        try {
            channel = FileChannel.open(partitionDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return null;
        }
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        try {
            while (true) {
                FileLock lock = attempt(channel);
                if (lock != null) {
                    return new PartitionLock(channel, lock);
                }
                if (System.nanoTime() - deadline >= 0) {
                    channel.close();
                    return null;
                }
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static @Nullable FileLock attempt(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another thread of this JVM
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
