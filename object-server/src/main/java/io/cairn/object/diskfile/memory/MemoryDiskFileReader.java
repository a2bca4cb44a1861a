package io.cairn.object.diskfile.memory;

import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFileQuarantined;
import io.cairn.object.diskfile.DiskFileReader;
import io.cairn.object.diskfile.MergedDiskFileReader;
import io.cairn.object.diskfile.MetadataMerge;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A {@link DiskFileReader} over an in-memory body; {@link #detachFileChannel()} is always null. */
final class MemoryDiskFileReader extends MergedDiskFileReader {
    private final MemoryFile data;
    private final Map<String, MemoryFile> hashDir;

    MemoryDiskFileReader(
            MetadataMerge.Merged merged,
            MemoryFile data,
            Timestamp dataTimestamp,
            @Nullable Timestamp metaTimestamp,
            Map<String, MemoryFile> hashDir) {
        super(merged, data.metadata(), dataTimestamp, metaTimestamp);
        this.hashDir = hashDir;
        this.data = data;
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
        return new DiskFileQuarantined("quarantined " + metadata().name() + " (in memory): " + reason);
    }

    @Override
    public void close() {}
}
