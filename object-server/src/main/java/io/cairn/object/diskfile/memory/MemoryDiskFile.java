package io.cairn.object.diskfile.memory;

import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFile;
import io.cairn.object.diskfile.DiskFileDeleted;
import io.cairn.object.diskfile.DiskFileExpired;
import io.cairn.object.diskfile.DiskFileNotExist;
import io.cairn.object.diskfile.DiskFileReader;
import io.cairn.object.diskfile.DiskFileWriter;
import io.cairn.object.diskfile.MetadataMerge;
import io.cairn.object.diskfile.NamedDiskFile;
import io.cairn.object.diskfile.OnDiskFileName;
import io.cairn.object.diskfile.OnDiskFileSet;
import io.cairn.object.metadata.ObjectMetadata;
import java.io.IOException;
import java.util.Map;

/** A {@link DiskFile} in a {@link MemoryDiskFileManager}. Immutable handle; thread-safe. */
final class MemoryDiskFile extends NamedDiskFile {
    private final MemoryDiskFileManager manager;

    MemoryDiskFile(
            MemoryDiskFileManager manager,
            String device,
            int partition,
            int policyIndex,
            String name,
            String nameHash) {
        super(device, partition, policyIndex, name, nameHash);
        this.manager = manager;
    }

    @Override
    public DiskFileReader open() throws IOException {
        return open(Timestamp.now(manager.clock()));
    }

    @Override
    public DiskFileReader open(Timestamp now) throws IOException {
        manager.checkDevice(device);
        Map<String, MemoryFile> dir = manager.hashDir(device, policyIndex, partition, nameHash, false);
        if (dir == null) {
            throw new DiskFileNotExist("no object " + name);
        }
        synchronized (dir) {
            OnDiskFileSet set = OnDiskFileSet.of(dir.keySet());
            OnDiskFileName data = set.data();
            if (data == null) {
                OnDiskFileName ts = set.tombstone();
                if (ts != null) {
                    throw new DiskFileDeleted(
                            "object " + name + " is deleted at "
                                    + ts.timestamp().internal(),
                            ts.timestamp(),
                            file(dir, ts).metadata());
                }
                throw new DiskFileNotExist("no object " + name);
            }
            MemoryFile dataFile = file(dir, data);
            OnDiskFileName meta = set.meta();
            OnDiskFileName ctype = set.contentTypeMeta();
            MetadataMerge.Merged merged = MetadataMerge.merge(
                    dataFile.metadata(),
                    data.timestamp(),
                    meta == null ? null : file(dir, meta).metadata(),
                    meta == null || ctype == null || ctype.equals(meta)
                            ? null
                            : file(dir, ctype).metadata());
            if (MetadataMerge.isExpired(merged.metadata(), now)) {
                Timestamp newest = merged.metadata().timestamp();
                throw new DiskFileExpired(
                        "object " + name + " expired", newest == null ? data.timestamp() : newest, merged.metadata());
            }
            return new MemoryDiskFileReader(
                    merged, dataFile, data.timestamp(), meta == null ? null : meta.timestamp(), dir);
        }
    }

    private static MemoryFile file(Map<String, MemoryFile> dir, OnDiskFileName f) {
        MemoryFile m = dir.get(f.filename());
        if (m == null) {
            throw new IllegalStateException("file " + f + " vanished under the lock");
        }
        return m;
    }

    @Override
    public DiskFileWriter writer(long expectedSize) throws IOException {
        manager.checkDevice(device);
        return new MemoryDiskFileWriter(this, expectedSize);
    }

    /** Adds a file to the hash directory and cleans up, atomically. */
    void commit(String fileName, ObjectMetadata metadata, byte[] body) throws IOException {
        manager.checkDevice(device);
        Map<String, MemoryFile> dir = manager.hashDir(device, policyIndex, partition, nameHash, true);
        if (dir == null) {
            throw new IllegalStateException("hashDir(create=true) returned null");
        }
        synchronized (dir) {
            dir.put(fileName, new MemoryFile(metadata.with(ObjectMetadata.NAME, name), body));
            manager.cleanup(dir);
        }
    }

    @Override
    public void writeMetadata(ObjectMetadata metadata) throws IOException {
        Timestamp ts = metadata.timestamp();
        if (ts == null) {
            throw new IllegalArgumentException("metadata for a .meta needs X-Timestamp");
        }
        String ctypeTs = metadata.get(ObjectMetadata.CONTENT_TYPE_TIMESTAMP);
        commit(
                OnDiskFileName.make(ts, OnDiskFileName.META, ctypeTs == null ? null : Timestamp.parse(ctypeTs)),
                metadata,
                new byte[0]);
    }

    @Override
    public void delete(Timestamp timestamp) throws IOException {
        commit(
                OnDiskFileName.make(timestamp, OnDiskFileName.TOMBSTONE, null),
                ObjectMetadata.tombstone(name, timestamp),
                new byte[0]);
    }
}
