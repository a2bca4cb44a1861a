package io.cairn.object.diskfile;

import io.cairn.common.time.Timestamp;
import io.cairn.object.metadata.ObjectMetadata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.jspecify.annotations.Nullable;

/** A {@link DiskFileReader} over an open {@code .data} file. Not thread-safe (one request). */
final class LocalDiskFileReader implements DiskFileReader {
    private @Nullable FileChannel channel;
    private final FileChannel readChannel;
    private final ObjectMetadata metadata;
    private final ObjectMetadata dataMetadata;
    private final @Nullable ObjectMetadata metaMetadata;
    private final Timestamp dataTimestamp;
    private final @Nullable Timestamp metaTimestamp;
    private final long contentLength;

    LocalDiskFileReader(
            FileChannel channel,
            ObjectMetadata metadata,
            ObjectMetadata dataMetadata,
            @Nullable ObjectMetadata metaMetadata,
            Timestamp dataTimestamp,
            @Nullable Timestamp metaTimestamp,
            long contentLength) {
        this.channel = channel;
        this.readChannel = channel;
        this.metadata = metadata;
        this.dataMetadata = dataMetadata;
        this.metaMetadata = metaMetadata;
        this.dataTimestamp = dataTimestamp;
        this.metaTimestamp = metaTimestamp;
        this.contentLength = contentLength;
    }

    @Override
    public ObjectMetadata metadata() {
        return metadata;
    }

    @Override
    public ObjectMetadata dataMetadata() {
        return dataMetadata;
    }

    @Override
    public @Nullable ObjectMetadata metaMetadata() {
        return metaMetadata;
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
    public Timestamp timestamp() {
        Timestamp meta = metaTimestamp;
        return meta != null && meta.compareTo(dataTimestamp) > 0 ? meta : dataTimestamp;
    }

    @Override
    public Timestamp contentTypeTimestamp() {
        String t = metadata.get(ObjectMetadata.CONTENT_TYPE_TIMESTAMP);
        return t == null ? dataTimestamp : Timestamp.parse(t);
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
    public void close() throws IOException {
        FileChannel ch = channel;
        channel = null;
        if (ch != null) {
            ch.close();
        }
    }
}
