package io.cairn.account.commit;

import io.cairn.account.db.AccountBroker;
import io.cairn.account.db.ContainerRecord;
import io.cairn.common.db.GroupCommitWriter;
import io.cairn.common.io.DeviceExecutors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Commits container reports to account DBs in batches through a {@link GroupCommitWriter}: where Swift
 * appends each report to the DB's {@code .pending} file and folds it in later, Cairn acknowledges a report
 * once the transaction holding it (and every report queued for that DB meanwhile) committed.
 *
 * <p>Thread-safe: {@link #submit} from any thread.
 */
public final class ContainerReportCommitter implements AutoCloseable {
    private final GroupCommitWriter<AccountBroker, ContainerRecord> writer;

    public ContainerReportCommitter(DeviceExecutors executors, int ringSize, int maxBatch) {
        this.writer = new GroupCommitWriter<>(
                "account-commit", ringSize, executors, maxBatch, ContainerReportCommitter::apply);
    }

    private static void apply(AccountBroker broker, List<@Nullable ContainerRecord> batch) throws Exception {
        List<ContainerRecord> records = new ArrayList<>(batch.size());
        for (ContainerRecord r : batch) {
            if (r != null) {
                records.add(r);
            }
        }
        broker.commitPendingQuietly();
        broker.mergeItems(records, null, -1);
    }

    /** Queues {@code record} for {@code broker}'s DB on {@code device}; completes after its commit. */
    public CompletableFuture<Void> submit(String device, AccountBroker broker, ContainerRecord record) {
        return writer.submit(device, broker, record);
    }

    /** Transactions committed so far. */
    public long batchesCommitted() {
        return writer.batchesCommitted();
    }

    @Override
    public void close() {
        writer.close();
    }
}
