package io.cairn.object.hashes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The suffix hashes of one partition, and their byte form as the value of the Chronicle Map (format
 * version 1, specified in the module README):
 *
 * <pre>
 *   offset 0  u8   version = 1
 *   offset 1  u8   flags: bit 0 = complete (every suffix directory of the partition is listed)
 *   offset 2  i32  generation, big-endian: bumped by every invalidation
 *   offset 6  entries, ascending by suffix, 19 bytes each:
 *               u16 suffix (3 hex digits as a number 0..4095), u8 state (0 = needs rehash, 1 = valid),
 *               16 bytes md5 (zeros unless valid)
 * </pre>
 *
 * <p>Thread-safety: not thread-safe; a working copy confined to one caller.
 */
final class PartitionHashTable {
    static final byte VERSION = 1;
    static final int HEADER = 6;
    static final int ENTRY = 19;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** suffix number → md5 bytes, or null when it needs rehashing. */
    final TreeMap<Integer, byte @Nullable []> suffixes = new TreeMap<>();

    boolean complete;
    int generation;

    static PartitionHashTable decode(byte @Nullable [] bytes) {
        PartitionHashTable t = new PartitionHashTable();
        if (bytes == null) {
            return t;
        }
        if (bytes.length < HEADER || bytes[0] != VERSION || (bytes.length - HEADER) % ENTRY != 0) {
            // unknown or damaged: start over, a full listdir rebuilds it
            return t;
        }
        t.complete = (bytes[1] & 1) != 0;
        t.generation =
                ((bytes[2] & 0xFF) << 24) | ((bytes[3] & 0xFF) << 16) | ((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF);
        for (int off = HEADER; off < bytes.length; off += ENTRY) {
            int suffix = ((bytes[off] & 0xFF) << 8) | (bytes[off + 1] & 0xFF);
            byte[] md5 = null;
            if (bytes[off + 2] == 1) {
                md5 = new byte[16];
                System.arraycopy(bytes, off + 3, md5, 0, 16);
            }
            t.suffixes.put(suffix, md5);
        }
        return t;
    }

    byte[] encode() {
        byte[] out = new byte[HEADER + ENTRY * suffixes.size()];
        out[0] = VERSION;
        out[1] = (byte) (complete ? 1 : 0);
        out[2] = (byte) (generation >>> 24);
        out[3] = (byte) (generation >>> 16);
        out[4] = (byte) (generation >>> 8);
        out[5] = (byte) generation;
        int off = HEADER;
        for (Map.Entry<Integer, byte @Nullable []> e : suffixes.entrySet()) {
            int s = e.getKey();
            out[off] = (byte) (s >>> 8);
            out[off + 1] = (byte) s;
            byte[] md5 = e.getValue();
            if (md5 != null) {
                out[off + 2] = 1;
                System.arraycopy(md5, 0, out, off + 3, 16);
            }
            off += ENTRY;
        }
        return out;
    }

    /**
     * {@link #invalidate} on the byte form, giving exactly the bytes {@code decode(bytes).invalidate(suffix).encode()}
     * would, without building the table: every object PUT invalidates a suffix, and decoding a partition's few
     * hundred entries into a tree map and back was most of the Java time of a small PUT's commit. May return
     * {@code bytes} itself, changed.
     */
    static byte[] invalidate(byte @Nullable [] bytes, int suffix) {
        if (bytes == null || bytes.length < HEADER || bytes[0] != VERSION || (bytes.length - HEADER) % ENTRY != 0) {
            PartitionHashTable t = decode(bytes);
            t.invalidate(suffix);
            return t.encode();
        }
        int lo = 0;
        int hi = (bytes.length - HEADER) / ENTRY - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int off = HEADER + mid * ENTRY;
            int at = ((bytes[off] & 0xFF) << 8) | (bytes[off + 1] & 0xFF);
            if (at < suffix) {
                lo = mid + 1;
            } else if (at > suffix) {
                hi = mid - 1;
            } else {
                bytes[off + 2] = 0;
                Arrays.fill(bytes, off + 3, off + ENTRY, (byte) 0);
                bumpGeneration(bytes);
                return bytes;
            }
        }
        int insertAt = HEADER + lo * ENTRY;
        byte[] out = new byte[bytes.length + ENTRY];
        System.arraycopy(bytes, 0, out, 0, insertAt);
        out[insertAt] = (byte) (suffix >>> 8);
        out[insertAt + 1] = (byte) suffix;
        System.arraycopy(bytes, insertAt, out, insertAt + ENTRY, bytes.length - insertAt);
        bumpGeneration(out);
        return out;
    }

    private static void bumpGeneration(byte[] bytes) {
        int generation =
                ((bytes[2] & 0xFF) << 24) | ((bytes[3] & 0xFF) << 16) | ((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF);
        generation++;
        bytes[2] = (byte) (generation >>> 24);
        bytes[3] = (byte) (generation >>> 16);
        bytes[4] = (byte) (generation >>> 8);
        bytes[5] = (byte) generation;
    }

    void invalidate(int suffix) {
        suffixes.put(suffix, null);
        generation++;
    }

    static int suffixNumber(String suffix) {
        return Integer.parseInt(suffix, 16);
    }

    static String suffixName(int suffix) {
        return new String(new char[] {HEX[(suffix >> 8) & 0xF], HEX[(suffix >> 4) & 0xF], HEX[suffix & 0xF]});
    }

    static byte[] md5FromHex(String hex) {
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    static String md5Hex(byte[] md5) {
        char[] c = new char[32];
        for (int i = 0; i < 16; i++) {
            c[2 * i] = HEX[(md5[i] >> 4) & 0xF];
            c[2 * i + 1] = HEX[md5[i] & 0xF];
        }
        return new String(c);
    }

    @Override
    public String toString() {
        return "PartitionHashTable{complete=" + complete + ", generation=" + generation + ", suffixes="
                + suffixes.size() + "}";
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
