package io.cairn.ring.format;

import io.cairn.common.codec.Json;
import io.cairn.ring.RingData;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes Swift ring files byte-identical to what Swift writes for the same ring: v1 as Swift 2.30.1's
 * {@code RingData.save} on little-endian hardware, v2 as master's {@code RingData.save(format_version=2)}.
 * See {@link RingFileFormat} for the layouts.
 *
 * <p>Writes are atomic as Swift's: a temporary file in the target directory, fsync, mode 0644, rename
 * over the target, then fsync of the directory (which Swift omits) so the rename survives a crash.
 *
 * <p>Thread-safety: stateless static methods; thread-safe (concurrent writers of one path race on the
 * rename; the last one wins, and readers always see a complete file).
 */
public final class RingFileWriter {
    private RingFileWriter() {}

    /**
     * Writes {@code ring} as a v1 file at {@code path}.
     *
     * @throws IllegalArgumentException if a device id does not fit v1's 16 bits (use v2) or the ring is
     *     inconsistent ({@link RingData#validate()})
     */
    public static void writeV1(RingData ring, Path path) throws IOException {
        ring.validate();
        String name = fileName(path);
        atomicWrite(path, out -> writeV1(ring, out, name));
    }

    /** Writes {@code ring} as a v2 file at {@code path}. */
    public static void writeV2(RingData ring, Path path) throws IOException {
        ring.validate();
        String name = fileName(path);
        atomicWrite(path, out -> writeV2(ring, out, name));
    }

    /** The v1 bytes, as if saved to a file named {@code fileName} (which goes into the gzip header). */
    static void writeV1(RingData ring, OutputStream sink, String fileName) throws IOException {
        if (ring.devices().size() > RingFileFormat.V1_NONE_DEV) {
            throw new IllegalArgumentException(
                    "ring has " + ring.devices().size() + " device ids; v1 holds ids below 65535: write v2");
        }
        try (PythonGzipWriter gz = newGzip(sink, fileName)) {
            gz.write(header(RingFileFormat.VERSION_1));
            Map<String, @Nullable Object> meta = new LinkedHashMap<>();
            meta.put("byteorder", "little");
            meta.put("devs", DeviceJson.toJson(ring.devices()));
            if (ring.nextPartPower() != null) {
                meta.put("next_part_power", ring.nextPartPower());
            }
            meta.put("part_shift", ring.partShift());
            meta.put("replica_count", ring.rowCount());
            if (ring.version() != null) {
                meta.put("version", ring.version());
            }
            byte[] json = Json.writeSortedKeys(meta).getBytes(StandardCharsets.US_ASCII);
            gz.write(ByteBuffer.allocate(4).putInt(json.length).array());
            gz.write(json);
            for (int r = 0; r < ring.rowCount(); r++) {
                gz.write(rowBytes(ring, r, 2, ByteOrder.LITTLE_ENDIAN));
            }
            gz.finish();
        }
    }

    /** The v2 bytes, as if saved to a file named {@code fileName}. */
    static void writeV2(RingData ring, OutputStream sink, String fileName) throws IOException {
        // ids must stay below the all-ones "none" id of their width
        int idBytes = ring.devices().size() <= RingFileFormat.V1_NONE_DEV ? 2 : 4;
        try (PythonGzipWriter gz = newGzip(sink, fileName)) {
            gz.switchLevel(RingFileFormat.LEVEL_STORED);
            gz.write(header(RingFileFormat.VERSION_2));
            gz.switchLevel(RingFileFormat.LEVEL_BEST);

            Map<String, @Nullable Object> meta = new LinkedHashMap<>();
            meta.put("dev_id_bytes", idBytes);
            if (ring.nextPartPower() != null) {
                meta.put("next_part_power", ring.nextPartPower());
            }
            meta.put("part_shift", ring.partShift());
            meta.put("replica_count", replicaCount(ring));
            meta.put("version", ring.version());

            Map<String, Object> index = new LinkedHashMap<>();
            SectionWriter sections = new SectionWriter(gz, index);
            sections.jsonSection(RingFileFormat.SECTION_METADATA, meta);
            sections.jsonSection(RingFileFormat.SECTION_DEVICES, DeviceJson.toJson(ring.devices()));
            long tableBytes = 0;
            List<byte[]> rows = new ArrayList<>();
            for (int r = 0; r < ring.rowCount(); r++) {
                byte[] row = rowBytes(ring, r, idBytes, ByteOrder.BIG_ENDIAN);
                rows.add(row);
                tableBytes += row.length;
            }
            sections.begin(RingFileFormat.SECTION_ASSIGNMENTS);
            sections.write(size(tableBytes));
            for (byte[] row : rows) {
                sections.write(row);
            }
            sections.end();

            long indexUncompressed = gz.uncompressedPosition();
            long indexCompressed = gz.compressedPosition();
            byte[] indexJson = Json.writeSortedKeys(index).getBytes(StandardCharsets.US_ASCII);
            gz.write(size(indexJson.length));
            gz.write(indexJson);
            gz.switchLevel(RingFileFormat.LEVEL_STORED);
            gz.write(size(indexUncompressed));
            gz.fullFlush();
            gz.write(size(indexCompressed));
            gz.fullFlush();
            gz.finish();
        }
    }

    /** Swift's float replica count: full rows plus the fraction of the last one, as Python computes it. */
    private static double replicaCount(RingData ring) {
        int rows = ring.rowCount();
        return (rows - 1) + (double) ring.rowLength(rows - 1) / ring.rowLength(0);
    }

    private static byte[] header(int version) {
        return ByteBuffer.allocate(RingFileFormat.HEADER_BYTES)
                .put(RingFileFormat.MAGIC)
                .putShort((short) version)
                .array();
    }

    private static byte[] size(long value) {
        return ByteBuffer.allocate(RingFileFormat.V2_SIZE_BYTES).putLong(value).array();
    }

    private static byte[] rowBytes(RingData ring, int r, int idBytes, ByteOrder order) {
        int len = ring.rowLength(r);
        ByteBuffer buf = ByteBuffer.allocate(len * idBytes).order(order);
        for (int p = 0; p < len; p++) {
            int id = ring.deviceId(r, p);
            if (idBytes == 2) {
                buf.putShort((short) id);
            } else {
                buf.putInt(id);
            }
        }
        return buf.array();
    }

    private static PythonGzipWriter newGzip(OutputStream sink, String fileName) throws IOException {
        return new PythonGzipWriter(sink, fileName, RingFileFormat.GZIP_MTIME, RingFileFormat.LEVEL_BEST);
    }

    private static String fileName(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            throw new IllegalArgumentException("not a file path: " + path);
        }
        return name.toString();
    }

    /** Records v2 index entries: offsets at full-flush boundaries and a checksum of what was written. */
    private static final class SectionWriter {
        private final PythonGzipWriter gz;
        private final Map<String, Object> index;
        private @Nullable MessageDigest checksum;
        private @Nullable String name;
        private long compressedStart;
        private long uncompressedStart;

        SectionWriter(PythonGzipWriter gz, Map<String, Object> index) {
            this.gz = gz;
            this.index = index;
        }

        void jsonSection(String section, Object json) throws IOException {
            byte[] blob = Json.writeSortedKeys(json).getBytes(StandardCharsets.US_ASCII);
            begin(section);
            write(size(blob.length));
            write(blob);
            end();
        }

        void begin(String section) throws IOException {
            gz.fullFlush();
            name = section;
            compressedStart = gz.compressedPosition();
            uncompressedStart = gz.uncompressedPosition();
            checksum = RingFileReader.digest(RingFileFormat.V2_CHECKSUM);
        }

        void write(byte[] data) throws IOException {
            if (checksum == null) {
                throw new IllegalStateException("write outside a section");
            }
            checksum.update(data);
            gz.write(data);
        }

        void end() throws IOException {
            if (checksum == null || name == null) {
                throw new IllegalStateException("no section open");
            }
            gz.fullFlush();
            List<Object> entry = new ArrayList<>(6);
            entry.add(compressedStart);
            entry.add(uncompressedStart);
            entry.add(gz.compressedPosition());
            entry.add(gz.uncompressedPosition());
            entry.add(RingFileFormat.V2_CHECKSUM);
            entry.add(RingFileReader.hex(checksum.digest()));
            index.put(name, entry);
            checksum = null;
            name = null;
        }
    }

    // ---------------------------------------------------------------- atomic file replacement

    /** Writes the content of a file. */
    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void atomicWrite(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            throw new IllegalArgumentException("no parent directory for " + target);
        }
        Path tmp = Files.createTempFile(dir, "." + fileName(target) + ".", ".tmp");
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            PosixFileAttributeView posix = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
            if (posix != null) {
                posix.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot atomically replace " + target + ": " + e.getMessage(), e);
            }
            done = true;
            fsyncDirectory(dir);
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (FileSystemException e) {
            // some file systems refuse to open or sync a directory; the rename itself has happened
        }
    }
}
