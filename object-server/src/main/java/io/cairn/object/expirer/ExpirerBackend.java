package io.cairn.object.expirer;

import io.cairn.common.path.ExpiringObjects;
import io.cairn.common.time.Timestamp;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the expirer asks of the cluster, the operations Swift's expirer makes through its internal client
 * and {@code direct_delete_container_entry}. Futures never block their caller; a listing future fails when no
 * replica could answer.
 *
 * <p>Implementations are thread-safe.
 */
public interface ExpirerBackend {
    /** One row of a listing: its name and (for task rows) its content type. */
    record Entry(String name, String contentType) {}

    /** A pass begins: forget what may have changed since the last one (cached container policies). */
    default void passStarted() {}

    /**
     * One page of {@code account}'s containers after {@code marker}, in name order; empty at the end or when
     * the account does not exist.
     */
    CompletableFuture<List<Entry>> listContainers(String account, String marker);

    /** One page of a task container's rows after {@code marker}, in name order; empty at the end or if gone. */
    CompletableFuture<List<Entry>> listObjects(String account, String container, String marker);

    /**
     * Whether {@code page}, a non-empty page of {@link #listContainers} or {@link #listObjects}, is known to be the last one, so asking for the
     * next (which would come back empty) can be skipped; by default only an empty page ends a listing.
     */
    default boolean isLastPage(List<Entry> page) {
        return false;
    }

    /**
     * Deletes the task's object as the proxy would for the expirer's request: {@code X-Timestamp} = the task's
     * time, and unless {@code asyncDelete}, {@code X-If-Delete-At} = that time and {@code
     * X-Backend-Clean-Expiring-Object-Queue: no}. Completes with the status a proxy would answer (its {@code
     * best_response} over the object's replicas; 503 without a quorum or when nothing answered).
     */
    CompletableFuture<Integer> deleteObject(ExpiringObjects.Task task, boolean asyncDelete);

    /**
     * Removes task rows of one task container from every replica of it, each row with {@code X-Timestamp: now}:
     * Swift's {@code direct_delete_container_entry} per row, or one {@code merge_items} of deleted rows per
     * replica. Answers do not matter (Swift ignores them: a replica that missed a row gets it from the others'
     * replication); the future completes when every replica answered or failed, and never fails.
     */
    CompletableFuture<Void> deleteTasks(String account, String container, List<String> tasks, Timestamp now);

    /**
     * Deletes an empty task container (the proxy's container DELETE: every replica, each updating an account
     * replica); completes with the status a proxy would answer.
     */
    CompletableFuture<Integer> deleteContainer(String account, String container, Timestamp now);
}
