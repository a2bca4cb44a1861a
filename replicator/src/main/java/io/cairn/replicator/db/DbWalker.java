package io.cairn.replicator.db;

import io.cairn.ring.Device;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Swift's {@code roundrobin_datadirs.walk_datadir} for one device: partitions (numeric directory names)
 * in random order, then every {@code <suffix>/<hash>/<hash>.db}. Hash directories without their
 * {@code .db} (a lone {@code .pending}, a half-removed DB) are skipped, and removed when empty, as are
 * empty suffix and partition directories. Lazy: a partition is listed when the walk reaches it.
 *
 * <p>Not thread-safe (one walk, one thread).
 */
final class DbWalker implements Iterator<DbWalker.Found> {
    /** A DB to replicate: its partition directory, file and the local device holding it. */
    record Found(int partition, Path dbFile, Device device) {}

    private final Device device;
    private final Iterator<Path> partitions;
    private final List<Found> pending = new ArrayList<>();

    private DbWalker(Device device, List<Path> partitions) {
        this.device = device;
        this.partitions = partitions.iterator();
    }

    /** A walk of {@code datadir} (nothing when it does not exist). */
    static Iterator<Found> walk(Path datadir, Device device) {
        List<Path> parts = new ArrayList<>();
        for (Path p : list(datadir)) {
            if (looksLikePartition(p.getFileName().toString()) && Files.isDirectory(p)) {
                parts.add(p);
            }
        }
        Collections.shuffle(parts);
        return new DbWalker(device, parts);
    }

    /** Swift's {@code looks_like_partition}: a non-negative integer. */
    static boolean looksLikePartition(String name) {
        if (name.isEmpty() || name.length() > 9) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && partitions.hasNext()) {
            scanPartition(partitions.next());
        }
        return !pending.isEmpty();
    }

    @Override
    public Found next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.remove(pending.size() - 1);
    }

    private void scanPartition(Path partDir) {
        int partition = Integer.parseInt(partDir.getFileName().toString());
        List<Path> suffixes = list(partDir);
        if (suffixes.isEmpty()) {
            removeIfEmpty(partDir);
            return;
        }
        for (Path suffix : suffixes) {
            if (!Files.isDirectory(suffix)) {
                continue;
            }
            List<Path> hashes = list(suffix);
            if (hashes.isEmpty()) {
                removeIfEmpty(suffix);
                continue;
            }
            for (Path hashDir : hashes) {
                if (!Files.isDirectory(hashDir)) {
                    continue;
                }
                Path db = hashDir.resolve(hashDir.getFileName() + ".db");
                if (Files.isRegularFile(db)) {
                    pending.add(new Found(partition, db, device));
                } else {
                    removeIfEmpty(hashDir);
                }
            }
        }
    }

    /** Swift's {@code unlink_older_than(<dev>/tmp, now - reclaim_age)}: stale transfer leftovers go. */
    static void removeOldTempFiles(Path tmpDir, long olderThanMillis) {
        for (Path p : list(tmpDir)) {
            try {
                if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).toMillis() < olderThanMillis) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException ignored) {
                // vanished or unreadable: the next pass tries again
            }
        }
    }

    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                out.add(p);
            }
        } catch (IOException e) {
            // a directory that vanished or cannot be read is skipped, as Swift's listdir errors end its walk
        }
        return out;
    }

    private static void removeIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException busy) {
            // filled meanwhile
        } catch (IOException ignored) {
            // left for the next pass
        }
    }
}
