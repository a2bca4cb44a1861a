package io.cairn.container.commit;

import io.cairn.common.db.PendingCommitter;
import io.cairn.common.io.DeviceExecutors;
import io.cairn.container.db.ContainerBroker;
import io.cairn.container.db.ObjectRecord;
import java.time.Duration;

/**
 * The container server's object-row writer, Swift's {@code put_object} → {@code put_record} in batches:
 * {@link #submit} queues one row for a container DB on the shared {@link GroupCommitWriter}; the DB's single
 * writer (on its device executor) appends every row queued so far to the DB's {@code .pending} file with ONE
 * write and then completes the futures of that batch. The pending file is folded into SQLite in one
 * transaction past Swift's {@code PENDING_CAP}, {@code pending_fold_delay} after it became non-empty, and
 * before every read (GET/HEAD/POST/PUT/DELETE of the container, REPLICATE).
 *
 * <p>Durability: a 201/204 means the row reached the page cache (no fsync), exactly as Swift's pending file:
 * a process crash loses nothing; an OS crash may lose rows not yet folded.
 *
 * <p>Thread-safe: {@link #submit} from any thread (event loops, device executors).
 */
public final class ObjectRowCommitter extends PendingCommitter<ObjectRecord, ContainerBroker> {
    /**
     * @param executors the device executors the DB writers run on
     * @param ringSize Disruptor ring slots (power of two); a full ring answers 503 for the device
     * @param maxBatch most rows appended with one write
     * @param foldDelay how soon after a DB's pending file became non-empty its rows are folded into SQLite
     *     (zero: after every append batch)
     */
    public ObjectRowCommitter(DeviceExecutors executors, int ringSize, int maxBatch, Duration foldDelay) {
        super("container-group-commit", executors, ringSize, maxBatch, foldDelay);
    }
}
