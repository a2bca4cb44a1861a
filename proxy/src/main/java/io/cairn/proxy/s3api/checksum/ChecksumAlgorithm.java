package io.cairn.proxy.s3api.checksum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * S3's additional checksums ({@code x-amz-checksum-<name>}, base64 of the big-endian digest), and how each is
 * computed.
 *
 * <p>Immutable.
 */
public enum ChecksumAlgorithm {
    CRC32("crc32"),
    CRC32C("crc32c"),
    CRC64NVME("crc64nvme"),
    SHA1("sha1"),
    SHA256("sha256");

    private final String lowerName;

    ChecksumAlgorithm(String lowerName) {
        this.lowerName = lowerName;
    }

    /** {@code x-amz-checksum-<name>}. */
    public String header() {
        return "x-amz-checksum-" + lowerName;
    }

    /** The name as {@code x-amz-sdk-checksum-algorithm} and XML give it ({@code CRC32}, ...). */
    public String wireName() {
        return name();
    }

    /** The sysmeta key suffix this checksum is stored under. */
    public String lowerName() {
        return lowerName;
    }

    /** The algorithm named {@code name} (any case), or null. */
    public static @Nullable ChecksumAlgorithm of(@Nullable String name) {
        if (name == null) {
            return null;
        }
        for (ChecksumAlgorithm a : values()) {
            if (a.lowerName.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        return null;
    }

    /** Whether this is a CRC, whose values of consecutive pieces {@link #combine} into the whole's. */
    public boolean isCrc() {
        return this == CRC32 || this == CRC32C || this == CRC64NVME;
    }

    /**
     * The CRC of {@code a || b} from the CRCs of {@code a} and of {@code b} (big-endian, as {@link Digest#digest}
     * gives them) and {@code b}'s length: {@code crc(a) * x^(8 * lengthB) mod P xor crc(b)}, zlib's {@code
     * crc32_combine} for any reflected CRC whose initial value and final xor are all ones (all three here).
     */
    public byte[] combine(byte[] crcA, byte[] crcB, long lengthB) {
        int width = switch (this) {
            case CRC32, CRC32C -> 32;
            case CRC64NVME -> 64;
            default -> throw new IllegalStateException(this + " is no CRC");
        };
        long poly = switch (this) {
            case CRC32 -> 0xEDB88320L;
            case CRC32C -> 0x82F63B78L;
            default -> 0x9A6C9329AC4BC9B5L;
        };
        long a = toLong(crcA);
        long b = toLong(crcB);
        long x = 1L << (width - 2); // x^1
        for (int i = 0; i < 3; i++) {
            x = multModP(x, x, width, poly); // x^8: one byte
        }
        long shift = 1L << (width - 1); // x^0
        for (long n = lengthB; n != 0; n >>>= 1) {
            if ((n & 1) != 0) {
                shift = multModP(x, shift, width, poly);
            }
            x = multModP(x, x, width, poly);
        }
        long v = multModP(shift, a, width, poly) ^ b;
        byte[] out = new byte[width / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (v >>> (8 * (out.length - 1 - i)));
        }
        return out;
    }

    /** {@code a * b mod P}, both polynomials reflected in {@code width} bits (zlib's {@code multmodp}). */
    private static long multModP(long a, long b, int width, long poly) {
        long m = 1L << (width - 1);
        long p = 0;
        long bb = b;
        while (true) {
            if ((a & m) != 0) {
                p ^= bb;
                if ((a & (m - 1)) == 0) {
                    break;
                }
            }
            m >>>= 1;
            if (m == 0) {
                break;
            }
            bb = (bb & 1) != 0 ? (bb >>> 1) ^ poly : bb >>> 1;
        }
        return p;
    }

    private static long toLong(byte[] b) {
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xff);
        }
        return v;
    }

    /** A fresh digest. */
    public Digest newDigest() {
        return switch (this) {
            case CRC32 -> new ChecksumDigest(new CRC32(), 4);
            case CRC32C -> new ChecksumDigest(new CRC32C(), 4);
            case CRC64NVME -> new Crc64Nvme();
            case SHA1 -> new Md("SHA-1");
            case SHA256 -> new Md("SHA-256");
        };
    }

    /** A running checksum. */
    public interface Digest {
        void update(byte[] b, int off, int len);

        void update(java.nio.ByteBuffer b);

        /** The digest's bytes (ends the digest). */
        byte[] digest();
    }

    private static final class ChecksumDigest implements Digest {
        private final java.util.zip.Checksum c;
        private final int bytes;

        ChecksumDigest(java.util.zip.Checksum c, int bytes) {
            this.c = c;
            this.bytes = bytes;
        }

        @Override
        public void update(byte[] b, int off, int len) {
            c.update(b, off, len);
        }

        @Override
        public void update(java.nio.ByteBuffer b) {
            c.update(b);
        }

        @Override
        public byte[] digest() {
            long v = c.getValue();
            byte[] out = new byte[bytes];
            for (int i = 0; i < bytes; i++) {
                out[i] = (byte) (v >>> (8 * (bytes - 1 - i)));
            }
            return out;
        }
    }

    private static final class Md implements Digest {
        private final MessageDigest md;

        Md(String name) {
            try {
                md = MessageDigest.getInstance(name);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(name + " is part of every JDK", e);
            }
        }

        @Override
        public void update(byte[] b, int off, int len) {
            md.update(b, off, len);
        }

        @Override
        public void update(java.nio.ByteBuffer b) {
            md.update(b);
        }

        @Override
        public byte[] digest() {
            return md.digest();
        }
    }

    /** CRC-64/NVME: reflected, polynomial 0xAD93D23594C93659, init and xor-out all ones. */
    static final class Crc64Nvme implements Digest {
        private static final long[] TABLE = table();
        private long crc = -1L;

        private static long[] table() {
            long poly = 0x9A6C9329AC4BC9B5L; // the reflected polynomial
            long[] t = new long[256];
            for (int i = 0; i < 256; i++) {
                long c = i;
                for (int k = 0; k < 8; k++) {
                    c = (c & 1) != 0 ? (c >>> 1) ^ poly : c >>> 1;
                }
                t[i] = c;
            }
            return t;
        }

        @Override
        public void update(byte[] b, int off, int len) {
            long c = crc;
            for (int i = off; i < off + len; i++) {
                c = TABLE[(int) ((c ^ b[i]) & 0xff)] ^ (c >>> 8);
            }
            crc = c;
        }

        @Override
        public void update(java.nio.ByteBuffer b) {
            long c = crc;
            while (b.hasRemaining()) {
                c = TABLE[(int) ((c ^ b.get()) & 0xff)] ^ (c >>> 8);
            }
            crc = c;
        }

        @Override
        public byte[] digest() {
            long v = ~crc;
            byte[] out = new byte[8];
            for (int i = 0; i < 8; i++) {
                out[i] = (byte) (v >>> (8 * (7 - i)));
            }
            return out;
        }
    }
}
