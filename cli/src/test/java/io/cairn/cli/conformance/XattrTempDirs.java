package io.cairn.cli.conformance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * A {@code @TempDir} on a filesystem whose files take Swift's largest metadata as xattrs: {@code /dev/shm} (tmpfs,
 * user xattrs of any size since Linux 6.6) when it does, else the JVM's temp directory.
 *
 * <p>Why: Swift keeps an object's metadata in {@code user.swift.metadata*} xattrs, and ext4 without {@code ea_inode}
 * holds about 4 KB of xattrs per inode, so an object carrying the allowed 4,096 bytes of user metadata fails there
 * with ENOSPC → 507, and Swift's proxy then error-limits every object node for a minute (a 503 for everything
 * after). Production Swift runs on XFS, which has no such limit; the reference must not fail where real clusters
 * do not. tmpfs also keeps other builds' full-disk tests on the shared disk away from the harness.
 *
 * <p>Thread-safety: stateless.
 */
public final class XattrTempDirs implements TempDirFactory {
    /** Bytes of one xattr value the chosen filesystem must accept (8 KiB, twice Swift's metadata limit). */
    static final int PROBE_BYTES = 8192;

    @Override
    public Path createTempDirectory(AnnotatedElementContext elementContext, ExtensionContext extensionContext)
            throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            Path dir = Files.createTempDirectory(shm, "conformance-");
            if (takesLargeXattrs(dir)) {
                return dir;
            }
            Files.delete(dir);
        }
        return Files.createTempDirectory("conformance-");
    }

    /** Whether a file in {@code dir} takes a {@link #PROBE_BYTES} user xattr. */
    static boolean takesLargeXattrs(Path dir) {
        Path probe = dir.resolve("xattr-probe");
        try {
            Files.createFile(probe);
            UserDefinedFileAttributeView view = Files.getFileAttributeView(probe, UserDefinedFileAttributeView.class);
            if (view == null
                    || !FileSystems.getDefault().supportedFileAttributeViews().contains("user")) {
                return false;
            }
            view.write("probe", ByteBuffer.wrap(new byte[PROBE_BYTES]));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                // the temp dir's cleanup removes it
            }
        }
    }
}
