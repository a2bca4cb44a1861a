package io.cairn.account.commit;

import io.cairn.account.db.AccountBroker;
import io.cairn.account.db.ContainerRecord;
import io.cairn.common.db.GroupCommitWriter;
import io.cairn.common.io.DeviceExecutors;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Appends container reports to account DBs' {@code .pending} files in batches through a {@link
 * GroupCommitWriter}, as Swift's {@code put_container} → {@code put_record} does one by one: a report is
 * acknowledged once appended (one write per batch, no fsync); the file is folded into SQLite past {@code
 * PENDING_CAP}, {@code pending_fold_delay} after it became non-empty, and before every read.
 *
 * <p>Durability: as Swift's pending file — a process crash loses nothing; an OS crash may lose reports not
 * yet folded (the container server reports again on its next update).
 *
 * <p>Thread-safe: {@link #submit} from any thread.
 */
public final class ContainerReportCommitter implements AutoCloseable {
    private final GroupCommitWriter<ContainerRecord> writer;

    /**
     * @param executors the device executors the DB writers run on
     * @param ringSize Disruptor ring slots (power of two)
     * @param maxBatch most reports appended with one write
     * @param foldDelay how soon after a DB's pending file became non-empty it is folded (zero: at once)
     */
    public ContainerReportCommitter(DeviceExecutors executors, int ringSize, int maxBatch, Duration foldDelay) {
        this.writer = new GroupCommitWriter<>("account-commit", ringSize, executors, maxBatch, foldDelay);
    }

    /** Queues {@code record} for {@code broker}'s DB on {@code device}; completes once appended. */
    public CompletableFuture<Void> submit(String device, AccountBroker broker, ContainerRecord record) {
        return writer.submit(device, broker, record);
    }

    /** Append batches (one pending-file write each) so far. */
    public long batchesAppended() {
        return writer.batchesAppended();
    }

    /** Folds of a pending file into SQLite this writer ran (deferred or at the cap; readers' folds excluded). */
    public long folds() {
        return writer.folds();
    }

    @Override
    public void close() {
        writer.close();
    }
}
