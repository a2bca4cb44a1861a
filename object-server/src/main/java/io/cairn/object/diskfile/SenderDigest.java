package io.cairn.object.diskfile;

import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The MD5 and CRC32C of a whole body as its sender (Cairn's proxy) computed them while relaying it: the object
 * server stores the MD5 as the ETag after checking the CRC32C of the bytes it wrote against the sender's, so a PUT
 * costs one MD5 in the proxy rather than one per replica ({@link DiskFileWriter#expectSenderDigest}).
 *
 * @param md5Hex 32 lowercase hex digits
 * @param crc32c the CRC32C value (0 to 2^32-1)
 */
public record SenderDigest(String md5Hex, long crc32c) {
    /** The digest in two trailer values, or null when either is missing or malformed. */
    public static @Nullable SenderDigest parse(@Nullable String md5Hex, @Nullable String crc32cHex) {
        if (md5Hex == null || crc32cHex == null) {
            return null;
        }
        String md5 = md5Hex.strip().toLowerCase(Locale.ROOT);
        String crc = crc32cHex.strip();
        if (md5.length() != 32 || !isHex(md5) || crc.isEmpty() || crc.length() > 8 || !isHex(crc)) {
            return null;
        }
        return new SenderDigest(md5, Long.parseLong(crc, 16));
    }

    private static boolean isHex(String s) {
        return s.chars().allMatch(HexFormat::isHexDigit);
    }
}
