package io.cairn.container.commit;

import io.cairn.common.db.GroupCommitWriter;
import io.cairn.common.io.DeviceExecutors;
import io.cairn.container.db.ContainerBroker;
import io.cairn.container.db.ObjectRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The container server's object-row writer: {@link #submit} queues one row for a container DB on the
 * shared {@link GroupCommitWriter}; the DB's single writer (on its device executor) merges every row
 * queued so far with Swift's {@code merge_items} rules in ONE transaction, and only then completes the
 * futures of that batch. N concurrent updates to one container therefore cost far fewer than N
 * transactions.
 *
 * <p>Thread-safe: {@link #submit} from any thread (event loops, device executors).
 */
public final class ObjectRowCommitter implements AutoCloseable {
    private final GroupCommitWriter<ContainerBroker, ObjectRecord> writer;

    /**
     * @param executors the device executors the DB writers run on
     * @param ringSize Disruptor ring slots (power of two); a full ring answers 503 for the device
     * @param maxBatch most rows merged in one transaction
     */
    public ObjectRowCommitter(DeviceExecutors executors, int ringSize, int maxBatch) {
        this.writer = new GroupCommitWriter<>(
                "container-group-commit", ringSize, executors, maxBatch, ObjectRowCommitter::applyBatch);
    }

    private static void applyBatch(ContainerBroker broker, List<@Nullable ObjectRecord> updates) throws Exception {
        List<ObjectRecord> rows = new ArrayList<>(updates.size());
        for (ObjectRecord r : updates) {
            if (r != null) {
                rows.add(r);
            }
        }
        broker.mergeItems(rows, null, -1);
    }

    /** Queues {@code row} for {@code broker}'s DB on {@code device}; completes once its batch committed. */
    public CompletableFuture<Void> submit(String device, ContainerBroker broker, ObjectRecord row) {
        return writer.submit(device, broker, row);
    }

    /** Transactions (batches) committed so far. */
    public long batchesCommitted() {
        return writer.batchesCommitted();
    }

    /** Rows committed so far. */
    public long rowsCommitted() {
        return writer.updatesCommitted();
    }

    @Override
    public void close() {
        writer.close();
    }
}
