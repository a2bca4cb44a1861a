package io.cairn.object.metadata;

import io.cairn.common.io.LinuxFiles;
import io.cairn.common.io.NativeFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Object metadata in extended attributes, Swift's layout (reference §2.4):
 *
 * <pre>
 *   user.swift.metadata            pickle bytes [0, 65536)
 *   user.swift.metadata1           pickle bytes [65536, 131072)   … as many as needed
 *   user.swift.metadata_checksum   ASCII md5 hex of the whole pickle
 * </pre>
 *
 * The reader concatenates chunks until a name is missing; a missing checksum is tolerated (older
 * objects), a mismatching one is corruption. Java's {@link UserDefinedFileAttributeView} names omit
 * the {@code user.} namespace.
 *
 * <p>Thread-safety: stateless and thread-safe. Blocks on the disk.
 */
public final class XattrMetadataStore {
    /** Swift's {@code xattr_size}: bytes per xattr chunk. */
    public static final int CHUNK_SIZE = 65536;

    private static final String USER = "user.";
    static final String KEY = "swift.metadata";
    static final String CHECKSUM_KEY = "swift.metadata_checksum";

    private static final ThreadLocal<ByteBuffer> READ_BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(CHUNK_SIZE));

    private XattrMetadataStore() {}

    /** Thrown when the filesystem refuses the xattrs for lack of room ({@code ENOSPC}/{@code E2BIG}). */
    public static final class XattrSpaceException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int pickleBytes;

        XattrSpaceException(String message, int pickleBytes, Throwable cause) {
            super(message, cause);
            this.pickleBytes = pickleBytes;
        }

        /** Size of the pickle that did not fit. */
        public int pickleBytes() {
            return pickleBytes;
        }
    }

    /** Writes {@code metadata} to {@code file}'s xattrs as Swift does. */
    public static void write(Path file, ObjectMetadata metadata) throws IOException {
        writePickle(file, MetadataCodec.encode(metadata));
    }

    /**
     * Writes {@code metadata} to the xattrs of an open file, one {@code fsetxattr} per name as Swift's {@code
     * write_metadata(fd, …)}; {@code path} names the file in errors.
     */
    public static void write(LinuxFiles linux, NativeFile file, Path path, ObjectMetadata metadata) throws IOException {
        writePickle(
                (name, value, off, len) -> linux.setXattr(file, USER + name, value, off, len),
                path,
                MetadataCodec.encode(metadata));
    }

    /** Writes already-pickled metadata (chunks, then checksum). */
    public static void writePickle(Path file, byte[] pickle) throws IOException {
        UserDefinedFileAttributeView view = view(file);
        writePickle((name, value, off, len) -> view.write(name, ByteBuffer.wrap(value, off, len)), file, pickle);
    }

    /** Sets one xattr; {@code name} without the {@code user.} namespace. */
    @FunctionalInterface
    private interface XattrSetter {
        void set(String name, byte[] value, int off, int len) throws IOException;
    }

    private static void writePickle(XattrSetter setter, Path file, byte[] pickle) throws IOException {
        byte[] checksum = md5Hex(pickle).getBytes(StandardCharsets.US_ASCII);
        int key = 0;
        try {
            for (int off = 0; off < pickle.length; off += CHUNK_SIZE, key++) {
                setter.set(chunkName(key), pickle, off, Math.min(CHUNK_SIZE, pickle.length - off));
            }
            setter.set(CHECKSUM_KEY, checksum, 0, checksum.length);
        } catch (FileSystemException e) {
            String reason = String.valueOf(e.getReason());
            if (reason.contains("No space left") || reason.contains("Argument list too long")) {
                throw new XattrSpaceException(
                        "xattrs of " + file + " cannot hold " + pickle.length + " bytes of metadata: " + reason,
                        pickle.length,
                        e);
            }
            throw e;
        }
    }

    /**
     * Reads and decodes the metadata of {@code file}.
     *
     * @throws MetadataFormatException no metadata, a checksum mismatch, or an unreadable pickle
     */
    public static ObjectMetadata read(Path file) throws IOException {
        return MetadataCodec.decode(readPickle(file));
    }

    /** Reads the raw pickle, verifying the checksum when present. */
    public static byte[] readPickle(Path file) throws IOException {
        UserDefinedFileAttributeView view = view(file);
        Set<String> names = new HashSet<>(view.list());
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        for (int key = 0; names.contains(chunkName(key)); key++) {
            pickle.writeBytes(readAttr(view, chunkName(key)));
        }
        byte[] bytes = pickle.toByteArray();
        if (bytes.length == 0) {
            throw new MetadataFormatException("no " + USER + KEY + " xattr on " + file);
        }
        if (names.contains(CHECKSUM_KEY)) {
            verifyChecksum(file, bytes, new String(readAttr(view, CHECKSUM_KEY), StandardCharsets.US_ASCII));
        }
        return bytes;
    }

    private static void verifyChecksum(Path file, byte[] pickle, String stored) throws MetadataFormatException {
        String computed = md5Hex(pickle);
        if (!stored.equals(computed)) {
            throw new MetadataFormatException("Metadata checksum mismatch for " + file + ": stored checksum='" + stored
                    + "', computed='" + computed + "'");
        }
    }

    /**
     * Reads and decodes the metadata of an open file: one {@code fgetxattr} per chunk until a name is missing, as
     * Swift's {@code read_metadata(fd)}, and no listing of names; {@code path} names the file in errors.
     *
     * @throws MetadataFormatException no metadata, a checksum mismatch, or an unreadable pickle
     */
    public static ObjectMetadata read(LinuxFiles linux, NativeFile file, Path path) throws IOException {
        try {
            return MetadataCodec.decode(readPickle(linux, file, path));
        } catch (FileSystemException e) {
            if (String.valueOf(e.getReason()).contains("out of range")) {
                return read(path); // a value longer than Swift writes (another writer): read at its size
            }
            throw e;
        }
    }

    private static byte[] readPickle(LinuxFiles linux, NativeFile file, Path path) throws IOException {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        ByteBuffer buf = READ_BUFFER.get();
        for (int key = 0; ; key++) {
            buf.clear();
            int n = linux.getXattr(file, USER + chunkName(key), buf);
            if (n < 0) {
                break;
            }
            buf.flip();
            byte[] chunk = new byte[n];
            buf.get(chunk);
            pickle.writeBytes(chunk);
        }
        byte[] bytes = pickle.toByteArray();
        if (bytes.length == 0) {
            throw new MetadataFormatException("no " + USER + KEY + " xattr on " + path);
        }
        buf.clear();
        int n = linux.getXattr(file, USER + CHECKSUM_KEY, buf);
        if (n >= 0) {
            buf.flip();
            verifyChecksum(path, bytes, StandardCharsets.US_ASCII.decode(buf).toString());
        }
        return bytes;
    }

    /** The xattr names (without {@code user.}) currently on {@code file}. */
    public static List<String> names(Path file) throws IOException {
        return view(file).list();
    }

    /**
     * One {@code getxattr} into a per-thread buffer that fits any chunk (Swift writes at most {@link #CHUNK_SIZE}
     * bytes per name, and Linux allows no more than 64 KiB per value): asking for the size first, as
     * {@code view.size} then {@code view.read} would, costs the JDK a second open and read of the attribute.
     */
    private static byte[] readAttr(UserDefinedFileAttributeView view, String name) throws IOException {
        ByteBuffer buf = READ_BUFFER.get();
        buf.clear();
        try {
            view.read(name, buf);
        } catch (IOException e) {
            int size = view.size(name);
            if (size <= buf.capacity()) {
                throw e;
            }
            // a value longer than Swift ever writes (another writer, another filesystem): read it at its size
            buf = ByteBuffer.allocate(size);
            int n;
            do {
                n = view.read(name, buf);
            } while (n > 0 && buf.hasRemaining());
        }
        buf.flip();
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        return out;
    }

    static String chunkName(int key) {
        return key == 0 ? KEY : KEY + key;
    }

    private static UserDefinedFileAttributeView view(Path file) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        if (view == null) {
            throw new IOException("filesystem of " + file + " does not support user xattrs");
        }
        return view;
    }

    static String md5Hex(byte[] data) {
        try {
            return io.cairn.common.path.HashPath.toHex(
                    MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
