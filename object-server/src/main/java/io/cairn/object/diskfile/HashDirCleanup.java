package io.cairn.object.diskfile;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Swift's {@code cleanup_ondisk_files}: lists a hash directory, unlinks obsolete files, a tombstone older
 * than reclaim_age and stray {@code .meta} files older than reclaim_age, and removes the directory when it
 * ends up empty. Runs after every write and while hashing a suffix.
 *
 * <p>Thread-safety: immutable; concurrent cleanups of one directory are safe (missing files are ignored).
 */
public final class HashDirCleanup {
    private final long reclaimAgeSeconds;

    public HashDirCleanup(long reclaimAgeSeconds) {
        this.reclaimAgeSeconds = reclaimAgeSeconds;
    }

    /** The outcome: the chosen files (after reclaim) and the names left in the directory. */
    public record Result(OnDiskFileSet files, List<String> remaining) {}

    /**
     * Cleans {@code hashDir} as of {@code nowMillis}.
     *
     * @throws NotDirectoryException when {@code hashDir} is a file (the caller quarantines it)
     */
    public Result cleanup(Path hashDir, long nowMillis) throws IOException {
        List<String> names = list(hashDir);
        OnDiskFileSet set = OnDiskFileSet.of(names);
        List<OnDiskFileName> remove = new ArrayList<>(set.obsolete());
        OnDiskFileName ts = set.tombstone();
        if (ts != null && isReclaimable(ts, nowMillis)) {
            remove.add(ts);
        }
        for (OnDiskFileName f : set.possibleReclaim()) {
            if (isReclaimable(f, nowMillis)) {
                remove.add(f);
            }
        }
        for (OnDiskFileName f : remove) {
            Files.deleteIfExists(hashDir.resolve(f.filename()));
            names.remove(f.filename());
        }
        if (names.isEmpty()) {
            try {
                Files.deleteIfExists(hashDir);
            } catch (DirectoryNotEmptyException e) {
                // a concurrent writer just put a file here; it will clean up after itself
            }
        }
        // re-selecting over what is left chooses the same data/meta as before, minus what was reclaimed
        OnDiskFileSet after = remove.isEmpty() ? set : OnDiskFileSet.of(names);
        return new Result(after, names);
    }

    private boolean isReclaimable(OnDiskFileName f, long nowMillis) {
        // Swift: time.time() - float(timestamp) > reclaim_age
        long tsMillisTimes100 = f.timestamp().raw(); // units of 10 µs
        return nowMillis * 100L - tsMillisTimes100 > reclaimAgeSeconds * 100_000L;
    }

    /**
     * Names in {@code dir}, or empty when it does not exist. Every PUT of a new object lists a hash directory
     * that is not there: {@link java.io.File#list()} answers that with {@code null} from one {@code open}, where
     * {@link Files#newDirectoryStream} builds three exceptions, so the NIO call only runs to report why a
     * directory that exists could not be listed.
     */
    static List<String> list(Path dir) throws IOException {
        String[] listed = dir.toFile().list();
        if (listed != null) {
            return new ArrayList<>(Arrays.asList(listed));
        }
        if (!dir.toFile().exists()) {
            return new ArrayList<>();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                names.add(p.getFileName().toString());
            }
        } catch (NoSuchFileException e) {
            return names;
        }
        return names;
    }
}
