package io.cairn.account.db;

import io.cairn.common.time.Timestamp;

/**
 * One row of the account DB's {@code container} table, as a container server reports it
 * ({@code put_container}) or a peer sends it ({@code merge_items}). Immutable.
 *
 * @param name container name
 * @param putTimestamp internal timestamp of the container's last PUT
 * @param deleteTimestamp internal timestamp of its last DELETE ({@code "0"} if none)
 * @param objectCount objects in the container
 * @param bytesUsed bytes in the container
 * @param deleted 1 when the row is a deletion
 * @param storagePolicyIndex the container's storage policy
 */
public record ContainerRecord(
        String name,
        String putTimestamp,
        String deleteTimestamp,
        long objectCount,
        long bytesUsed,
        int deleted,
        int storagePolicyIndex) {

    /**
     * A container report as {@code AccountBroker.put_container} builds it: deleted iff the delete
     * timestamp is newer than the put timestamp and the container holds no objects.
     */
    public static ContainerRecord report(
            String name, String putTimestamp, String deleteTimestamp, long objectCount, long bytesUsed, int policy) {
        boolean deleted =
                Timestamp.parse(deleteTimestamp).compareTo(Timestamp.parse(putTimestamp)) > 0 && objectCount == 0;
        return new ContainerRecord(
                name, putTimestamp, deleteTimestamp, objectCount, bytesUsed, deleted ? 1 : 0, policy);
    }
}
