package io.cairn.object.metadata;

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

    /** Writes already-pickled metadata (chunks, then checksum). */
    public static void writePickle(Path file, byte[] pickle) throws IOException {
        UserDefinedFileAttributeView view = view(file);
        byte[] checksum = md5Hex(pickle).getBytes(StandardCharsets.US_ASCII);
        int key = 0;
        try {
            for (int off = 0; off < pickle.length; off += CHUNK_SIZE, key++) {
                int len = Math.min(CHUNK_SIZE, pickle.length - off);
                view.write(chunkName(key), ByteBuffer.wrap(pickle, off, len));
            }
            view.write(CHECKSUM_KEY, ByteBuffer.wrap(checksum));
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
            throw new MetadataFormatException("no " + "user." + KEY + " xattr on " + file);
        }
        if (names.contains(CHECKSUM_KEY)) {
            String stored = new String(readAttr(view, CHECKSUM_KEY), StandardCharsets.US_ASCII);
            String computed = md5Hex(bytes);
            if (!stored.equals(computed)) {
                throw new MetadataFormatException("Metadata checksum mismatch for " + file + ": stored checksum='"
                        + stored + "', computed='" + computed + "'");
            }
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
