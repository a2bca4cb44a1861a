package io.cairn.ring.format;

import io.cairn.common.codec.Json;
import io.cairn.ring.Device;
import io.cairn.ring.RingData;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Reads Swift ring files, format v1 and v2 (detected by the version after the magic), into
 * {@link RingData}. See {@link RingFileFormat} for the layouts.
 *
 * <p>The whole gzip stream is inflated into memory (a ring is at most a few tens of MB) and then parsed
 * strictly: anything Swift would not have written — bad magic, unknown version, truncation, trailing
 * bytes, a checksum mismatch, a row of odd length, an assignment naming a missing device — is a
 * {@link RingFormatException}. Legacy pickled "v0" rings are recognised and refused.
 *
 * <p>Thread-safety: stateless static methods; thread-safe.
 */
public final class RingFileReader {
    private static final int PICKLE_PROTO = 0x80;

    private RingFileReader() {}

    /** Reads the ring file at {@code path}. */
    public static RingData read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        } catch (RingFormatException e) {
            throw new RingFormatException(path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a ring from a gzip stream; does not close {@code in}. */
    public static RingData read(InputStream in) throws IOException {
        byte[] content;
        try {
            content = new GZIPInputStream(in, 64 * 1024).readAllBytes();
        } catch (EOFException e) {
            throw new RingFormatException("truncated gzip stream", e);
        } catch (ZipException e) {
            throw new RingFormatException("not a valid gzip stream: " + e.getMessage(), e);
        }
        return parse(content);
    }

    /** Parses decompressed ring content. */
    static RingData parse(byte[] content) throws RingFormatException {
        if (content.length < RingFileFormat.HEADER_BYTES) {
            throw new RingFormatException("file too short for the ring magic: " + content.length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(content); // big-endian by default
        for (int i = 0; i < RingFileFormat.MAGIC.length; i++) {
            if (content[i] != RingFileFormat.MAGIC[i]) {
                if ((content[0] & 0xFF) == PICKLE_PROTO) {
                    throw new RingFormatException(
                            "legacy pickled (v0) ring: not supported; rewrite it with swift-ring-builder write_ring");
                }
                throw new RingFormatException("bad magic: not a Swift ring file");
            }
        }
        int version = buf.getShort(4) & 0xFFFF;
        RingData data;
        if (version == RingFileFormat.VERSION_1) {
            data = parseV1(content);
        } else if (version == RingFileFormat.VERSION_2) {
            data = RingFileV2Parser.parse(content);
        } else {
            throw new RingFormatException("unknown ring format version " + version);
        }
        try {
            data.validate();
        } catch (IllegalArgumentException e) {
            throw new RingFormatException("inconsistent ring: " + e.getMessage(), e);
        }
        return data;
    }

    private static RingData parseV1(byte[] content) throws RingFormatException {
        ByteBuffer buf = ByteBuffer.wrap(content);
        buf.position(RingFileFormat.HEADER_BYTES);
        if (buf.remaining() < 4) {
            throw new RingFormatException("truncated v1 header");
        }
        long jsonLen = buf.getInt() & 0xFFFFFFFFL;
        if (jsonLen > buf.remaining()) {
            throw new RingFormatException(
                    "truncated v1 JSON: " + jsonLen + " bytes announced, " + buf.remaining() + " left");
        }
        Map<?, ?> meta = jsonObject(content, buf.position(), (int) jsonLen, "v1 header");
        buf.position(buf.position() + (int) jsonLen);
        int partShift = partShift(meta);
        long replicaCount = longField(meta, "replica_count", true);
        if (replicaCount < 1 || replicaCount > 255) {
            throw new RingFormatException("v1 replica_count " + replicaCount + " out of range");
        }
        ByteOrder order = byteOrder(meta.get("byteorder"));
        List<@Nullable Device> devices = DeviceJson.fromJson(meta.get("devs"));
        int parts = 1 << (32 - partShift);
        int[][] rows = new int[(int) replicaCount][];
        buf.order(order);
        for (int r = 0; r < rows.length; r++) {
            int bytes = (int) Math.min(2L * parts, buf.remaining());
            boolean last = r == rows.length - 1;
            if (bytes % 2 != 0 || (!last && bytes != 2 * parts)) {
                throw new RingFormatException(
                        "truncated v1 row " + r + ": " + bytes + " bytes where " + (2L * parts) + " were expected");
            }
            int[] row = new int[bytes / 2];
            for (int p = 0; p < row.length; p++) {
                row[p] = buf.getShort() & 0xFFFF;
            }
            rows[r] = row;
        }
        if (buf.hasRemaining()) {
            throw new RingFormatException(buf.remaining() + " unexpected bytes after the last v1 row");
        }
        return new RingData(
                devices, rows, partShift, optionalLong(meta, "version"), optionalInt(meta, "next_part_power"));
    }

    private static ByteOrder byteOrder(@Nullable Object value) throws RingFormatException {
        if (value == null) {
            // Swift assumes the reader's own order when the key is missing
            return ByteOrder.nativeOrder();
        }
        if ("little".equals(value)) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if ("big".equals(value)) {
            return ByteOrder.BIG_ENDIAN;
        }
        throw new RingFormatException("unknown byteorder " + value);
    }

    // ---------------------------------------------------------------- shared with the v2 parser

    static Map<?, ?> jsonObject(byte[] content, int offset, int length, String what) throws RingFormatException {
        Object parsed = json(content, offset, length, what);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new RingFormatException(what + " is not a JSON object");
        }
        return map;
    }

    static @Nullable Object json(byte[] content, int offset, int length, String what) throws RingFormatException {
        for (int i = offset; i < offset + length; i++) {
            if (content[i] < 0) {
                throw new RingFormatException(what + " is not ASCII JSON");
            }
        }
        try {
            return Json.parse(new String(content, offset, length, StandardCharsets.US_ASCII));
        } catch (Json.JsonException e) {
            throw new RingFormatException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static int partShift(Map<?, ?> meta) throws RingFormatException {
        long shift = longField(meta, "part_shift", true);
        if (shift < 2 || shift > 32) {
            throw new RingFormatException("part_shift " + shift + " out of range (part power must be 0..30)");
        }
        return (int) shift;
    }

    static long longField(Map<?, ?> meta, String key, boolean required) throws RingFormatException {
        Object v = meta.get(key);
        if (v instanceof Long l) {
            return l;
        }
        if (v == null && !required) {
            return -1;
        }
        throw new RingFormatException("\"" + key + "\" is " + (v == null ? "missing" : "not an integer: " + v));
    }

    static @Nullable Long optionalLong(Map<?, ?> meta, String key) throws RingFormatException {
        Object v = meta.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return l;
        }
        throw new RingFormatException("\"" + key + "\" is not an integer: " + v);
    }

    static @Nullable Integer optionalInt(Map<?, ?> meta, String key) throws RingFormatException {
        Long v = optionalLong(meta, key);
        if (v == null) {
            return null;
        }
        if (v < 0 || v > 32) {
            throw new RingFormatException("\"" + key + "\" out of range: " + v);
        }
        return v.intValue();
    }

    static MessageDigest digest(String pythonName) throws RingFormatException {
        String javaName = switch (pythonName) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            default -> throw new RingFormatException("unsupported section checksum " + pythonName);
        };
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            throw new RingFormatException("this JVM has no " + javaName, e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
