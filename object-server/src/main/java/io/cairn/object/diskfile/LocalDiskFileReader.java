package io.cairn.object.diskfile;

import io.cairn.object.metadata.ObjectMetadata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.jspecify.annotations.Nullable;

/** A {@link DiskFileReader} over an open {@code .data} file. Not thread-safe (one request). */
final class LocalDiskFileReader extends MergedDiskFileReader {
    private @Nullable FileChannel channel;
    private final FileChannel readChannel;
    private final long contentLength;
    private final LocalDiskFile owner;
    private final String dataFileName;

    LocalDiskFileReader(
            LocalDiskFile owner,
            OnDiskFileName data,
            @Nullable OnDiskFileName metaFile,
            FileChannel channel,
            MetadataMerge.Merged merged,
            ObjectMetadata dataMetadata,
            long contentLength) {
        super(merged, dataMetadata, data.timestamp(), metaFile == null ? null : metaFile.timestamp());
        this.owner = owner;
        this.dataFileName = data.filename();
        this.channel = channel;
        this.readChannel = channel;
        this.contentLength = contentLength;
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    // hot path: no allocation
    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return readChannel.read(dst, position);
    }

    @Override
    public @Nullable FileChannel detachFileChannel() {
        FileChannel ch = channel;
        channel = null;
        return ch;
    }

    @Override
    public DiskFileQuarantined quarantine(String reason) throws IOException {
        return owner.quarantine(dataFileName, reason);
    }

    @Override
    public void close() throws IOException {
        FileChannel ch = channel;
        channel = null;
        if (ch != null) {
            ch.close();
        }
    }
}
