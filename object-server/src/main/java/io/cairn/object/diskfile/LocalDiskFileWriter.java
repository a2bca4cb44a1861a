package io.cairn.object.diskfile;

import io.cairn.common.io.DurableFiles;
import io.cairn.common.io.LinuxFiles;
import io.cairn.common.io.NativeFile;
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
import java.nio.file.FileStore;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * Swift's write path (reference §2.5): the body goes to a file without a name ({@code O_TMPFILE} in {@code
 * <dev>/tmp[-N]}, Swift's {@code use_linkat}) or, where the filesystem or platform lacks that, to a temp file there
 * (Swift's {@code mkstemp} fallback) → body (md5 and CRC32C updated while streaming) → xattrs → fsync → invalidate the suffix
 * → link (or rename) to {@code <hashdir>/<name>} → fsync the hash dir and every new parent → cleanup of obsolete
 * files.
 *
 * <p>Thread-safety: not thread-safe (see {@link DiskFileWriter}).
 */
final class LocalDiskFileWriter implements DiskFileWriter {
    /**
     * Bytes written between two writeback hints ({@code sync_file_range(SYNC_FILE_RANGE_WRITE)}) on a large body:
     * the disk writes while the rest arrives, and the fsync at commit waits for the last stretch only.
     */
    static final long WRITEBACK_STRIDE = 8L << 20;

    private final LocalDiskFile diskFile;
    private final long expectedSize;
    private final StagedFile staged;
    private final FileChannel channel;
    /** Null once the MD5 is the sender's ({@link #expectSenderDigest}). */
    private @Nullable MessageDigest md5 = SuffixHasher.newMd5();

    private final CRC32C crc32c = new CRC32C();
    private long written;
    private long writebackFrom;
    private @Nullable String etag;
    private boolean committed;
    private boolean closed;

    private LocalDiskFileWriter(LocalDiskFile diskFile, long expectedSize, StagedFile staged) {
        this.diskFile = diskFile;
        this.expectedSize = expectedSize;
        this.staged = staged;
        this.channel = staged.channel();
    }

    static LocalDiskFileWriter create(LocalDiskFile diskFile, long expectedSize) throws IOException {
        StagedFile staged = StagedFile.create(diskFile);
        if (expectedSize > 0 && diskFile.manager().config().fallocate()) {
            try {
                fallocate(diskFile, staged, expectedSize);
            } catch (IOException | RuntimeException e) {
                try {
                    staged.close(false);
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }
        return new LocalDiskFileWriter(diskFile, expectedSize, staged);
    }

    /**
     * Swift's {@code utils.fallocate} as {@code DiskFileWriter.open} calls it for a body of known size: the {@code
     * fallocate_reserve} check against the device's {@code statvfs}, then the body's blocks reserved; either failing
     * is {@code DiskFileNoSpace} (507). Not called at all with {@code disable_fallocate = true}.
     */
    private static void fallocate(LocalDiskFile diskFile, StagedFile staged, long size) throws IOException {
        FileStore store = diskFile.manager().fileStore(staged.dir());
        FallocateReserve reserve = diskFile.manager().config().fallocateReserve();
        long usable = store.getUsableSpace();
        if (reserve.refuses(usable, store.getTotalSpace(), size)) {
            throw new DiskFileNoSpace("device " + diskFile.device() + ": " + size + " bytes would leave less than"
                    + " fallocate_reserve = " + reserve + " of " + usable + " bytes free");
        }
        try {
            staged.reserve(size, usable);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /** Where a body is written before it has its name, in either of Swift's two ways. */
    private abstract static class StagedFile {
        /** The device's tmp dir, where the file is (or is not named). */
        abstract Path dir();

        abstract FileChannel channel();

        abstract void writeMetadata(ObjectMetadata metadata) throws IOException;

        /** Gives the file the name {@code target}, replacing any file of that name; the directory exists. */
        abstract void publish(Path target) throws IOException;

        abstract void startWriteback(long offset, long length) throws IOException;

        /** Reserves {@code size} bytes of blocks for the body ({@code fallocate}); {@code usable}: bytes free now. */
        abstract void reserve(long size, long usable) throws IOException;

        /** Closes the file; one that was not published leaves nothing behind. */
        abstract void close(boolean published) throws IOException;

        static StagedFile create(LocalDiskFile diskFile) throws IOException {
            Path tmpDir = DiskLayout.tmpDir(diskFile.devicePath(), diskFile.policyIndex());
            LinuxFiles linux = diskFile.manager().unnamedFiles();
            if (linux != null) {
                try {
                    return Unnamed.create(linux, tmpDir);
                } catch (LinuxFiles.UnnamedFilesUnsupported e) {
                    diskFile.manager().unnamedFilesUnsupported(e);
                }
            }
            return Named.create(tmpDir);
        }
    }

    /** {@code open(O_TMPFILE)}, xattrs on the descriptor, {@code linkat} to publish: Swift's {@code use_linkat}. */
    private static final class Unnamed extends StagedFile {
        private final LinuxFiles linux;
        private final NativeFile file;
        private final Path dir;

        private Unnamed(LinuxFiles linux, NativeFile file, Path dir) {
            this.linux = linux;
            this.file = file;
            this.dir = dir;
        }

        static Unnamed create(LinuxFiles linux, Path tmpDir) throws IOException {
            NativeFile file;
            try {
                file = linux.openUnnamed(tmpDir);
            } catch (NoSuchFileException e) {
                DurableFiles.createDirectories(tmpDir); // as Swift: created when first found missing
                file = linux.openUnnamed(tmpDir);
            } catch (IOException e) {
                throw translate(e);
            }
            return new Unnamed(linux, file, tmpDir);
        }

        @Override
        Path dir() {
            return dir;
        }

        @Override
        FileChannel channel() {
            return file.channel();
        }

        @Override
        void writeMetadata(ObjectMetadata metadata) throws IOException {
            XattrMetadataStore.write(linux, file, dir, metadata);
        }

        /** Swift's {@code link_fd_to_path}: an existing name is unlinked and the link tried once more. */
        @Override
        void publish(Path target) throws IOException {
            try {
                linux.link(file, target);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(target);
                linux.link(file, target);
            }
        }

        @Override
        void startWriteback(long offset, long length) throws IOException {
            linux.startWriteback(file, offset, length);
        }

        @Override
        void reserve(long size, long usable) throws IOException {
            linux.fallocate(file, 0, size);
        }

        @Override
        void close(boolean published) throws IOException {
            file.close(); // an unlinked O_TMPFILE file is gone with its last descriptor
        }
    }

    /**
     * Swift's {@code mkstemp} in {@code <dev>/tmp[-N]}: one {@code open(O_CREAT|O_EXCL, 0600)} under a random name.
     * {@code Files.createTempFile} would create the file and the writer then open it again, and it draws each name
     * from a shared {@code SecureRandom}; {@code O_EXCL} already makes any name safe. The directory is created
     * only when the open finds it missing, as Swift's {@code mkstemp} retry does, rather than checked every time.
     */
    private static final class Named extends StagedFile {
        private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        private static final Set<StandardOpenOption> CREATE_NEW_WRITE =
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        private static final int ATTEMPTS = 16;

        private final Path dir;
        private final Path path;
        private final FileChannel channel;

        private Named(Path dir, Path path, FileChannel channel) {
            this.dir = dir;
            this.path = path;
            this.channel = channel;
        }

        static Named create(Path tmpDir) throws IOException {
            for (int attempt = 1; ; attempt++) {
                Path candidate = tmpDir.resolve(LocalDiskFileManager.TEMP_PREFIX
                        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
                try {
                    return new Named(tmpDir, candidate, FileChannel.open(candidate, CREATE_NEW_WRITE, OWNER_ONLY));
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

        @Override
        Path dir() {
            return dir;
        }

        @Override
        FileChannel channel() {
            return channel;
        }

        @Override
        void writeMetadata(ObjectMetadata metadata) throws IOException {
            XattrMetadataStore.write(path, metadata);
        }

        @Override
        void publish(Path target) throws IOException {
            try {
                Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("tmp dir and objects dir of " + target + " are on different filesystems", e);
            }
        }

        @Override
        void startWriteback(long offset, long length) {
            // the JDK has no sync_file_range: the fsync at commit writes the whole body
        }

        /** The JDK has no fallocate: refuses what the kernel's would, a body larger than the free space. */
        @Override
        void reserve(long size, long usable) throws IOException {
            if (usable < size) {
                throw new DiskFileNoSpace("No space left on device: " + size + " bytes, " + usable + " free");
            }
        }

        @Override
        void close(boolean published) throws IOException {
            try {
                channel.close();
            } finally {
                if (!published) {
                    Files.deleteIfExists(path);
                }
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
        MessageDigest digest = md5;
        if (digest != null) {
            chunk.position(start);
            digest.update(chunk);
        }
        chunk.position(start);
        crc32c.update(chunk);
        chunk.position(end);
        written += end - start;
        if (written - writebackFrom >= WRITEBACK_STRIDE) {
            staged.startWriteback(writebackFrom, written - writebackFrom);
            writebackFrom = written;
        }
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
            MessageDigest digest = md5;
            if (digest == null) {
                throw new IllegalStateException("the MD5 of " + diskFile.name() + " is the sender's, not given yet");
            }
            e = HashPath.toHex(digest.digest());
            etag = e;
        }
        return e;
    }

    @Override
    public void expectSenderDigest() {
        if (written > 0) {
            throw new IllegalStateException("expectSenderDigest after the first write of " + diskFile.name());
        }
        md5 = null;
    }

    @Override
    public void senderDigest(SenderDigest digest) throws DiskFileEtagMismatch {
        if (md5 != null) {
            throw new IllegalStateException("senderDigest without expectSenderDigest for " + diskFile.name());
        }
        long computed = crc32c.getValue();
        if (computed != digest.crc32c()) {
            throw new DiskFileEtagMismatch(
                    "body of " + diskFile.name() + " has CRC32C " + BodyVerifier.crc32cHex(computed)
                            + ", its sender's is " + BodyVerifier.crc32cHex(digest.crc32c()));
        }
        etag = digest.md5Hex();
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
        m.remove(ObjectMetadata.BODY_CRC32C); // a replica's or copy's value is never trusted: this body's, or none
        if (written >= ObjectMetadata.BODY_CRC32C_MIN_BYTES) {
            m.put(ObjectMetadata.BODY_CRC32C, BodyVerifier.crc32cHex(crc32c.getValue()));
        }
        m.put(ObjectMetadata.NAME, diskFile.name());
        ObjectMetadata stored = ObjectMetadata.of(m);
        finish(diskFile, staged, OnDiskFileName.make(ts, OnDiskFileName.DATA, null), stored);
        committed = true;
        return stored;
    }

    /** Writes a zero-byte {@code .meta}/{@code .ts} with {@code metadata} (+ {@code name}) through the same path. */
    static void writeEmpty(LocalDiskFile diskFile, String fileName, ObjectMetadata metadata) throws IOException {
        StagedFile staged = StagedFile.create(diskFile);
        boolean published = false;
        try {
            finish(diskFile, staged, fileName, metadata.with(ObjectMetadata.NAME, diskFile.name()));
            published = true;
        } finally {
            staged.close(published);
        }
    }

    /** xattrs → fsync → invalidate → link/rename → dir fsyncs → cleanup. The file has its name afterwards. */
    private static void finish(LocalDiskFile diskFile, StagedFile staged, String fileName, ObjectMetadata m)
            throws IOException {
        try {
            staged.writeMetadata(m);
        } catch (XattrMetadataStore.XattrSpaceException e) {
            throw xattrFailure(diskFile, staged.dir(), e);
        }
        staged.channel().force(true);
        Path hashDir = diskFile.hashDir();
        Path suffixDir = hashDir.getParent();
        Path partDir = suffixDir == null ? null : suffixDir.getParent();
        if (partDir == null) {
            throw new IOException("bad hash dir " + hashDir);
        }
        diskFile.manager().invalidateByPath(partDir, DiskLayout.suffixOf(diskFile.nameHash()));
        List<Path> created;
        try {
            created = DurableFiles.createDirectories(hashDir); // fsyncs the parent of every directory it creates
            staged.publish(hashDir.resolve(fileName));
        } catch (IOException e) {
            throw translate(e);
        }
        DurableFiles.fsyncDirectory(hashDir);
        // A .data in a hash dir this PUT created has nothing older beside it to remove, short of a concurrent PUT
        // of the same object that created it first; what such a race leaves, the replicator's cleanup removes (reads
        // take the newest file meanwhile). Tombstones and .meta files are always cleaned, as a lone tombstone past
        // reclaim_age goes at once.
        if (!created.isEmpty() && fileName.endsWith(OnDiskFileName.DATA)) {
            return;
        }
        diskFile.manager().cleanup().cleanup(hashDir, diskFile.manager().clock().millis());
    }

    private static IOException xattrFailure(LocalDiskFile diskFile, Path dir, XattrMetadataStore.XattrSpaceException e)
            throws IOException {
        long free = Files.getFileStore(dir).getUsableSpace();
        if (free < 1024 * 1024) {
            return new DiskFileNoSpace("device " + diskFile.device() + " is full writing metadata", e);
        }
        return new DiskFileXattrTooLarge(
                "metadata of " + diskFile.name() + " (" + e.pickleBytes()
                        + " bytes pickled) does not fit in this filesystem's extended attributes; send less metadata",
                e);
    }

    private static IOException translate(IOException e) {
        if (e instanceof DiskFileException) {
            return e;
        }
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
        staged.close(committed);
    }
}
