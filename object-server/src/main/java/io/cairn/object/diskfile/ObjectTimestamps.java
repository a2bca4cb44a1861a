package io.cairn.object.diskfile;

import io.cairn.common.time.Timestamp;
import org.jspecify.annotations.Nullable;

/**
 * One object hash of a partition with the timestamps that define it: what Swift's {@code
 * DiskFileManager.yield_hashes} yields ({@code (hash, {ts_data, ts_meta, ts_ctype, durable})}) and what
 * ssync's missing_check offers.
 *
 * @param nameHash the 32-hex hash directory name
 * @param tsData the {@code .data} or {@code .ts} timestamp
 * @param tsMeta the newest {@code .meta} timestamp, or null when there is none
 * @param tsCtype the content-type timestamp of a {@code .meta} newer than the data, or null
 * @param durable whether the data is durable (always true for replicated policies)
 *     <p>Immutable.
 */
public record ObjectTimestamps(
        String nameHash,
        Timestamp tsData,
        @Nullable Timestamp tsMeta,
        @Nullable Timestamp tsCtype,
        boolean durable) {

    /** The timestamps of a cleaned-up file set, or null when it has neither {@code .data} nor {@code .ts}. */
    public static @Nullable ObjectTimestamps of(String nameHash, OnDiskFileSet files) {
        OnDiskFileName data = files.data();
        OnDiskFileName ts = files.tombstone();
        Timestamp tsData = data != null ? data.timestamp() : ts != null ? ts.timestamp() : null;
        if (tsData == null) {
            return null;
        }
        OnDiskFileName meta = files.meta();
        OnDiskFileName ctype = files.contentTypeMeta();
        return new ObjectTimestamps(
                nameHash,
                tsData,
                meta == null ? null : meta.timestamp(),
                ctype == null ? null : ctype.contentTypeTimestamp(),
                true);
    }
}
