package io.cairn.object.diskfile;

import io.cairn.object.metadata.ObjectMetadata;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes one new {@code .data}: body chunks go to a temp file in {@code <dev>/tmp[-N]} while the md5 is
 * updated; {@link #put} makes it the object. Swift's {@code DiskFileWriter}.
 *
 * <p>Lifecycle: {@code write}* → {@code put} → {@code close}. {@code close()} without a successful {@code
 * put} aborts: the temp file is removed and nothing appears. Thread-safety: not thread-safe; confined to
 * the device executor running the request (calls may come from different threads of that executor, one
 * at a time, with happens-before between them).
 */
public interface DiskFileWriter extends AutoCloseable {
    /** Appends {@code chunk}'s remaining bytes, advancing its position. */
    void write(ByteBuffer chunk) throws IOException;

    /**
     * Appends the readable bytes of {@code chunk} without copying them to the heap and advances its reader
     * index. Does not release the buffer: the caller owns it.
     */
    void write(ByteBuf chunk) throws IOException;

    /** Bytes written so far. */
    long bytesWritten();

    /**
     * Lowercase hex md5 of the bytes written so far; valid once writing is done (after {@link #senderDigest} when
     * {@link #expectSenderDigest} was called).
     */
    String etag();

    /**
     * The body's MD5 will be the sender's, given after the last write by {@link #senderDigest}, rather than hashed
     * here; the bytes written are checked by their CRC32C instead, at about a hundredth of MD5's CPU. Call before
     * the first write.
     */
    void expectSenderDigest();

    /**
     * The sender's digest of the whole body, after the last write: the bytes written must have its CRC32C (else
     * {@link DiskFileEtagMismatch}: the body changed on its way here), and its MD5 becomes {@link #etag()}.
     */
    void senderDigest(SenderDigest digest) throws DiskFileEtagMismatch;

    /**
     * Commits the object with {@code metadata}, which must contain {@code X-Timestamp}; {@code name},
     * {@code Content-Length} and {@code ETag} are added when absent. Verifies the size (against {@code
     * expectedSize} and any {@code Content-Length} given) and the ETag, writes the xattrs, fsyncs, renames
     * to {@code <hashdir>/<ts>.data}, fsyncs the directories, removes obsolete files and invalidates the
     * suffix hash. Returns the metadata as stored.
     *
     * @throws DiskFileSizeMismatch body length differs from what was announced (nothing written)
     * @throws DiskFileEtagMismatch the given ETag is not the body's md5 (nothing written)
     * @throws DiskFileXattrTooLarge the metadata does not fit in xattrs (nothing written)
     * @throws DiskFileNoSpace the device is full
     */
    ObjectMetadata put(ObjectMetadata metadata) throws IOException;

    /** Removes the temp file unless {@link #put} succeeded. Idempotent. */
    @Override
    void close() throws IOException;
}
