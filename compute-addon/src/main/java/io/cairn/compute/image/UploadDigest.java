package io.cairn.compute.image;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Glance's two checksums of an upload, computed as the bytes pass: md5 ({@code checksum}, what openstacksdk
 * compares with {@code Content-MD5}) and sha512 ({@code os_hash_value}, what glanceclient verifies), plus the byte
 * count. Not thread-safe: one per upload, fed in order.
 */
final class UploadDigest {
    static final String HASH_ALGO = "sha512";

    private final MessageDigest md5;
    private final MessageDigest sha512;
    private long bytes;

    UploadDigest() {
        try {
            md5 = MessageDigest.getInstance("MD5");
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 and SHA-512 are part of every JDK", e);
        }
    }

    /** Hashes the remaining bytes of {@code data} without moving its position. */
    void update(ByteBuffer data) {
        bytes += data.remaining();
        md5.update(data.duplicate());
        sha512.update(data.duplicate());
    }

    long bytes() {
        return bytes;
    }

    String md5Hex() {
        return HexFormat.of().formatHex(md5.digest());
    }

    String sha512Hex() {
        return HexFormat.of().formatHex(sha512.digest());
    }
}
