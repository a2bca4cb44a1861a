package io.cairn.object.diskfile.memory;

import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFileQuarantined;
import io.cairn.object.diskfile.DiskFileReader;
import io.cairn.object.diskfile.MetadataMerge;
import io.cairn.object.metadata.ObjectMetadata;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A {@link DiskFileReader} over an in-memory body; {@link #detachFileChannel()} is always null. */
final class MemoryDiskFileReader implements DiskFileReader {
    private final MetadataMerge.Merged merged;
    private final MemoryFile data;
    private final Timestamp dataTimestamp;
    private final @Nullable Timestamp metaTimestamp;
    private final Map<String, MemoryFile> hashDir;

    MemoryDiskFileReader(
            MetadataMerge.Merged merged,
            MemoryFile data,
            Timestamp dataTimestamp,
            @Nullable Timestamp metaTimestamp,
            Map<String, MemoryFile> hashDir) {
        this.hashDir = hashDir;
        this.merged = merged;
        this.data = data;
        this.dataTimestamp = dataTimestamp;
        this.metaTimestamp = metaTimestamp;
    }

    @Override
    public ObjectMetadata metadata() {
        return merged.metadata();
    }

    @Override
    public ObjectMetadata dataMetadata() {
        return data.metadata();
    }

    @Override
    public @Nullable ObjectMetadata metaMetadata() {
        return merged.metaMetadata();
    }

    @Override
    public Timestamp dataTimestamp() {
        return dataTimestamp;
    }

    @Override
    public @Nullable Timestamp metaTimestamp() {
        return metaTimestamp;
    }

    @Override
    public long contentLength() {
        return data.body().length;
    }

    @Override
    public int read(ByteBuffer dst, long position) {
        byte[] body = data.body();
        if (position >= body.length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), body.length - position);
        dst.put(body, (int) position, n);
        return n;
    }

    @Override
    public @Nullable FileChannel detachFileChannel() {
        return null;
    }

    /** Removes every file of the object (there is no quarantine directory in memory). */
    @Override
    public DiskFileQuarantined quarantine(String reason) {
        hashDir.clear();
        return new DiskFileQuarantined("quarantined " + merged.metadata().name() + " (in memory): " + reason);
    }

    @Override
    public void close() {}
}
