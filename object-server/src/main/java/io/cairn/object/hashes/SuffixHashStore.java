package io.cairn.object.hashes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The suffix hashes of one device, all policies, kept in a persisted Chronicle Map (DESIGN §5; format in
 * the module README): key {@code (policyIndex << 32) | partition}, value a {@link PartitionHashTable}.
 * Writes only <em>invalidate</em> a suffix (cheap, before the file is renamed into place, as Swift
 * appends to {@code hashes.invalid} first); {@link #suffixHashes} rehashes invalid suffixes lazily, as
 * Swift's {@code get_hashes} does. A partition the map does not know yet (first start on a disk Swift
 * used, or a lost map) is seeded from Swift's {@code hashes.pkl}/{@code hashes.invalid} when present, else
 * by listing the partition.
 *
 * <p>With {@code pythonSharesDisk}, writes also append to {@code hashes.invalid} and every computation
 * writes {@code hashes.pkl} back, so Python daemons on the same disk see what Swift would have written.
 * Otherwise Swift's files are consumed once and {@code hashes.pkl} is removed (a stale one would mislead
 * a Swift that later took the disk back; without it Swift simply rehashes).
 *
 * <p>Thread-safety: thread-safe. The map's per-key {@code compute} makes invalidations atomic; a rehash
 * runs outside it and is stored only if no invalidation happened meanwhile (the table's generation),
 * otherwise it is recomputed — Swift's optimistic {@code hashes.pkl} check. Blocks on the disk.
 */
public final class SuffixHashStore implements AutoCloseable {
    /** File name of the map, at the top of the device directory. */
    public static final String MAP_FILE = ".cairn-suffix-hashes-v1.cmap";

    private static final int MAX_ATTEMPTS = 5;

    private final ChronicleMap<Long, byte[]> map;
    private final boolean pythonSharesDisk;
    private final Clock clock;

    private SuffixHashStore(ChronicleMap<Long, byte[]> map, boolean pythonSharesDisk, Clock clock) {
        this.map = map;
        this.pythonSharesDisk = pythonSharesDisk;
        this.clock = clock;
    }

    /**
     * Opens (creating) the map of the device at {@code deviceDir}.
     *
     * @param maxPartitions how many (policy, partition) entries the map is sized for
     */
    public static SuffixHashStore open(Path deviceDir, int maxPartitions, boolean pythonSharesDisk, Clock clock)
            throws IOException {
        ChronicleMap<Long, byte[]> map = ChronicleMapBuilder.of(Long.class, byte[].class)
                .name("cairn-suffix-hashes")
                .entries(maxPartitions)
                .averageValueSize(PartitionHashTable.HEADER + PartitionHashTable.ENTRY * 64.0)
                .maxBloatFactor(4.0)
                .createPersistedTo(deviceDir.resolve(MAP_FILE).toFile());
        return new SuffixHashStore(map, pythonSharesDisk, clock);
    }

    /** Swift's {@code valid_suffix}: three lowercase hex digits. */
    public static boolean isValidSuffix(String s) {
        if (s.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static long key(int policyIndex, int partition) {
        return ((long) policyIndex << 32) | (partition & 0xFFFFFFFFL);
    }

    /**
     * Marks {@code suffix} of a partition for rehash. Called before a new file is renamed into place and
     * when a hash directory is quarantined.
     */
    public void invalidate(int policyIndex, int partition, Path partitionDir, String suffix) throws IOException {
        if (!isValidSuffix(suffix)) {
            return;
        }
        int number = PartitionHashTable.suffixNumber(suffix);
        map.compute(key(policyIndex, partition), (k, old) -> PartitionHashTable.invalidate(old, number));
        if (pythonSharesDisk) {
            SwiftHashesFiles.appendInvalid(partitionDir, suffix);
        }
    }

    /**
     * Swift's {@code get_hashes}: the hash of every suffix of the partition after rehashing invalid ones
     * and {@code recalculate}. Empty when the partition directory does not exist.
     */
    public Map<String, String> suffixHashes(
            int policyIndex, int partition, Path partitionDir, Collection<String> recalculate, SuffixRehasher rehasher)
            throws IOException {
        long key = key(policyIndex, partition);
        if (!Files.isDirectory(partitionDir)) {
            map.remove(key);
            return Map.of();
        }
        for (int attempt = 1; ; attempt++) {
            PartitionHashTable table = load(key, partitionDir, recalculate);
            int generation = table.generation;
            List<Integer> gone = new ArrayList<>();
            for (Map.Entry<Integer, byte @Nullable []> e : table.suffixes.entrySet()) {
                if (e.getValue() == null) {
                    String hex = rehasher.rehash(partitionDir.resolve(PartitionHashTable.suffixName(e.getKey())));
                    if (hex == null) {
                        gone.add(e.getKey());
                    } else {
                        e.setValue(PartitionHashTable.md5FromHex(hex));
                    }
                }
            }
            for (Integer g : gone) {
                table.suffixes.remove(g);
            }
            byte[] updated = table.encode();
            boolean[] stored = {false};
            map.computeIfPresent(key, (k, current) -> {
                if (PartitionHashTable.decode(current).generation == generation) {
                    stored[0] = true;
                    return updated;
                }
                return current;
            });
            if (stored[0] || attempt == MAX_ATTEMPTS) {
                Map<String, String> result = asHexMap(table);
                if (pythonSharesDisk) {
                    writeSwiftFiles(policyIndex, partition, partitionDir, result);
                }
                return result;
            }
        }
    }

    /** Loads the table, folding in Swift's files, a full listing when incomplete, and {@code recalculate}. */
    private PartitionHashTable load(long key, Path partitionDir, Collection<String> recalculate) throws IOException {
        List<String> swiftInvalid = SwiftHashesFiles.readInvalid(partitionDir);
        byte[] stored = map.compute(key, (k, old) -> {
            PartitionHashTable t = PartitionHashTable.decode(old);
            if (!t.complete) {
                seed(t, partitionDir);
            }
            for (String s : swiftInvalid) {
                if (isValidSuffix(s)) {
                    t.invalidate(PartitionHashTable.suffixNumber(s));
                }
            }
            for (String s : recalculate) {
                if (isValidSuffix(s)) {
                    t.invalidate(PartitionHashTable.suffixNumber(s));
                }
            }
            return t.encode();
        });
        if (!swiftInvalid.isEmpty()) {
            SwiftHashesFiles.truncateInvalid(partitionDir);
        }
        if (!pythonSharesDisk) {
            Files.deleteIfExists(partitionDir.resolve(SwiftHashesFiles.HASHES_PKL));
        }
        return PartitionHashTable.decode(stored);
    }

    /** Makes an incomplete table complete: from a valid {@code hashes.pkl}, else by listing the partition. */
    private static void seed(PartitionHashTable t, Path partitionDir) {
        SwiftHashesFiles.Pkl pkl = SwiftHashesFiles.readPkl(partitionDir);
        if (pkl != null && pkl.valid()) {
            for (Map.Entry<String, @Nullable String> e : pkl.suffixes().entrySet()) {
                int n = PartitionHashTable.suffixNumber(e.getKey());
                if (!t.suffixes.containsKey(n)) { // our own invalidations win over the pkl
                    String hex = e.getValue();
                    t.suffixes.put(n, hex == null || hex.length() != 32 ? null : PartitionHashTable.md5FromHex(hex));
                }
            }
        }
        // Swift lists the partition whenever hashes.pkl is not valid; listing also after a valid pkl costs one
        // readdir and protects against a pkl that missed suffixes
        try (var entries = Files.newDirectoryStream(partitionDir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.length() == 3 && isValidSuffix(name)) {
                    int n = PartitionHashTable.suffixNumber(name);
                    if (!t.suffixes.containsKey(n)) {
                        t.suffixes.put(n, null);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        t.complete = true;
    }

    private void writeSwiftFiles(int policyIndex, int partition, Path partitionDir, Map<String, String> hashes)
            throws IOException {
        try (var lock = SwiftHashesFiles.lockFile(partitionDir)) {
            var held = lock.lock();
            try {
                Map<String, @Nullable String> suffixes = new LinkedHashMap<>(hashes);
                // suffixes a Python daemon invalidated since we read hashes.invalid stay invalid, in both places
                for (String s : SwiftHashesFiles.readInvalid(partitionDir)) {
                    if (isValidSuffix(s)) {
                        suffixes.put(s, null);
                        int n = PartitionHashTable.suffixNumber(s);
                        map.compute(key(policyIndex, partition), (k, old) -> {
                            PartitionHashTable t = PartitionHashTable.decode(old);
                            t.invalidate(n);
                            return t.encode();
                        });
                    }
                }
                SwiftHashesFiles.writePkl(partitionDir, suffixes, clock.millis() / 1000.0);
                SwiftHashesFiles.truncateInvalid(partitionDir);
            } finally {
                held.release();
            }
        }
    }

    private static Map<String, String> asHexMap(PartitionHashTable table) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, byte @Nullable []> e : table.suffixes.entrySet()) {
            byte[] md5 = e.getValue();
            if (md5 != null && md5.length == 16) {
                out.put(PartitionHashTable.suffixName(e.getKey()), PartitionHashTable.md5Hex(md5));
            }
        }
        return out;
    }

    @Override
    public void close() {
        map.close();
    }
}
