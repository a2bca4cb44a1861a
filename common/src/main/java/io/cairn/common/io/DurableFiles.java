package io.cairn.common.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Durable file operations as Swift's {@code utils.renamer}/{@code fsync_dir} do them: data is on disk
 * before a name points at it, and a new name is on disk before success is reported.
 *
 * <p>Stateless; every method blocks on the disk, so call it from a device executor, never an event loop.
 */
public final class DurableFiles {
    private DurableFiles() {}

    /** fsync of a file's data and metadata. */
    public static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** fsync of a directory, so entries created or renamed in it survive a crash (Linux semantics). */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /**
     * Creates {@code dir} and any missing parents, fsyncing the parent of every directory it created so
     * the new entries are durable. Returns the directories created (outermost first).
     */
    public static List<Path> createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        Path p = dir.toAbsolutePath();
        while (p != null && !isDirectory(p)) {
            missing.add(0, p);
            p = p.getParent();
        }
        for (Path m : missing) {
            try {
                Files.createDirectory(m);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(m)) {
                    throw e;
                }
            }
        }
        for (Path m : missing) {
            Path parent = m.getParent();
            if (parent != null) {
                fsyncDirectory(parent);
            }
        }
        return missing;
    }

    /**
     * Whether {@code p} is a directory, without an exception when it does not exist: on JDK 17 {@link
     * Files#isDirectory} builds (and fills the stack trace of) a {@code NoSuchFileException} for a missing path,
     * which the PUT path hits for every new hash directory. {@link java.io.File#isDirectory} answers from one
     * {@code stat} with a boolean.
     */
    private static boolean isDirectory(Path p) {
        return p.toFile().isDirectory();
    }

    /**
     * Atomically renames {@code source} to {@code target} (replacing it), creating the target's directory
     * durably when missing, then fsyncs the target directory. The source must already be fsynced.
     */
    public static void renameInto(Path source, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            throw new IOException("no parent directory for " + target);
        }
        createDirectories(dir);
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(
                    "cannot rename " + source + " to " + target + " atomically (different filesystems?)", e);
        }
        fsyncDirectory(dir);
    }
}
