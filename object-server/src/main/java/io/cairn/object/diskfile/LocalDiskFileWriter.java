package io.cairn.object.diskfile;

import io.cairn.common.io.DurableFiles;
import io.cairn.common.path.HashPath;
import io.cairn.common.time.Timestamp;
import io.cairn.object.metadata.ObjectMetadata;
import io.cairn.object.metadata.XattrMetadataStore;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Swift's write path (reference §2.5) with its {@code mkstemp} fallback, as Java cannot {@code linkat} an
 * {@code O_TMPFILE}: temp file in {@code <dev>/tmp[-N]} → body (md5 updated while streaming) → xattrs →
 * fsync → invalidate the suffix → rename to {@code <hashdir>/<name>} → fsync the hash dir and every new
 * parent → cleanup of obsolete files.
 *
 * <p>Thread-safety: not thread-safe (see {@link DiskFileWriter}).
 */
final class LocalDiskFileWriter implements DiskFileWriter {
    private final LocalDiskFile diskFile;
    private final long expectedSize;
    private final Path tempFile;
    private final FileChannel channel;
    private final MessageDigest md5 = SuffixHasher.newMd5();
    private long written;
    private @Nullable String etag;
    private boolean committed;
    private boolean closed;

    private LocalDiskFileWriter(LocalDiskFile diskFile, long expectedSize, Path tempFile, FileChannel channel) {
        this.diskFile = diskFile;
        this.expectedSize = expectedSize;
        this.tempFile = tempFile;
        this.channel = channel;
    }

    static LocalDiskFileWriter create(LocalDiskFile diskFile, long expectedSize) throws IOException {
        TempFile tmp = TempFile.create(diskFile);
        if (expectedSize > 0
                && diskFile.manager().fileStore(tmp.path.getParent()).getUsableSpace() < expectedSize) {
            tmp.discard();
            throw new DiskFileNoSpace("device " + diskFile.device() + " has less than " + expectedSize + " bytes free");
        }
        return new LocalDiskFileWriter(diskFile, expectedSize, tmp.path, tmp.channel);
    }

    /**
     * Swift's {@code mkstemp} in {@code <dev>/tmp[-N]}: one {@code open(O_CREAT|O_EXCL, 0600)} under a random name.
     * {@code Files.createTempFile} would create the file and the writer then open it again, and it draws each name
     * from a shared {@code SecureRandom}; {@code O_EXCL} already makes any name safe. The directory is created
     * only when the open finds it missing, as Swift's {@code mkstemp} retry does, rather than checked every time.
     */
    private static final class TempFile {
        private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        private static final Set<StandardOpenOption> CREATE_NEW_WRITE =
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        private static final int ATTEMPTS = 16;

        final Path path;
        final FileChannel channel;

        private TempFile(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
        }

        static TempFile create(LocalDiskFile diskFile) throws IOException {
            Path tmpDir = DiskLayout.tmpDir(diskFile.devicePath(), diskFile.policyIndex());
            for (int attempt = 1; ; attempt++) {
                Path candidate = tmpDir.resolve(LocalDiskFileManager.TEMP_PREFIX
                        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
                try {
                    return new TempFile(candidate, FileChannel.open(candidate, CREATE_NEW_WRITE, OWNER_ONLY));
                } catch (NoSuchFileException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                    DurableFiles.createDirectories(tmpDir);
                } catch (FileAlreadyExistsException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                } catch (IOException e) {
                    throw translate(e);
                }
            }
        }

        void discard() throws IOException {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(path);
            }
        }
    }

    // hot path: no allocation (the md5 and channel are reused for every chunk)
    @Override
    public void write(ByteBuffer chunk) throws IOException {
        ensureOpen();
        int start = chunk.position();
        int end = chunk.limit();
        try {
            while (chunk.hasRemaining()) {
                channel.write(chunk);
            }
        } catch (IOException e) {
            throw translate(e);
        }
        // hash the same bytes after writing them: one pass each, no copy of the chunk
        chunk.position(start);
        md5.update(chunk);
        chunk.position(end);
        written += end - start;
    }

    // hot path: no copy of the buffer's bytes to the heap; one nioBuffer view per component
    @Override
    public void write(ByteBuf chunk) throws IOException {
        int readable = chunk.readableBytes();
        if (readable == 0) {
            return;
        }
        if (chunk.nioBufferCount() == 1) {
            write(chunk.nioBuffer(chunk.readerIndex(), readable));
        } else {
            ByteBuffer[] parts = chunk.nioBuffers(chunk.readerIndex(), readable);
            for (ByteBuffer part : parts) {
                write(part);
            }
        }
        chunk.skipBytes(readable);
    }

    @Override
    public long bytesWritten() {
        return written;
    }

    @Override
    public String etag() {
        String e = etag;
        if (e == null) {
            e = HashPath.toHex(md5.digest());
            etag = e;
        }
        return e;
    }

    @Override
    public ObjectMetadata put(ObjectMetadata metadata) throws IOException {
        ensureOpen();
        Timestamp ts = metadata.timestamp();
        if (ts == null) {
            throw new IllegalArgumentException("metadata for a .data needs X-Timestamp");
        }
        if (expectedSize >= 0 && written != expectedSize) {
            throw new DiskFileSizeMismatch(
                    "body of " + diskFile.name() + " has " + written + " bytes, expected " + expectedSize);
        }
        String cl = metadata.get(ObjectMetadata.CONTENT_LENGTH);
        if (cl != null && !cl.trim().equals(Long.toString(written))) {
            throw new DiskFileSizeMismatch(
                    "body of " + diskFile.name() + " has " + written + " bytes, Content-Length says " + cl);
        }
        String computed = etag();
        String given = metadata.etag();
        if (given != null && !given.equalsIgnoreCase(computed)) {
            throw new DiskFileEtagMismatch(
                    "ETag " + given + " of " + diskFile.name() + " does not match the body's md5 " + computed);
        }
        Map<String, String> m = new LinkedHashMap<>(metadata.asMap());
        m.put(ObjectMetadata.CONTENT_LENGTH, Long.toString(written));
        m.put(ObjectMetadata.ETAG, computed);
        m.put(ObjectMetadata.NAME, diskFile.name());
        ObjectMetadata stored = ObjectMetadata.of(m);
        finish(diskFile, tempFile, channel, OnDiskFileName.make(ts, OnDiskFileName.DATA, null), stored);
        committed = true;
        return stored;
    }

    /** Writes a zero-byte {@code .meta}/{@code .ts} with {@code metadata} (+ {@code name}) through the same path. */
    static void writeEmpty(LocalDiskFile diskFile, String fileName, ObjectMetadata metadata) throws IOException {
        TempFile tmp = TempFile.create(diskFile);
        boolean renamed = false;
        try {
            finish(diskFile, tmp.path, tmp.channel, fileName, metadata.with(ObjectMetadata.NAME, diskFile.name()));
            renamed = true;
        } finally {
            if (renamed) {
                tmp.channel.close(); // the file is in its hash dir now: nothing to remove
            } else {
                tmp.discard();
            }
        }
    }

    /** xattrs → fsync → invalidate → rename → dir fsyncs → cleanup. The temp file is gone afterwards. */
    private static void finish(LocalDiskFile diskFile, Path tmp, FileChannel ch, String fileName, ObjectMetadata m)
            throws IOException {
        try {
            XattrMetadataStore.write(tmp, m);
        } catch (XattrMetadataStore.XattrSpaceException e) {
            throw xattrFailure(diskFile, tmp, e);
        }
        ch.force(true);
        Path hashDir = diskFile.hashDir();
        Path suffixDir = hashDir.getParent();
        Path partDir = suffixDir == null ? null : suffixDir.getParent();
        if (partDir == null) {
            throw new IOException("bad hash dir " + hashDir);
        }
        diskFile.manager().invalidateByPath(partDir, DiskLayout.suffixOf(diskFile.nameHash()));
        try {
            DurableFiles.createDirectories(hashDir); // fsyncs the parent of every directory it creates
            Files.move(tmp, hashDir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(
                    "tmp dir and objects dir of " + diskFile.device() + " are on different filesystems", e);
        } catch (IOException e) {
            throw translate(e);
        }
        DurableFiles.fsyncDirectory(hashDir);
        diskFile.manager().cleanup().cleanup(hashDir, diskFile.manager().clock().millis());
    }

    private static IOException xattrFailure(LocalDiskFile diskFile, Path tmp, XattrMetadataStore.XattrSpaceException e)
            throws IOException {
        long free = Files.getFileStore(tmp).getUsableSpace();
        if (free < 1024 * 1024) {
            return new DiskFileNoSpace("device " + diskFile.device() + " is full writing metadata", e);
        }
        return new DiskFileXattrTooLarge(
                "metadata of " + diskFile.name() + " (" + e.pickleBytes()
                        + " bytes pickled) does not fit in this filesystem's extended attributes; send less metadata",
                e);
    }

    private static IOException translate(IOException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("No space left on device") || msg.contains("Disk quota exceeded")) {
            return new DiskFileNoSpace(msg, e);
        }
        return e;
    }

    private void ensureOpen() {
        if (closed || committed) {
            throw new IllegalStateException(
                    "writer of " + diskFile.name() + " is already " + (committed ? "committed" : "closed"));
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } finally {
            if (!committed) {
                Files.deleteIfExists(tempFile);
            }
        }
    }
}
