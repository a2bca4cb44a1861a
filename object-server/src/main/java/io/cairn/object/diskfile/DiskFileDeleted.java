package io.cairn.object.diskfile;

import io.cairn.common.time.Timestamp;
import io.cairn.object.metadata.ObjectMetadata;

/**
 * The newest file of the object is a tombstone ({@code .ts}): 404 with {@code X-Backend-Timestamp} set
 * to {@link #timestamp()} (internal form), and the 409 check of a PUT/DELETE compares against it.
 */
public class DiskFileDeleted extends DiskFileNotExist {
    private static final long serialVersionUID = 1L;

    private final transient Timestamp timestamp;
    private final transient ObjectMetadata metadata;

    public DiskFileDeleted(String message, Timestamp timestamp, ObjectMetadata metadata) {
        super(message);
        this.timestamp = timestamp;
        this.metadata = metadata;
    }

    /** The tombstone's timestamp (for an expired object: the newest of its data/meta timestamps). */
    public Timestamp timestamp() {
        return timestamp;
    }

    /** The tombstone's metadata (for an expired object: the object's merged metadata). */
    public ObjectMetadata metadata() {
        return metadata;
    }
}
