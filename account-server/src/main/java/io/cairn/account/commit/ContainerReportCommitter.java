package io.cairn.account.commit;

import io.cairn.account.db.AccountBroker;
import io.cairn.account.db.ContainerRecord;
import io.cairn.common.db.PendingCommitter;
import io.cairn.common.io.DeviceExecutors;
import java.time.Duration;

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
public final class ContainerReportCommitter extends PendingCommitter<ContainerRecord, AccountBroker> {
    /**
     * @param executors the device executors the DB writers run on
     * @param ringSize Disruptor ring slots (power of two)
     * @param maxBatch most reports appended with one write
     * @param foldDelay how soon after a DB's pending file became non-empty it is folded (zero: at once)
     */
    public ContainerReportCommitter(DeviceExecutors executors, int ringSize, int maxBatch, Duration foldDelay) {
        super("account-commit", executors, ringSize, maxBatch, foldDelay);
    }
}
