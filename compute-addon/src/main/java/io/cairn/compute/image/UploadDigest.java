package io.cairn.compute.image;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Glance's two checksums of an upload, computed as the bytes pass: md5 ({@code checksum}, what openstacksdk
 * compares with {@code Content-MD5}) and sha512 ({@code os_hash_value}, what glanceclient verifies), plus the byte
 * count. md5 is left out when the store vouches for it ({@link ImageStore#vouchesForMd5}): hashing the same bytes
 * twice on a box whose cores are all busy during an upload is what made uploads slow. Not thread-safe: one per
 * upload, fed in order.
 */
final class UploadDigest {
    static final String HASH_ALGO = "sha512";

    private final @Nullable MessageDigest md5;
    private final MessageDigest sha512;
    private long bytes;

    /** With {@code md5} false, only sha512 and the count ({@link #md5Hex} then refuses). */
    UploadDigest(boolean md5) {
        try {
            this.md5 = md5 ? MessageDigest.getInstance("MD5") : null;
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 and SHA-512 are part of every JDK", e);
        }
    }

    /** Hashes the remaining bytes of {@code data} without moving its position. */
    void update(ByteBuffer data) {
        bytes += data.remaining();
        if (md5 != null) {
            md5.update(data.duplicate());
        }
        sha512.update(data.duplicate());
    }

    long bytes() {
        return bytes;
    }

    boolean hashesMd5() {
        return md5 != null;
    }

    String md5Hex() {
        if (md5 == null) {
            throw new IllegalStateException("md5 was left to the store");
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    String sha512Hex() {
        return HexFormat.of().formatHex(sha512.digest());
    }
}
