package io.cairn.object.hashes;

import io.cairn.common.codec.PickleException;
import io.cairn.common.codec.PickleReader;
import io.cairn.common.codec.PickleWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift's per-partition suffix-hash files (reference §2.6), read when present and written when Python
 * daemons share the disk:
 *
 * <ul>
 *   <li>{@code hashes.pkl}: pickle protocol 2 of {@code {suffix: md5hex | None, 'valid': bool, 'updated':
 *       float}} ({@code read_hashes}/{@code write_hashes});
 *   <li>{@code hashes.invalid}: one suffix per line, appended on every write ({@code invalidate_hash}),
 *       folded into {@code hashes.pkl} and truncated by {@code consolidate_hashes}.
 * </ul>
 *
 * Swift serialises these under {@code flock(<part>/.lock)}; the JDK only offers {@code fcntl} locks, which
 * do not exclude {@code flock} holders on Linux, so Cairn takes an {@code fcntl} lock on the same file
 * (excluding other Cairn threads and processes) and documents the residual race with Python daemons.
 *
 * <p>Thread-safety: stateless; callers serialise per partition (the lock does it across processes).
 */
public final class SwiftHashesFiles {
    public static final String HASHES_PKL = "hashes.pkl";
    public static final String HASHES_INVALID = "hashes.invalid";
    public static final String LOCK = ".lock";

    private SwiftHashesFiles() {}

    /** The parsed {@code hashes.pkl}: suffixes (md5 or null) and validity. */
    public record Pkl(Map<String, @Nullable String> suffixes, boolean valid) {}

    /** {@code read_hashes}: null when missing, unreadable or holding keys that are not suffixes. */
    public static @Nullable Pkl readPkl(Path partitionDir) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(partitionDir.resolve(HASHES_PKL));
        } catch (IOException e) {
            return null;
        }
        Object loaded;
        try {
            loaded = PickleReader.load(bytes);
        } catch (PickleException | RuntimeException e) {
            return null;
        }
        if (!(loaded instanceof Map<?, ?> dict)) {
            return null;
        }
        Map<String, @Nullable String> suffixes = new LinkedHashMap<>();
        boolean valid = true;
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            Object k = e.getKey();
            Object v = e.getValue();
            if ("valid".equals(k)) {
                valid = Boolean.TRUE.equals(v);
            } else if ("updated".equals(k)) {
                // when Swift last wrote it: not needed
            } else if (k instanceof String s
                    && SuffixHashStore.isValidSuffix(s)
                    && (v == null || v instanceof String)) {
                suffixes.put(s, (String) v);
            } else {
                return null;
            }
        }
        return new Pkl(suffixes, valid);
    }

    /** {@code write_hashes}: {@code hashes.pkl} via a temp file, fsync and rename. */
    public static void writePkl(Path partitionDir, Map<String, @Nullable String> suffixes, double updatedEpochSeconds)
            throws IOException {
        Map<Object, @Nullable Object> dict = new LinkedHashMap<>();
        dict.put("valid", true);
        dict.putAll(suffixes);
        dict.put("updated", updatedEpochSeconds);
        byte[] pickle = PickleWriter.dumpProtocol2(dict);
        Path tmp = Files.createTempFile(partitionDir, "tmp", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(pickle));
                ch.force(true);
            }
            Files.move(tmp, partitionDir.resolve(HASHES_PKL), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename into " + partitionDir, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads the suffixes listed in {@code hashes.invalid} (empty when missing). */
    public static java.util.List<String> readInvalid(Path partitionDir) throws IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try {
            for (String line : Files.readAllLines(partitionDir.resolve(HASHES_INVALID), StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        }
        return out;
    }

    /** Truncates {@code hashes.invalid} if it exists. */
    public static void truncateInvalid(Path partitionDir) throws IOException {
        Path f = partitionDir.resolve(HASHES_INVALID);
        if (Files.exists(f)) {
            Files.write(f, new byte[0]);
        }
    }

    /** {@code invalidate_hash}: appends {@code suffix\n} to {@code hashes.invalid} under the partition lock. */
    public static void appendInvalid(Path partitionDir, String suffix) throws IOException {
        try (FileChannel lock = lockFile(partitionDir)) {
            FileLock held = lock.lock();
            try (FileChannel ch = FileChannel.open(
                    partitionDir.resolve(HASHES_INVALID),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ch.write(java.nio.ByteBuffer.wrap((suffix + "\n").getBytes(StandardCharsets.US_ASCII)));
            } finally {
                held.release();
            }
        }
    }

    /** Opens (creating) the partition's {@code .lock} file, for an {@code fcntl} lock. */
    public static FileChannel lockFile(Path partitionDir) throws IOException {
        Files.createDirectories(partitionDir);
        return FileChannel.open(partitionDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }
}
