package io.cairn.common.io;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Directory reads for the background daemons that walk {@code devices/<dev>/<kind>/<part>/<suffix>/<hash>}: a
 * directory that is missing or unreadable is skipped (logged), never the end of a pass, as Swift's daemons do
 * with {@code listdir}; and the removal of a whole tree. Stateless.
 */
public final class Directories {
    private Directories() {}

    /**
     * The entries of {@code dir}, sorted; empty when it is not a directory, and empty after a warning to {@code
     * log} (prefixed with {@code daemon}) when it cannot be read.
     */
    public static List<Path> sortedEntries(Path dir, System.Logger log, String daemon) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            log.log(Level.WARNING, daemon + ": cannot list " + dir + ": " + e);
            return List.of();
        }
    }

    /** {@code shutil.rmtree}, tolerating files that vanish meanwhile (Swift ignores ENOENT/ENOTEMPTY races). */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = new ArrayList<>(walk.toList());
            Collections.reverse(paths);
            for (Path p : paths) {
                try {
                    Files.deleteIfExists(p);
                } catch (java.nio.file.DirectoryNotEmptyException e) {
                    // a concurrent write landed: Swift ignores ENOTEMPTY too; the next pass retries
                }
            }
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                throw e.getCause();
            }
        }
    }
}
