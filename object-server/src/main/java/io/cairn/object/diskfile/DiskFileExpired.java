package io.cairn.object.diskfile;

import io.cairn.common.time.Timestamp;
import io.cairn.object.metadata.ObjectMetadata;

/**
 * The object exists but its {@code X-Delete-At} is at or before the current time: it reads as 404 with
 * {@code X-Backend-Timestamp}, and a POST/DELETE treats it as missing.
 */
public class DiskFileExpired extends DiskFileDeleted {
    private static final long serialVersionUID = 1L;

    public DiskFileExpired(String message, Timestamp timestamp, ObjectMetadata metadata) {
        super(message, timestamp, metadata);
    }
}
