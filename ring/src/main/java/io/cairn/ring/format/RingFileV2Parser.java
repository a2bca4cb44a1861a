package io.cairn.ring.format;

import io.cairn.ring.Device;
import io.cairn.ring.RingData;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses decompressed v2 ring content (see {@link RingFileFormat}): tail offsets, index, then the three
 * Swift sections, each length-checked against the index and verified with its checksum.
 *
 * <p>Thread-safety: stateless; thread-safe.
 */
final class RingFileV2Parser {
    private static final int TAIL_BYTES = 2 * RingFileFormat.V2_SIZE_BYTES;

    private RingFileV2Parser() {}

    static RingData parse(byte[] content) throws RingFormatException {
        ByteBuffer buf = ByteBuffer.wrap(content);
        if (content.length < RingFileFormat.HEADER_BYTES + TAIL_BYTES) {
            throw new RingFormatException("truncated v2 ring: no room for the index offsets");
        }
        long indexStart = buf.getLong(content.length - TAIL_BYTES);
        long indexEnd = (long) content.length - TAIL_BYTES;
        if (indexStart < RingFileFormat.HEADER_BYTES || indexStart + RingFileFormat.V2_SIZE_BYTES > indexEnd) {
            throw new RingFormatException("v2 index offset " + indexStart + " out of range");
        }
        long indexLen = buf.getLong((int) indexStart);
        if (indexLen != indexEnd - indexStart - RingFileFormat.V2_SIZE_BYTES) {
            throw new RingFormatException("v2 index length " + indexLen + " does not end at the tail offsets");
        }
        Map<?, ?> index = RingFileReader.jsonObject(
                content, (int) indexStart + RingFileFormat.V2_SIZE_BYTES, (int) indexLen, "v2 index");

        byte[] metaBlob = section(content, index, RingFileFormat.SECTION_METADATA, indexStart);
        Map<?, ?> meta = RingFileReader.jsonObject(metaBlob, 0, metaBlob.length, RingFileFormat.SECTION_METADATA);
        byte[] devBlob = section(content, index, RingFileFormat.SECTION_DEVICES, indexStart);
        List<@Nullable Device> devices =
                DeviceJson.fromJson(RingFileReader.json(devBlob, 0, devBlob.length, RingFileFormat.SECTION_DEVICES));
        byte[] table = section(content, index, RingFileFormat.SECTION_ASSIGNMENTS, indexStart);

        int partShift = RingFileReader.partShift(meta);
        long devIdBytes = RingFileReader.longField(meta, "dev_id_bytes", true);
        if (devIdBytes != 2 && devIdBytes != 4) {
            throw new RingFormatException("unsupported dev_id_bytes " + devIdBytes + " (2 and 4 are supported)");
        }
        int[][] rows = rows(table, (int) devIdBytes, 1 << (32 - partShift));
        return new RingData(
                devices,
                rows,
                partShift,
                RingFileReader.optionalLong(meta, "version"),
                RingFileReader.optionalInt(meta, "next_part_power"));
    }

    /** The blob of a section (without its length prefix), after checking bounds, length and checksum. */
    private static byte[] section(byte[] content, Map<?, ?> index, String name, long indexStart)
            throws RingFormatException {
        Object entry = index.get(name);
        if (!(entry instanceof List<?> e) || e.size() != 6) {
            throw new RingFormatException("v2 index has no valid entry for section " + name);
        }
        long start = number(e.get(1), name);
        long end = number(e.get(3), name);
        if (start < RingFileFormat.HEADER_BYTES || end > indexStart || start + RingFileFormat.V2_SIZE_BYTES > end) {
            throw new RingFormatException("section " + name + " spans [" + start + ", " + end + "), out of range");
        }
        long blobLen = ByteBuffer.wrap(content).getLong((int) start);
        if (blobLen != end - start - RingFileFormat.V2_SIZE_BYTES) {
            throw new RingFormatException("section " + name + " length " + blobLen + " disagrees with the index");
        }
        if (!(e.get(4) instanceof String method) || !(e.get(5) instanceof String expected)) {
            throw new RingFormatException("section " + name + " has no checksum in the index");
        }
        MessageDigest md = RingFileReader.digest(method);
        md.update(content, (int) start, (int) (end - start));
        String actual = RingFileReader.hex(md.digest());
        if (!actual.equals(expected)) {
            throw new RingFormatException(
                    "section " + name + " " + method + " mismatch: file says " + expected + ", content is " + actual);
        }
        byte[] blob = new byte[(int) blobLen];
        System.arraycopy(content, (int) start + RingFileFormat.V2_SIZE_BYTES, blob, 0, blob.length);
        return blob;
    }

    private static long number(@Nullable Object v, String name) throws RingFormatException {
        if (v instanceof Long l) {
            return l;
        }
        throw new RingFormatException("section " + name + " has a non-integer offset in the index: " + v);
    }

    private static int[][] rows(byte[] table, int idBytes, int parts) throws RingFormatException {
        if (table.length % idBytes != 0) {
            throw new RingFormatException("assignments are " + table.length + " bytes, not a multiple of " + idBytes);
        }
        long entries = table.length / idBytes;
        int rowCount = (int) ((entries + parts - 1) / parts);
        int[][] rows = new int[rowCount][];
        ByteBuffer buf = ByteBuffer.wrap(table); // v2 is always network order
        for (int r = 0; r < rowCount; r++) {
            int[] row = new int[(int) Math.min(parts, entries - (long) r * parts)];
            for (int p = 0; p < row.length; p++) {
                row[p] = idBytes == 2 ? buf.getShort() & 0xFFFF : buf.getInt();
            }
            rows[r] = row;
        }
        return rows;
    }
}
