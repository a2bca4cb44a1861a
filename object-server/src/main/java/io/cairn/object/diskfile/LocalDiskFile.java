package io.cairn.object.diskfile;

import io.cairn.common.io.LinuxFiles;
import io.cairn.common.io.NativeFile;
import io.cairn.common.time.Timestamp;
import io.cairn.object.metadata.MetadataFormatException;
import io.cairn.object.metadata.ObjectMetadata;
import io.cairn.object.metadata.XattrMetadataStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DiskFile} on a real device. Opening follows Swift's {@code DiskFile.open} and {@code
 * _construct_from_data_file}: choose files (§2.3), read and verify metadata, merge {@code .meta} (§2.4),
 * check name, {@code X-Delete-At} and size; corruption quarantines the hash directory.
 *
 * <p>Thread-safety: immutable handle; see {@link DiskFile}.
 */
final class LocalDiskFile extends NamedDiskFile {
    private final LocalDiskFileManager manager;
    private final Path devicePath;
    private final Path hashDir;
    /** Opened by hash directory (auditor): the name comes from the metadata and must hash to the dir. */
    private final boolean byHash;

    LocalDiskFile(
            LocalDiskFileManager manager,
            Path devicePath,
            String device,
            int partition,
            int policyIndex,
            @Nullable String name,
            String nameHash) {
        super(device, partition, policyIndex, name == null ? "" : name, nameHash);
        this.manager = manager;
        this.byHash = name == null;
        this.devicePath = devicePath;
        this.hashDir = DiskLayout.hashDir(devicePath, policyIndex, partition, nameHash);
    }

    Path hashDir() {
        return hashDir;
    }

    Path devicePath() {
        return devicePath;
    }

    LocalDiskFileManager manager() {
        return manager;
    }

    @Override
    public DiskFileReader open() throws IOException {
        return open(Timestamp.now(manager.clock()));
    }

    @Override
    public DiskFileReader open(Timestamp now) throws IOException {
        OnDiskFileSet files = OnDiskFileSet.of(HashDirCleanup.list(hashDir));
        OnDiskFileName data = files.data();
        if (data == null) {
            OnDiskFileName ts = files.tombstone();
            if (ts != null) {
                ObjectMetadata tsMeta = readMetadata(ts);
                throw new DiskFileDeleted(
                        "object " + name + " is deleted at " + ts.timestamp().internal(), ts.timestamp(), tsMeta);
            }
            throw new DiskFileNotExist("no object " + name);
        }
        Path dataPath = hashDir.resolve(data.filename());
        LinuxFiles linux = manager.linux();
        FileChannel ch;
        MetadataRead dataMetaRead;
        try {
            if (linux == null) {
                ch = FileChannel.open(dataPath, StandardOpenOption.READ);
                dataMetaRead = () -> XattrMetadataStore.read(dataPath);
            } else {
                NativeFile open = linux.openRead(dataPath);
                ch = open.channel();
                // the open descriptor's xattrs, as Swift's read_metadata(fd): no second open of the .data by path
                dataMetaRead = () -> XattrMetadataStore.read(linux, open, dataPath);
            }
        } catch (NoSuchFileException e) {
            throw new DiskFileNotExist("object " + name + " was replaced while opening");
        }
        try {
            ObjectMetadata dataMeta = readMetadata(data, dataMetaRead);
            LocalDiskFileReader reader = construct(ch, dataMeta, files, now);
            ch = null;
            return reader;
        } finally {
            if (ch != null) {
                ch.close();
            }
        }
    }

    private LocalDiskFileReader construct(FileChannel ch, ObjectMetadata dataMeta, OnDiskFileSet files, Timestamp now)
            throws IOException {
        OnDiskFileName data = files.data();
        if (data == null) {
            throw new IllegalStateException("construct needs a data file");
        }
        Timestamp dataTs = data.timestamp();
        OnDiskFileName metaFile = files.meta();
        OnDiskFileName ctypeFile = files.contentTypeMeta();
        ObjectMetadata metaFileMeta = metaFile == null ? null : readMetadata(metaFile);
        ObjectMetadata ctypeFileMeta =
                metaFile == null || ctypeFile == null || ctypeFile.equals(metaFile) ? null : readMetadata(ctypeFile);
        MetadataMerge.Merged merged = MetadataMerge.merge(dataMeta, dataTs, metaFileMeta, ctypeFileMeta);
        long size = verify(data, merged.metadata(), ch, now);
        return new LocalDiskFileReader(this, data, metaFile, ch, merged, dataMeta, size);
    }

    /** Swift's {@code _verify_data_file}: name, X-Delete-At, Content-Length against the file size. */
    private long verify(OnDiskFileName data, ObjectMetadata metadata, FileChannel ch, Timestamp now)
            throws IOException {
        String stored = metadata.name();
        if (stored == null) {
            throw quarantine(data, "missing name metadata");
        }
        if (byHash) {
            // Swift's _verify_name_matches_hash: hash_path(name.lstrip('/')) hashes "/" + name
            String fromName = manager.hashPathOfName(stored);
            if (!fromName.equals(nameHash)) {
                throw quarantine(data, "Hash of name in metadata does not match directory name");
            }
        } else if (!stored.equals(name)) {
            throw new DiskFileCollision(
                    "Client path " + name + " does not match path stored in object metadata " + stored);
        }
        String deleteAt = metadata.get(ObjectMetadata.X_DELETE_AT);
        if (deleteAt != null) {
            boolean expired;
            try {
                expired = MetadataMerge.isExpired(metadata, now);
            } catch (NumberFormatException e) {
                throw quarantine(data, "bad metadata x-delete-at value " + deleteAt);
            }
            if (expired) {
                Timestamp newest = metadata.timestamp();
                throw new DiskFileExpired(
                        "object " + name + " expired at " + deleteAt,
                        newest == null ? data.timestamp() : newest,
                        metadata);
            }
        }
        String cl = metadata.get(ObjectMetadata.CONTENT_LENGTH);
        if (cl == null) {
            throw quarantine(data, "missing content-length in metadata");
        }
        long expected;
        try {
            expected = Long.parseLong(cl.trim());
        } catch (NumberFormatException e) {
            throw quarantine(data, "bad metadata content-length value " + cl);
        }
        long actual = ch.size();
        if (actual != expected) {
            throw quarantine(
                    data, "metadata content-length " + expected + " does not match actual object size " + actual);
        }
        return actual;
    }

    /** Reads a file's metadata; unreadable or checksum-mismatching metadata quarantines the object. */
    private ObjectMetadata readMetadata(OnDiskFileName file) throws IOException {
        Path path = hashDir.resolve(file.filename());
        return readMetadata(file, () -> manager.readMetadata(path));
    }

    /** Reads the metadata of one file of the hash dir. */
    @FunctionalInterface
    private interface MetadataRead {
        ObjectMetadata read() throws IOException;
    }

    private ObjectMetadata readMetadata(OnDiskFileName file, MetadataRead read) throws IOException {
        try {
            return read.read();
        } catch (NoSuchFileException e) {
            throw new DiskFileNotExist("object " + name + " changed while opening");
        } catch (MetadataFormatException e) {
            throw quarantine(file, e.getMessage());
        }
    }

    private DiskFileQuarantined quarantine(OnDiskFileName file, @Nullable String why) throws IOException {
        return quarantine(file.filename(), why);
    }

    /** Moves the hash directory to quarantine and invalidates its suffix; returns the exception to throw. */
    DiskFileQuarantined quarantine(String fileName, @Nullable String why) throws IOException {
        Path to = manager.quarantine().quarantineHashDir(hashDir);
        return new DiskFileQuarantined("quarantined " + hashDir + " to " + to + " because " + fileName + ": " + why);
    }

    @Override
    public DiskFileWriter writer(long expectedSize) throws IOException {
        return LocalDiskFileWriter.create(this, expectedSize);
    }

    @Override
    public void writeMetadata(ObjectMetadata metadata) throws IOException {
        Timestamp ts = metadata.timestamp();
        if (ts == null) {
            throw new IllegalArgumentException("metadata for a .meta needs X-Timestamp");
        }
        String ctypeTs = metadata.get(ObjectMetadata.CONTENT_TYPE_TIMESTAMP);
        String fileName =
                OnDiskFileName.make(ts, OnDiskFileName.META, ctypeTs == null ? null : Timestamp.parse(ctypeTs));
        LocalDiskFileWriter.writeEmpty(this, fileName, metadata);
    }

    @Override
    public void delete(Timestamp timestamp) throws IOException {
        String fileName = OnDiskFileName.make(timestamp, OnDiskFileName.TOMBSTONE, null);
        LocalDiskFileWriter.writeEmpty(this, fileName, ObjectMetadata.tombstone(name, timestamp));
    }
}
