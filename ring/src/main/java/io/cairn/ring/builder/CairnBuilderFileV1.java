package io.cairn.ring.builder;

import io.cairn.ring.Device;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * Reads Cairn's own builder file, format version 1, which Cairn wrote before it wrote Swift's pickle (the spec is
 * the "Cairn's earlier builder format" section of {@code ring/README.md}). Nothing writes it any more; files
 * written by earlier Cairn versions load and are saved back as Swift's pickle. All integers big-endian, doubles
 * IEEE 754 binary64, strings a u32 byte length then UTF-8:
 *
 * <pre>
 *   0  4  magic "CRBF"
 *   4  2  u16 format version = 1
 *   6  2  u16 reserved = 0
 *   8  8  u64 payload length N
 *  16  N  payload
 *  16+N 4 u32 CRC32C of bytes [0, 16+N)
 *
 * payload:
 *   u8  part power          f64 replicas          i32 min_part_hours     f64 overload
 *   i64 version             i64 last_part_moves epoch (Unix seconds)     i32 last gather start
 *   u8  flags (bit 0: devices changed since the last rebalance)
 *   i32 device slots, then per slot: u8 kind (0 hole, 1 device, 2 device pending removal) and, unless a
 *       hole: i32 region, i32 zone, str ip, i32 port, str replication ip, i32 replication port,
 *       str device, f64 weight, str meta
 *   i32 row count (0 = never rebalanced), then per row: i32 length, length × i32 device id
 *   2^part-power × u8 hours since each partition last moved
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
final class CairnBuilderFileV1 {
    static final int MAGIC = 0x43524246; // "CRBF"
    static final int FORMAT_VERSION = 1;
    static final int HEADER_BYTES = 16;
    static final int TRAILER_BYTES = 4;

    static final int KIND_HOLE = 0;
    static final int KIND_DEVICE = 1;
    static final int KIND_REMOVING = 2;

    private CairnBuilderFileV1() {}

    /** Whether {@code bytes} start with this format's magic. */
    static boolean matches(byte[] bytes) {
        return bytes.length >= 4 && ByteBuffer.wrap(bytes).getInt() == MAGIC;
    }

    /** Decodes {@code bytes}, the content of {@code path}, which start with {@link #MAGIC}. */
    static BuilderState decode(Path path, byte[] bytes) throws CorruptBuilderFileException {
        if (bytes.length < HEADER_BYTES + TRAILER_BYTES) {
            throw new CorruptBuilderFileException(
                    path,
                    "truncated: " + bytes.length + " bytes, a builder file has" + " at least "
                            + (HEADER_BYTES + TRAILER_BYTES));
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        int magic = header.getInt();
        if (magic != MAGIC) {
            throw new CorruptBuilderFileException(
                    path,
                    String.format(Locale.ROOT, "not a Cairn builder file (magic 0x%08x, expected \"CRBF\")", magic));
        }
        int version = header.getShort() & 0xFFFF;
        if (version != FORMAT_VERSION) {
            throw new CorruptBuilderFileException(
                    path,
                    "unsupported format version " + version + " (this build" + " reads version " + FORMAT_VERSION
                            + ")");
        }
        header.getShort();
        long payloadLength = header.getLong();
        long expected = HEADER_BYTES + payloadLength + TRAILER_BYTES;
        if (payloadLength < 0 || expected != bytes.length) {
            throw new CorruptBuilderFileException(
                    path,
                    "truncated or padded: header announces " + payloadLength + " payload bytes (" + expected
                            + " in all) but the file has " + bytes.length);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - TRAILER_BYTES);
        int stored = ByteBuffer.wrap(bytes, bytes.length - TRAILER_BYTES, TRAILER_BYTES)
                .getInt();
        if (stored != (int) crc.getValue()) {
            throw new CorruptBuilderFileException(
                    path,
                    String.format(
                            Locale.ROOT, "checksum mismatch (stored CRC32C 0x%08x, computed 0x%08x)", stored, (int)
                                    crc.getValue()));
        }
        ByteBuffer payload =
                ByteBuffer.wrap(bytes, HEADER_BYTES, (int) payloadLength).slice();
        try {
            BuilderState state = decodePayload(payload);
            if (payload.hasRemaining()) {
                throw new IllegalArgumentException(payload.remaining() + " unexpected bytes after the content");
            }
            return state;
        } catch (BufferUnderflowException e) {
            throw new CorruptBuilderFileException(path, "content ends early");
        } catch (IllegalArgumentException e) {
            throw new CorruptBuilderFileException(path, String.valueOf(e.getMessage()));
        }
    }

    /** Parses and checks the payload; inconsistencies throw {@link IllegalArgumentException}. */
    private static BuilderState decodePayload(ByteBuffer in) {
        int partPower = in.get() & 0xFF;
        double replicas = in.getDouble();
        int minPartHours = in.getInt();
        if (partPower < 1 || partPower > RingBuilder.MAX_PART_POWER) {
            throw new IllegalArgumentException("part power " + partPower + " out of range");
        }
        if (!(replicas >= 1) || Double.isInfinite(replicas) || minPartHours < 0 || minPartHours > 255) {
            throw new IllegalArgumentException(
                    "replicas " + replicas + " or min_part_hours " + minPartHours + " out of range");
        }
        BuilderState s = new BuilderState(partPower, replicas, minPartHours);
        s.overload = in.getDouble();
        if (!(s.overload >= 0) || Double.isInfinite(s.overload)) {
            throw new IllegalArgumentException("overload " + s.overload + " out of range");
        }
        s.version = in.getLong();
        s.lastPartMovesEpochSecond = in.getLong();
        s.lastPartGatherStart = in.getInt();
        if (s.lastPartGatherStart < 0 || s.lastPartGatherStart >= s.partitionCount()) {
            throw new IllegalArgumentException("gather start " + s.lastPartGatherStart + " out of range");
        }
        s.devicesChanged = (in.get() & 1) != 0;
        decodeDevices(in, s);
        decodeRows(in, s);
        in.get(s.lastPartMoves);
        return s;
    }

    private static void decodeDevices(ByteBuffer in, BuilderState s) {
        int slots = in.getInt();
        if (slots < 0 || slots > in.remaining()) {
            throw new IllegalArgumentException("device count " + slots + " out of range");
        }
        for (int id = 0; id < slots; id++) {
            int kind = in.get() & 0xFF;
            if (kind == KIND_HOLE) {
                s.devices.add(null);
                continue;
            }
            if (kind != KIND_DEVICE && kind != KIND_REMOVING) {
                throw new IllegalArgumentException("device " + id + " has unknown kind " + kind);
            }
            int region = in.getInt();
            int zone = in.getInt();
            String ip = readString(in);
            int port = in.getInt();
            String replicationIp = readString(in);
            int replicationPort = in.getInt();
            String device = readString(in);
            double weight = in.getDouble();
            String meta = readString(in);
            DeviceSpec spec =
                    new DeviceSpec(region, zone, ip, port, replicationIp, replicationPort, device, weight, meta);
            s.devices.add(new Device(
                    id, region, zone, spec.ip(), port, spec.replicationIp(), replicationPort, device, weight, meta));
            if (kind == KIND_REMOVING) {
                s.removing.set(id);
            }
        }
    }

    private static void decodeRows(ByteBuffer in, BuilderState s) {
        int rowCount = in.getInt();
        int parts = s.partitionCount();
        // Rows may still have the previous replica count (set_replicas takes effect at the next rebalance).
        if (rowCount < 0 || (long) rowCount * Integer.BYTES > in.remaining()) {
            throw new IllegalArgumentException("row count " + rowCount + " out of range");
        }
        if (rowCount == 0) {
            return;
        }
        int[][] rows = new int[rowCount][];
        for (int r = 0; r < rowCount; r++) {
            int length = in.getInt();
            if (length < 0 || length > parts || (r < rowCount - 1 && length != parts)) {
                throw new IllegalArgumentException("row " + r + " has " + length + " entries, expected " + parts);
            }
            if ((long) length * Integer.BYTES > in.remaining()) {
                throw new BufferUnderflowException();
            }
            int[] row = new int[length];
            for (int p = 0; p < length; p++) {
                int dev = in.getInt();
                if (dev < 0 || dev >= s.devices.size() || s.devices.get(dev) == null) {
                    throw new IllegalArgumentException(
                            "partition " + p + " replica " + r + " names unknown device " + dev);
                }
                row[p] = dev;
            }
            rows[r] = row;
        }
        s.rows = rows;
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("string length " + length + " exceeds the remaining content");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
