package io.cairn.object.diskfile;

import io.cairn.common.time.Timestamp;
import io.cairn.object.metadata.ObjectMetadata;
import java.io.IOException;

/**
 * One object name on one device and policy: its hash directory {@code objects[-N]/<part>/<suffix>/<hash>}
 * and the files in it. Swift's {@code DiskFile}.
 *
 * <p>Thread-safety: the handle itself is immutable and may be shared; concurrent writers of one name are
 * safe (each writes its own temp file; the newest timestamp wins at cleanup), as in Swift. Every method
 * blocks on the disk: call it from the device's executor.
 */
public interface DiskFile {
    String device();

    int partition();

    int policyIndex();

    /** {@code /a/c/o}: the {@code name} metadata value. */
    String name();

    /** The 32-hex {@code hash_path} of the name: the hash directory's name. */
    String nameHash();

    /**
     * Opens the current state: the newest {@code .data} with its {@code .meta} merged (reference §2.4),
     * expiry judged against the manager's clock.
     *
     * @throws DiskFileDeleted the newest file is a tombstone (carries its timestamp)
     * @throws DiskFileExpired {@code X-Delete-At} has passed
     * @throws DiskFileNotExist there is no object
     * @throws DiskFileQuarantined the files were corrupt and have been moved away
     * @throws DiskFileCollision the stored name differs from the requested one
     */
    DiskFileReader open() throws IOException;

    /** As {@link #open()}, judging expiry against {@code now} (a request's {@code X-Timestamp}). */
    DiskFileReader open(Timestamp now) throws IOException;

    /**
     * A writer for a new {@code .data} file; the caller must {@link DiskFileWriter#close()} it.
     *
     * @param expectedSize the body length if known (Content-Length), else -1; a known size is
     *     preallocated and checked at {@link DiskFileWriter#put}
     * @throws DiskFileNoSpace the device cannot hold {@code expectedSize} bytes
     */
    DiskFileWriter writer(long expectedSize) throws IOException;

    /**
     * Fast-POST: writes {@code <ts>.meta} (or {@code <ts><±delta>.meta} when the metadata carries a
     * {@code Content-Type-Timestamp}) with {@code metadata}, which must contain {@code X-Timestamp};
     * {@code name} is added. Temp file, xattrs, fsync, rename, dir fsync, cleanup, suffix invalidation.
     *
     * @throws DiskFileXattrTooLarge the metadata does not fit; nothing was written
     */
    void writeMetadata(ObjectMetadata metadata) throws IOException;

    /** Writes the tombstone {@code <timestamp>.ts} (metadata {@code {X-Timestamp, name}}), then cleans up. */
    void delete(Timestamp timestamp) throws IOException;
}
