package io.cairn.object.diskfile;

import io.cairn.common.io.DeviceRoot;
import io.cairn.common.io.LinuxFiles;
import io.cairn.common.io.NativeFile;
import io.cairn.common.path.HashPath;
import io.cairn.common.time.Timestamp;
import io.cairn.object.hashes.SuffixHashStore;
import io.cairn.object.metadata.MetadataFormatException;
import io.cairn.object.metadata.ObjectMetadata;
import io.cairn.object.metadata.XattrMetadataStore;
import io.cairn.object.update.AsyncPendingStore;
import io.cairn.object.update.AsyncUpdate;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@link DiskFileManager} over real devices, in Swift's layout (reference §2). Holds one {@link
 * SuffixHashStore} per device, opened on first use.
 *
 * <p>Thread-safety: thread-safe; per-object concurrency follows Swift (unique temp files, timestamped
 * names, newest wins at cleanup). Blocking: every method touches the disk.
 */
public final class LocalDiskFileManager implements DiskFileManager {
    /** Prefix of Cairn's temp files in {@code tmp[-N]}; only these are removed at start. */
    static final String TEMP_PREFIX = "cairn-";

    private static final System.Logger LOG = System.getLogger(LocalDiskFileManager.class.getName());

    private final DeviceRoot root;
    private final HashPath hashPath;
    private final DiskFileConfig config;
    private final Clock clock;
    private final HashDirCleanup cleanup;
    private final Quarantine quarantine;
    private final SuffixHasher suffixHasher;
    private final Map<Path, SuffixHashStore> stores = new ConcurrentHashMap<>();
    private final Map<Path, FileStore> fileStores = new ConcurrentHashMap<>();

    /** Linux's file calls where this machine has them; {@code null}: the JDK's calls only. */
    private final @Nullable LinuxFiles linux;

    /** Whether bodies go to {@code O_TMPFILE} files; false for good once a device refused one. */
    private volatile boolean unnamedFiles;

    /** A manager that uses {@link LinuxFiles} where this machine offers it. */
    public LocalDiskFileManager(DeviceRoot root, HashPath hashPath, DiskFileConfig config, Clock clock) {
        this(root, hashPath, config, clock, LinuxFiles.load());
    }

    /**
     * @param linux Linux's file calls (unnamed temp files, xattrs on descriptors, writeback hints), or {@code null}
     *     for the JDK's portable calls only
     */
    public LocalDiskFileManager(
            DeviceRoot root, HashPath hashPath, DiskFileConfig config, Clock clock, @Nullable LinuxFiles linux) {
        this.linux = linux;
        this.unnamedFiles = linux != null;
        this.root = root;
        this.hashPath = hashPath;
        this.config = config;
        this.clock = clock;
        this.cleanup = new HashDirCleanup(config.reclaimAgeSeconds());
        this.quarantine = new Quarantine(this::invalidateByPath);
        this.suffixHasher = new SuffixHasher(cleanup, quarantine, clock::millis);
    }

    @Override
    public DiskFile diskFile(
            String device, int partition, String account, String container, String object, int policyIndex)
            throws DiskFileDeviceUnavailable {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, not " + partition);
        }
        Path dev = devicePath(device);
        String hash = hashPath.hex(account, container, object);
        String name = "/" + account + "/" + container + "/" + object;
        return new LocalDiskFile(this, dev, device, partition, policyIndex, name, hash);
    }

    /**
     * Opens the object stored in hash directory {@code <device>/objects[-N]/<partition>/<hash[-3:]>/<nameHash>}
     * without knowing its name, as Swift's auditor does ({@code get_diskfile_from_audit_location}): the name
     * is read from the metadata and must hash back to {@code nameHash}, else the directory is quarantined.
     * Otherwise exactly {@link DiskFile#open(Timestamp)}'s checks and exceptions.
     *
     * @throws DiskFileDeviceUnavailable if the device is missing or unmounted
     */
    public DiskFileReader openByHash(String device, int partition, int policyIndex, String nameHash, Timestamp now)
            throws IOException {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, not " + partition);
        }
        if (nameHash.length() < 3) {
            throw new IllegalArgumentException("not an object hash: " + nameHash);
        }
        Path dev = devicePath(device);
        return new LocalDiskFile(this, dev, device, partition, policyIndex, null, nameHash).open(now);
    }

    @Override
    public DiskFile diskFileFromHash(String device, int partition, String nameHash, int policyIndex)
            throws IOException {
        Path dev = devicePath(device);
        Path hashDir = DiskLayout.hashDir(dev, policyIndex, partition, nameHash);
        List<String> remaining;
        try {
            remaining = cleanup.cleanup(hashDir, clock.millis()).remaining();
        } catch (NotDirectoryException e) {
            throw new DiskFileNotExist("not a hash directory: " + hashDir);
        }
        List<String> files = new ArrayList<>(remaining);
        files.sort(null);
        if (files.isEmpty()) {
            throw new DiskFileNotExist("no files in " + hashDir);
        }
        ObjectMetadata metadata;
        try {
            // Swift reads the last file of the sorted listing
            metadata = readMetadata(hashDir.resolve(files.get(files.size() - 1)));
        } catch (NoSuchFileException | MetadataFormatException e) {
            throw new DiskFileNotExist("unreadable metadata in " + hashDir + ": " + e.getMessage());
        }
        String name = checkedName(metadata.name(), hashDir.toString());
        return new LocalDiskFile(this, dev, device, partition, policyIndex, name, nameHash);
    }

    /** Swift's {@code split_path(name, 3, 3, True)}: {@code /a/c/o} with {@code o} possibly holding slashes. */
    public static String checkedName(@org.jspecify.annotations.Nullable String name, String where)
            throws DiskFileNotExist {
        if (name == null || !name.startsWith("/")) {
            throw new DiskFileNotExist("no valid name in " + where);
        }
        String[] parts = name.substring(1).split("/", 3);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new DiskFileNotExist("name " + name + " in " + where + " is not /account/container/object");
        }
        return name;
    }

    @Override
    public List<ObjectTimestamps> yieldHashes(
            String device, int partition, int policyIndex, Collection<String> suffixes) throws IOException {
        Path dev = devicePath(device);
        Path partDir = DiskLayout.partitionDir(dev, policyIndex, partition);
        List<ObjectTimestamps> out = new ArrayList<>();
        long now = clock.millis();
        for (String suffix : suffixes) {
            if (!DiskLayout.isValidSuffix(suffix)) {
                continue;
            }
            Path suffixDir = partDir.resolve(suffix);
            List<String> hashes;
            try {
                hashes = HashDirCleanup.list(suffixDir);
            } catch (NotDirectoryException e) {
                continue;
            }
            hashes.sort(null);
            boolean foundFiles = false;
            for (String hash : hashes) {
                HashDirCleanup.Result r;
                try {
                    r = cleanup.cleanup(suffixDir.resolve(hash), now);
                } catch (NotDirectoryException e) {
                    continue;
                }
                foundFiles |= !r.remaining().isEmpty();
                ObjectTimestamps t = ObjectTimestamps.of(hash, r.files());
                if (t != null) {
                    out.add(t);
                }
            }
            if (!foundFiles) {
                store(dev).invalidate(policyIndex, partition, partDir, suffix);
            }
        }
        return out;
    }

    @Override
    public Map<String, String> suffixHashes(
            String device, int partition, int policyIndex, Collection<String> recalculate) throws IOException {
        Path dev = devicePath(device);
        Path partDir = DiskLayout.partitionDir(dev, policyIndex, partition);
        return store(dev).suffixHashes(policyIndex, partition, partDir, recalculate, suffixHasher);
    }

    @Override
    public void invalidateSuffixes(String device, int partition, int policyIndex, Collection<String> suffixes)
            throws IOException {
        Path dev = devicePath(device);
        Path partDir = DiskLayout.partitionDir(dev, policyIndex, partition);
        SuffixHashStore store = store(dev);
        for (String s : suffixes) {
            store.invalidate(policyIndex, partition, partDir, s);
        }
    }

    @Override
    public void pickleAsyncUpdate(String device, int policyIndex, AsyncUpdate update) throws IOException {
        Path dev = devicePath(device);
        String hash = hashPath.hex(update.account(), update.container(), update.object());
        AsyncPendingStore.write(
                DiskLayout.asyncPendingDir(dev, policyIndex), DiskLayout.tmpDir(dev, policyIndex), hash, update);
    }

    @Override
    public int cleanupTempFiles() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> devices = Files.newDirectoryStream(root.devicesDir())) {
            for (Path dev : devices) {
                if (!Files.isDirectory(dev)) {
                    continue;
                }
                try (DirectoryStream<Path> dirs = Files.newDirectoryStream(dev, DiskLayout.TMP + "*")) {
                    for (Path tmp : dirs) {
                        removed += removeTempFiles(tmp);
                    }
                }
            }
        }
        return removed;
    }

    /**
     * Opens the suffix-hash store of every usable device now, at start, instead of on a device's first
     * write: creating a store's map file takes seconds the first time, which must not land on a client's
     * PUT. Returns the number of stores open.
     */
    public int openSuffixHashStores() throws IOException {
        try (DirectoryStream<Path> devices = Files.newDirectoryStream(root.devicesDir())) {
            for (Path dev : devices) {
                Path usable = root.resolve(dev.getFileName().toString());
                if (usable != null) {
                    store(usable);
                }
            }
        }
        return stores.size();
    }

    private static int removeTempFiles(Path tmpDir) throws IOException {
        String name = tmpDir.getFileName().toString();
        if (!(name.equals(DiskLayout.TMP) || name.matches("tmp-\\d+")) || !Files.isDirectory(tmpDir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmpDir, TEMP_PREFIX + "*")) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (NoSuchFileException e) {
            return removed;
        }
        return removed;
    }

    @Override
    public void close() {
        for (SuffixHashStore s : stores.values()) {
            s.close();
        }
        stores.clear();
    }

    Path devicePath(String device) throws DiskFileDeviceUnavailable {
        Path dev = root.resolve(device);
        if (dev == null) {
            throw new DiskFileDeviceUnavailable("device " + device + " is not mounted or not a directory under "
                    + root.devicesDir() + (root.mountCheck() ? " (mount_check is on)" : ""));
        }
        return dev;
    }

    /**
     * The file store holding {@code dir}, looked up once per directory: {@link Files#getFileStore} reads and
     * parses {@code /proc/self/mounts} on every call, a visible cost when done for every PUT. The store's
     * free-space queries {@code statvfs} the directory itself, so a remounted device still answers for what is
     * mounted there now.
     */
    FileStore fileStore(@Nullable Path dir) throws IOException {
        if (dir == null) {
            throw new IOException("no directory to find a file store for");
        }
        FileStore s = fileStores.get(dir);
        if (s == null) {
            s = Files.getFileStore(dir);
            fileStores.put(dir, s);
        }
        return s;
    }

    SuffixHashStore store(Path dev) throws IOException {
        SuffixHashStore s = stores.get(dev);
        if (s != null) {
            return s;
        }
        synchronized (stores) {
            s = stores.get(dev);
            if (s == null) {
                s = SuffixHashStore.open(dev, config.maxPartitionsPerDevice(), config.pythonSharesDisk(), clock);
                stores.put(dev, s);
            }
            return s;
        }
    }

    /** Invalidates a suffix given the partition directory {@code <dev>/objects[-N]/<part>}. */
    void invalidateByPath(Path partitionDir, String suffix) throws IOException {
        Path objectsDir = partitionDir.getParent();
        Path dev = objectsDir == null ? null : objectsDir.getParent();
        if (objectsDir == null || dev == null) {
            throw new IOException("not a partition directory: " + partitionDir);
        }
        String objects = objectsDir.getFileName().toString();
        int policy = objects.equals(DiskLayout.OBJECTS)
                ? 0
                : Integer.parseInt(objects.substring(DiskLayout.OBJECTS.length() + 1));
        int partition = Integer.parseInt(partitionDir.getFileName().toString());
        store(dev).invalidate(policy, partition, partitionDir, suffix);
    }

    /** {@code hash_path} of a stored {@code /a/c/o} name (Swift hashes {@code prefix + name + suffix}). */
    String hashPathOfName(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        return hashPath.hex(path, null, null);
    }

    /** The layer's settings. */
    DiskFileConfig config() {
        return config;
    }

    /** Linux's file calls, or {@code null} where only the JDK's are used. */
    @Nullable
    LinuxFiles linux() {
        return linux;
    }

    /** Linux's file calls while {@code O_TMPFILE} works on the devices, else {@code null}. */
    @Nullable
    LinuxFiles unnamedFiles() {
        return unnamedFiles ? linux : null;
    }

    /**
     * A device's filesystem refused {@code O_TMPFILE}: from now on every device uses named temp files, as Swift
     * decides once per process whether to {@code use_linkat}.
     */
    void unnamedFilesUnsupported(IOException why) {
        if (unnamedFiles) {
            unnamedFiles = false;
            LOG.log(System.Logger.Level.WARNING, "no O_TMPFILE here, using named temp files: " + why.getMessage());
        }
    }

    /** The metadata of {@code file}, through an open descriptor where Linux's calls are available. */
    ObjectMetadata readMetadata(Path file) throws IOException {
        LinuxFiles l = linux;
        if (l == null) {
            return XattrMetadataStore.read(file);
        }
        try (NativeFile f = l.openRead(file)) {
            return XattrMetadataStore.read(l, f, file);
        }
    }

    HashDirCleanup cleanup() {
        return cleanup;
    }

    Quarantine quarantine() {
        return quarantine;
    }

    Clock clock() {
        return clock;
    }
}
