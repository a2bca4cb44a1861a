package io.cairn.object.diskfile;

import io.cairn.common.time.Timestamp;
import io.cairn.object.metadata.ObjectMetadata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.jspecify.annotations.Nullable;

/**
 * An opened object: its merged metadata and a handle on the {@code .data} body. Swift's {@code
 * DiskFileReader} plus the state {@code DiskFile.open()} establishes.
 *
 * <p>Ownership: the reader owns an open file; close it. To send the body with Netty's {@code
 * DefaultFileRegion} (sendfile), take the channel with {@link #detachFileChannel()}: the region then owns
 * it (and closes it on release) and {@link #close()} leaves it alone.
 *
 * <p>Thread-safety: not thread-safe; used by one request at a time. {@link #read} is a positional read
 * and does not move any shared position.
 */
public interface DiskFileReader extends AutoCloseable {
    /** {@code .data} metadata with the {@code .meta} applied (reference §2.4): what GET/HEAD answer with. */
    ObjectMetadata metadata();

    /** The {@code .data} file's own metadata. */
    ObjectMetadata dataMetadata();

    /** The {@code .meta} file's metadata, or null when there is none. */
    @Nullable
    ObjectMetadata metaMetadata();

    /** {@code X-Timestamp} of the {@code .data}: {@code X-Backend-Data-Timestamp}. */
    Timestamp dataTimestamp();

    /** The {@code .meta}'s timestamp, or null. */
    @Nullable
    Timestamp metaTimestamp();

    /**
     * The newest of data and meta timestamps: {@code X-Backend-Timestamp} and {@code X-Timestamp}. Derived from
     * the two above, so every store answers it the same way.
     */
    default Timestamp timestamp() {
        Timestamp meta = metaTimestamp();
        Timestamp data = dataTimestamp();
        return meta != null && meta.compareTo(data) > 0 ? meta : data;
    }

    /**
     * When the current Content-Type was set: the merged metadata's content-type time (a newer {@code .meta}
     * may carry one), else the data time.
     */
    default Timestamp contentTypeTimestamp() {
        String t = metadata().get(ObjectMetadata.CONTENT_TYPE_TIMESTAMP);
        return t == null ? dataTimestamp() : Timestamp.parse(t);
    }

    /** Body length in bytes (the {@code .data} file size, verified equal to {@code Content-Length}). */
    long contentLength();

    /** Reads body bytes at {@code position} into {@code dst}; -1 at the end. */
    int read(ByteBuffer dst, long position) throws IOException;

    /**
     * The body's file channel for zero-copy sending ({@code new DefaultFileRegion(ch, 0,
     * contentLength())}); ownership passes to the caller. Null when the body is not in a file (the
     * in-memory twin): use {@link #read} then. May be called once.
     */
    @Nullable
    FileChannel detachFileChannel();

    /**
     * Swift's {@code DiskFileReader._quarantine}: moves the object's whole hash directory to {@code
     * quarantined/objects[-N]/} and invalidates its suffix (reference §2.7), because a read found the body
     * corrupt (size or MD5 different from the metadata). Returns the exception for the caller to throw or
     * report. Blocks on the disk.
     */
    DiskFileQuarantined quarantine(String reason) throws IOException;

    /** Closes the body file unless it was detached. */
    @Override
    void close() throws IOException;
}
