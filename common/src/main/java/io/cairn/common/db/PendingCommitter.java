package io.cairn.common.db;

import io.cairn.common.io.DeviceExecutors;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A server's row writer, Swift's {@code put_record} in batches over a {@link GroupCommitWriter}: {@link #submit}
 * queues one row for a DB, the DB's single writer (on its device executor) appends every row queued so far to
 * the DB's {@code .pending} file with one write and completes that batch; the file is folded into SQLite past
 * {@code PENDING_CAP}, {@code pending_fold_delay} after it became non-empty, and before every read. Each server
 * names its rows and broker by subclassing.
 *
 * <p>Durability: as Swift's pending file — a process crash loses nothing; an OS crash may lose rows not yet
 * folded.
 *
 * <p>Thread-safe: {@link #submit} from any thread.
 *
 * @param <R> the row type
 * @param <B> the broker of the DBs the rows go to
 */
public abstract class PendingCommitter<R, B extends DatabaseBroker<R>> implements AutoCloseable {
    private final GroupCommitWriter<R> writer;

    /**
     * @param name the writer's name (its threads and metrics)
     * @param executors the device executors the DB writers run on
     * @param ringSize Disruptor ring slots (power of two); a full ring answers 503 for the device
     * @param maxBatch most rows appended with one write
     * @param foldDelay how soon after a DB's pending file became non-empty it is folded (zero: at once)
     */
    protected PendingCommitter(String name, DeviceExecutors executors, int ringSize, int maxBatch, Duration foldDelay) {
        this.writer = new GroupCommitWriter<>(name, ringSize, executors, maxBatch, foldDelay);
    }

    /** Queues {@code row} for {@code broker}'s DB on {@code device}; completes once its batch was appended. */
    public final CompletableFuture<Void> submit(String device, B broker, R row) {
        return writer.submit(device, broker, row);
    }

    /** Append batches (one pending-file write each) so far. */
    public final long batchesAppended() {
        return writer.batchesAppended();
    }

    /** Rows acknowledged so far. */
    public final long rowsAppended() {
        return writer.rowsAppended();
    }

    /** Folds of a pending file into SQLite this writer ran (deferred or at the cap; readers' folds excluded). */
    public final long folds() {
        return writer.folds();
    }

    @Override
    public final void close() {
        writer.close();
    }
}
