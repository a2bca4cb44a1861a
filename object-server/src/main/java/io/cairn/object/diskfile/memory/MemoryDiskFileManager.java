package io.cairn.object.diskfile.memory;

import io.cairn.common.path.HashPath;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFile;
import io.cairn.object.diskfile.DiskFileDeviceUnavailable;
import io.cairn.object.diskfile.DiskFileManager;
import io.cairn.object.diskfile.DiskFileNotExist;
import io.cairn.object.diskfile.LocalDiskFileManager;
import io.cairn.object.diskfile.ObjectTimestamps;
import io.cairn.object.diskfile.OnDiskFileName;
import io.cairn.object.diskfile.OnDiskFileSet;
import io.cairn.object.diskfile.SuffixHasher;
import io.cairn.object.update.AsyncUpdate;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * In-memory twin of {@code LocalDiskFileManager}: the same file names, file-set rules (newest wins, tombstones,
 * {@code .meta} merge, reclaim), metadata merge, expiry and suffix hashes, with hash directories held in maps
 * instead of on disk. No xattr limit, no quarantine (nothing is ever corrupt), no fsync. For fast tests of
 * the HTTP layer.
 *
 * <p>Thread-safety: thread-safe; each hash directory is a synchronized map, operations on it are atomic.
 */
public final class MemoryDiskFileManager implements DiskFileManager {
    private final HashPath hashPath;
    private final Clock clock;
    private final long reclaimAgeSeconds;
    private final Set<String> devices = ConcurrentHashMap.newKeySet();
    /** "device/policy/partition" → suffix → hash → file name → file. */
    private final Map<String, Map<String, Map<String, Map<String, MemoryFile>>>> partitions = new ConcurrentHashMap<>();

    private final List<AsyncUpdate> asyncUpdates = new CopyOnWriteArrayList<>();

    public MemoryDiskFileManager(HashPath hashPath, Clock clock, long reclaimAgeSeconds, Collection<String> devices) {
        this.hashPath = hashPath;
        this.clock = clock;
        this.reclaimAgeSeconds = reclaimAgeSeconds;
        this.devices.addAll(devices);
    }

    /** Makes a device usable (as if mounted). */
    public void mount(String device) {
        devices.add(device);
    }

    /** Makes a device unavailable: every call on it throws {@link DiskFileDeviceUnavailable} (507). */
    public void unmount(String device) {
        devices.remove(device);
    }

    /** The async updates written so far, in order. */
    public List<AsyncUpdate> asyncUpdates() {
        return List.copyOf(asyncUpdates);
    }

    /** The file names currently in an object's hash directory (for assertions). */
    public List<String> fileNames(String device, int partition, int policyIndex, String nameHash) {
        Map<String, MemoryFile> dir = hashDir(device, policyIndex, partition, nameHash, false);
        if (dir == null) {
            return List.of();
        }
        synchronized (dir) {
            return new ArrayList<>(dir.keySet());
        }
    }

    void checkDevice(String device) throws DiskFileDeviceUnavailable {
        if (!devices.contains(device)) {
            throw new DiskFileDeviceUnavailable("device " + device + " is not mounted");
        }
    }

    @Nullable
    Map<String, MemoryFile> hashDir(String device, int policyIndex, int partition, String hash, boolean create) {
        String key = device + "/" + policyIndex + "/" + partition;
        String suffix = hash.substring(hash.length() - 3);
        if (!create) {
            var part = partitions.get(key);
            var suf = part == null ? null : part.get(suffix);
            var dir = suf == null ? null : suf.get(hash);
            return dir;
        }
        return partitions
                .computeIfAbsent(key, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(suffix, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(hash, k -> java.util.Collections.synchronizedMap(new TreeMap<>()));
    }

    /** Swift's cleanup_ondisk_files over a map; the caller holds the map's lock. */
    OnDiskFileSet cleanup(Map<String, MemoryFile> dir) {
        OnDiskFileSet set = OnDiskFileSet.of(dir.keySet());
        List<OnDiskFileName> remove = new ArrayList<>(set.obsolete());
        long nowRaw = Timestamp.now(clock).raw();
        long reclaimRaw = reclaimAgeSeconds * Timestamp.UNITS_PER_SECOND;
        OnDiskFileName ts = set.tombstone();
        if (ts != null && nowRaw - ts.timestamp().raw() > reclaimRaw) {
            remove.add(ts);
        }
        for (OnDiskFileName f : set.possibleReclaim()) {
            if (nowRaw - f.timestamp().raw() > reclaimRaw) {
                remove.add(f);
            }
        }
        for (OnDiskFileName f : remove) {
            dir.remove(f.filename());
        }
        return remove.isEmpty() ? set : OnDiskFileSet.of(dir.keySet());
    }

    Clock clock() {
        return clock;
    }

    @Override
    public DiskFile diskFile(
            String device, int partition, String account, String container, String object, int policyIndex)
            throws DiskFileDeviceUnavailable {
        checkDevice(device);
        String hash = hashPath.hex(account, container, object);
        return new MemoryDiskFile(
                this, device, partition, policyIndex, "/" + account + "/" + container + "/" + object, hash);
    }

    @Override
    public DiskFile diskFileFromHash(String device, int partition, String nameHash, int policyIndex)
            throws DiskFileDeviceUnavailable, DiskFileNotExist {
        checkDevice(device);
        Map<String, MemoryFile> dir = hashDir(device, policyIndex, partition, nameHash, false);
        String name = null;
        if (dir != null) {
            synchronized (dir) {
                cleanup(dir);
                if (!dir.isEmpty()) {
                    // Swift reads the last file of the sorted listing; the map is a TreeMap
                    List<String> names = new ArrayList<>(dir.keySet());
                    MemoryFile last = dir.get(names.get(names.size() - 1));
                    name = last == null ? null : last.metadata().name();
                }
            }
        }
        if (name == null && (dir == null || dir.isEmpty())) {
            throw new DiskFileNotExist("no files for hash " + nameHash);
        }
        String checked = LocalDiskFileManager.checkedName(name, "hash " + nameHash);
        return new MemoryDiskFile(this, device, partition, policyIndex, checked, nameHash);
    }

    @Override
    public List<ObjectTimestamps> yieldHashes(
            String device, int partition, int policyIndex, Collection<String> suffixes)
            throws DiskFileDeviceUnavailable {
        checkDevice(device);
        List<ObjectTimestamps> out = new ArrayList<>();
        var part = partitions.get(device + "/" + policyIndex + "/" + partition);
        if (part == null) {
            return out;
        }
        for (String suffix : suffixes) {
            Map<String, Map<String, MemoryFile>> hashes = part.get(suffix);
            if (hashes == null) {
                continue;
            }
            forEachLiveHash(hashes, (hash, set) -> {
                ObjectTimestamps t = ObjectTimestamps.of(hash, set);
                if (t != null) {
                    out.add(t);
                }
            });
        }
        return out;
    }

    /**
     * Cleans up each hash directory of a suffix in hash order: one left empty is removed, a live one is handed to
     * {@code live} with its files (under the directory's lock). Whether any was live.
     */
    private boolean forEachLiveHash(
            Map<String, Map<String, MemoryFile>> hashes, BiConsumer<String, OnDiskFileSet> live) {
        boolean any = false;
        for (Map.Entry<String, Map<String, MemoryFile>> h : new TreeMap<>(hashes).entrySet()) {
            Map<String, MemoryFile> dir = h.getValue();
            synchronized (dir) {
                OnDiskFileSet set = cleanup(dir);
                if (dir.isEmpty()) {
                    hashes.remove(h.getKey());
                    continue;
                }
                any = true;
                live.accept(h.getKey(), set);
            }
        }
        return any;
    }

    @Override
    public Map<String, String> suffixHashes(
            String device, int partition, int policyIndex, Collection<String> recalculate)
            throws DiskFileDeviceUnavailable {
        checkDevice(device);
        var part = partitions.get(device + "/" + policyIndex + "/" + partition);
        Map<String, String> out = new LinkedHashMap<>();
        if (part == null) {
            return out;
        }
        for (Map.Entry<String, Map<String, Map<String, MemoryFile>>> suf : new TreeMap<>(part).entrySet()) {
            String suffix = suf.getKey();
            Map<String, Map<String, MemoryFile>> hashes = suf.getValue();
            MessageDigest md5 = SuffixHasher.newMd5();
            boolean any = forEachLiveHash(hashes, (hash, set) -> SuffixHasher.update(md5, set));
            if (any) {
                out.put(suffix, HashPath.toHex(md5.digest()));
            } else {
                part.remove(suffix);
            }
        }
        return out;
    }

    @Override
    public void invalidateSuffixes(String device, int partition, int policyIndex, Collection<String> suffixes)
            throws DiskFileDeviceUnavailable {
        checkDevice(device); // hashes are always computed fresh here: nothing to invalidate
    }

    @Override
    public void pickleAsyncUpdate(String device, int policyIndex, AsyncUpdate update) throws DiskFileDeviceUnavailable {
        checkDevice(device);
        asyncUpdates.add(update);
    }

    @Override
    public int cleanupTempFiles() {
        return 0; // no temp files in memory
    }

    @Override
    public void close() {
        partitions.clear();
    }
}
