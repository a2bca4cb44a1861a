package io.cairn.ring.builder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A builder file on disk: Swift's pickle ({@link SwiftBuilderPickle}) is what is written; reading tells the
 * format by content — a pickle starts with the PROTO opcode {@code 0x80}, Cairn's earlier format ({@link
 * CairnBuilderFileV1}) with {@code "CRBF"} — so files written by either Swift or any Cairn version load.
 *
 * <p>Writes go to a temp file in the target's directory, are fsynced, renamed over the target and the directory
 * fsynced, so a crash leaves either the old or the new file, never a mix (Swift's {@code save} writes in place).
 *
 * <p>Stateless; thread-safe (concurrent writers to one path: last rename wins).
 */
final class BuilderFile {
    private BuilderFile() {}

    /**
     * Writes {@code state} as Swift's pickle.
     *
     * @param wanted per device id, the partitions the replica plan gives it (Swift keeps {@code parts_wanted})
     */
    static void write(Path path, BuilderState state, int[] wanted) throws IOException {
        byte[] content = SwiftBuilderPickle.encode(state, wanted);
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            makeWorldReadable(tmp);
            move(tmp, target);
            fsyncDirectory(dir);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Reads a builder file written by Swift (any version since 1.8, which pickles {@code to_dict()}) or by Cairn.
     *
     * @throws CorruptBuilderFileException when the file is neither, or is truncated, corrupt or inconsistent
     */
    static BuilderState read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length == 0) {
            throw new CorruptBuilderFileException(path, "truncated: the file is empty");
        }
        if (SwiftBuilderPickle.matches(bytes)) {
            return SwiftBuilderPickle.decode(path, bytes);
        }
        if (CairnBuilderFileV1.matches(bytes) || bytes.length < 4) {
            return CairnBuilderFileV1.decode(path, bytes);
        }
        throw new CorruptBuilderFileException(
                path,
                String.format(
                        Locale.ROOT,
                        "not a builder file: it starts with 0x%02x, neither a pickle (0x80, as Swift writes) nor"
                                + " \"CRBF\" (Cairn's earlier format)",
                        bytes[0] & 0xFF));
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot atomically replace " + target + ": " + e.getMessage(), e);
        }
    }

    private static void makeWorldReadable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void fsyncDirectory(@Nullable Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
