package io.cairn.account.db;

/**
 * One entry of {@code list_containers_iter}: a container row or a {@code subdir} (then only the name is
 * meaningful). Immutable.
 */
public record ContainerListingRow(String name, long objectCount, long bytesUsed, String putTimestamp, boolean subdir) {}
