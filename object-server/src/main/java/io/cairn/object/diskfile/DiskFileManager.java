package io.cairn.object.diskfile;

import io.cairn.object.update.AsyncUpdate;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the object storage of one node: every device under the {@code devices} root and every
 * storage policy (directories {@code objects[-N]}, {@code tmp[-N]}, {@code async_pending[-N]}). Swift's
 * {@code DiskFileManager} (replicated policies).
 *
 * <p>Thread-safety: implementations are thread-safe. Every method may block on the disk and must be
 * called from the device's executor ({@code io.cairn.common.io.DeviceExecutors}), never an event loop.
 */
public interface DiskFileManager extends AutoCloseable {
    /**
     * The handle of one object. Cheap: touches the disk only to check that the device is usable.
     *
     * @throws DiskFileDeviceUnavailable if the device is missing or unmounted (507)
     */
    DiskFile diskFile(String device, int partition, String account, String container, String object, int policyIndex)
            throws DiskFileDeviceUnavailable;

    /**
     * The object whose hash directory is {@code objects[-N]/<partition>/<hash[-3:]>/<nameHash>}, named by
     * the {@code name} stored in its files (after cleanup). Swift's {@code get_diskfile_from_hash}.
     *
     * @throws DiskFileNotExist the directory has no files, or none with a readable three-part name
     * @throws DiskFileDeviceUnavailable if the device is missing or unmounted
     */
    DiskFile diskFileFromHash(String device, int partition, String nameHash, int policyIndex) throws IOException;

    /**
     * Every object hash in the given {@code suffixes} of a partition with its timestamps, after cleaning
     * each hash directory up; hash directories without {@code .data} or {@code .ts} are skipped, and a
     * suffix with no files is invalidated (so the next rehash removes it). Swift's {@code yield_hashes}
     * with explicit suffixes; the order is the directory listing's (sorted here, for determinism).
     *
     * @throws DiskFileDeviceUnavailable if the device is missing or unmounted
     */
    List<ObjectTimestamps> yieldHashes(String device, int partition, int policyIndex, Collection<String> suffixes)
            throws IOException;

    /**
     * REPLICATE {@code /<device>/<partition>}: Swift's {@code get_hashes} — suffix to md5 hex for every
     * suffix directory of the partition, after rehashing the {@code recalculate} suffixes and every
     * suffix invalidated by a write (cleanup and tombstone reclaim run while hashing, as in Swift).
     * Empty when the partition directory does not exist.
     */
    Map<String, String> suffixHashes(String device, int partition, int policyIndex, Collection<String> recalculate)
            throws IOException;

    /**
     * REPLICATE {@code /<device>/<partition>/<s1-s2-…>}: marks the suffixes for rehash (Swift's {@code
     * skip_rehash=True}); invalid suffix names are ignored as Swift ignores them.
     */
    void invalidateSuffixes(String device, int partition, int policyIndex, Collection<String> suffixes)
            throws IOException;

    /**
     * Writes a container update that could not be delivered as an async_pending file in Swift's format
     * ({@code <dev>/async_pending[-N]/<hash[-3:]>/<hash>-<ts>}), durably.
     */
    void pickleAsyncUpdate(String device, int policyIndex, AsyncUpdate update) throws IOException;

    /**
     * Removes leftover temp files in every device's {@code tmp[-N]} directories (a crash between write
     * and rename leaves them); called once at start. Returns how many were removed.
     */
    int cleanupTempFiles() throws IOException;

    /** Releases what the manager holds open (suffix hash maps). */
    @Override
    void close();
}
