package io.cairn.object.diskfile;

import io.cairn.common.time.Timestamp;
import io.cairn.object.metadata.ObjectMetadata;
import org.jspecify.annotations.Nullable;

/**
 * What every {@link DiskFileReader} answers from the files it opened: the merged metadata (§2.4), the {@code
 * .data} file's own metadata and timestamp, and the {@code .meta} file's timestamp if there is one.
 *
 * <p>Thread-safety: these accessors are immutable; see the implementation for the rest.
 */
public abstract class MergedDiskFileReader implements DiskFileReader {
    private final MetadataMerge.Merged merged;
    private final ObjectMetadata dataMetadata;
    private final Timestamp dataTimestamp;
    private final @Nullable Timestamp metaTimestamp;

    protected MergedDiskFileReader(
            MetadataMerge.Merged merged,
            ObjectMetadata dataMetadata,
            Timestamp dataTimestamp,
            @Nullable Timestamp metaTimestamp) {
        this.merged = merged;
        this.dataMetadata = dataMetadata;
        this.dataTimestamp = dataTimestamp;
        this.metaTimestamp = metaTimestamp;
    }

    @Override
    public final ObjectMetadata metadata() {
        return merged.metadata();
    }

    @Override
    public final ObjectMetadata dataMetadata() {
        return dataMetadata;
    }

    @Override
    public final @Nullable ObjectMetadata metaMetadata() {
        return merged.metaMetadata();
    }

    @Override
    public final Timestamp dataTimestamp() {
        return dataTimestamp;
    }

    @Override
    public final @Nullable Timestamp metaTimestamp() {
        return metaTimestamp;
    }
}
