package io.cairn.container.db;

import org.jspecify.annotations.Nullable;

/**
 * One object row update as Swift's {@code merge_items} receives it: {@code createdAt} is the data timestamp
 * (or an encoded triple), {@code ctypeTimestamp}/{@code metaTimestamp} optional explicit times. A delete is
 * {@code deleted = 1, size = 0, content_type = application/deleted, etag = noetag}. Immutable.
 */
public final class ObjectRecord {
    private final String name;
    private final String createdAt;
    private final long size;
    private final String contentType;
    private final String etag;
    private final int deleted;
    private final int storagePolicyIndex;
    private @Nullable String ctypeTimestamp;
    private @Nullable String metaTimestamp;

    /** A row with every column; {@code deleted} is 0 or 1. */
    public ObjectRecord(
            String name,
            String createdAt,
            long size,
            String contentType,
            String etag,
            int deleted,
            int storagePolicyIndex) {
        this.name = name;
        this.createdAt = createdAt;
        this.size = size;
        this.contentType = contentType;
        this.etag = etag;
        this.deleted = deleted;
        this.storagePolicyIndex = storagePolicyIndex;
    }

    /** A PUT row. */
    public static ObjectRecord put(
            String name, String timestamp, long size, String contentType, String etag, int policyIndex) {
        return new ObjectRecord(name, timestamp, size, contentType, etag, 0, policyIndex);
    }

    /** A DELETE row, as Swift's {@code delete_object} writes it. */
    public static ObjectRecord delete(String name, String timestamp, int policyIndex) {
        return new ObjectRecord(name, timestamp, 0, "application/deleted", "noetag", 1, policyIndex);
    }

    /** This row with explicit content-type and metadata timestamps (an object POST's update). */
    public ObjectRecord withTimestamps(@Nullable String ctype, @Nullable String meta) {
        ObjectRecord r = new ObjectRecord(name, createdAt, size, contentType, etag, deleted, storagePolicyIndex);
        r.ctypeTimestamp = ctype;
        r.metaTimestamp = meta;
        return r;
    }

    public String name() {
        return name;
    }

    public String createdAt() {
        return createdAt;
    }

    public long size() {
        return size;
    }

    public String contentType() {
        return contentType;
    }

    public String etag() {
        return etag;
    }

    public int deleted() {
        return deleted;
    }

    public int storagePolicyIndex() {
        return storagePolicyIndex;
    }

    public @Nullable String ctypeTimestamp() {
        return ctypeTimestamp;
    }

    public @Nullable String metaTimestamp() {
        return metaTimestamp;
    }

    @Override
    public String toString() {
        return "ObjectRecord[" + name + ", " + createdAt + ", deleted=" + deleted + ", policy=" + storagePolicyIndex
                + "]";
    }
}
