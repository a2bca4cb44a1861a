package io.cairn.object.diskfile;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Swift's {@code quarantine_renamer} (reference §2.7): moves a whole hash directory (or, when the suffix
 * itself is broken, the suffix directory) to {@code <dev>/quarantined/objects[-N]/<name>}, adding {@code
 * -<uuid4 hex>} when that name is taken, and invalidates the suffix so the next REPLICATE reports a change
 * and replication restores a good copy.
 *
 * <p>Thread-safety: immutable; thread-safe if the invalidator is.
 */
public final class Quarantine {
    /** Marks a suffix of a partition for rehash. */
    @FunctionalInterface
    public interface SuffixInvalidator {
        void invalidate(Path partitionDir, String suffix) throws IOException;
    }

    private final SuffixInvalidator invalidator;

    public Quarantine(SuffixInvalidator invalidator) {
        this.invalidator = invalidator;
    }

    /**
     * Quarantines {@code dir}, a hash directory {@code <dev>/objects[-N]/<part>/<suffix>/<hash>} or a suffix
     * directory {@code <dev>/objects[-N]/<part>/<suffix>}. Returns where it went.
     */
    public Path quarantineHashDir(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        String name = abs.getFileName().toString();
        boolean wholeSuffix = name.length() == 3;
        Path suffixDir = wholeSuffix ? abs : parentOf(abs);
        Path partitionDir = parentOf(suffixDir);
        Path objectsDir = parentOf(partitionDir);
        Path deviceDir = parentOf(objectsDir);
        invalidator.invalidate(partitionDir, suffixDir.getFileName().toString());
        Path targetParent = deviceDir
                .resolve(DiskLayout.QUARANTINED)
                .resolve(objectsDir.getFileName().toString());
        Files.createDirectories(targetParent);
        Path target = targetParent.resolve(name);
        try {
            move(abs, target);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            target = targetParent.resolve(
                    name + "-" + UUID.randomUUID().toString().replace("-", ""));
            move(abs, target);
        }
        return target;
    }

    private static void move(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            throw new FileAlreadyExistsException(to.toString());
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot quarantine " + from + ": not on the device's filesystem", e);
        }
    }

    private static Path parentOf(Path p) throws IOException {
        Path parent = p.getParent();
        if (parent == null) {
            throw new IOException("not inside a device's objects directory: " + p);
        }
        return parent;
    }
}
