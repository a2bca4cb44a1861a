package io.cairn.proxy.tempurl;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code get_hmac} and {@code extract_digest_and_algorithm}: the HMAC a temporary URL (or a FormPost form)
 * carries, as hex or as {@code <algorithm>:<base64>}.
 *
 * <p>Thread-safety: stateless.
 */
public final class TempUrlSignature {
    /**
     * A signature as given: its digest and its value in lower-case hex.
     *
     * @param algorithm {@code sha1}, {@code sha256}, {@code sha512} (or another name given before a colon)
     */
    public record Parsed(String algorithm, String hex) {}

    private TempUrlSignature() {}

    /**
     * Swift's {@code extract_digest_and_algorithm}: {@code <hex>} (its length names the digest) or {@code
     * <algorithm>:<base64>} (standard or URL-safe, padding optional); null where Swift raises ValueError.
     */
    public static @Nullable Parsed parse(String value) {
        int colon = value.indexOf(':');
        if (colon >= 0) {
            String algorithm = value.substring(0, colon);
            String b64 = value.substring(colon + 1);
            if ((b64.indexOf('-') >= 0 || b64.indexOf('_') >= 0) && b64.indexOf('+') < 0 && b64.indexOf('/') < 0) {
                b64 = b64.replace('-', '+').replace('_', '/');
            }
            byte[] raw = strictBase64(b64);
            return raw == null ? null : new Parsed(algorithm, HexFormat.of().formatHex(raw));
        }
        if (value.length() % 2 != 0 || !isHex(value)) {
            return null;
        }
        String algorithm = switch (value.length()) {
            case 40 -> "sha1";
            case 64 -> "sha256";
            case 128 -> "sha512";
            default -> null;
        };
        return algorithm == null ? null : new Parsed(algorithm, value);
    }

    /**
     * Swift's {@code strict_b64decode(value + '==')}: besides padding at the ends only the base64 alphabet; a
     * final group of one character cannot be decoded.
     */
    private static byte @Nullable [] strictBase64(String b64) {
        int from = 0;
        int to = b64.length();
        while (from < to && b64.charAt(from) == '=') {
            from++;
        }
        while (to > from && b64.charAt(to - 1) == '=') {
            to--;
        }
        String core = b64.substring(from, to);
        for (int i = 0; i < core.length(); i++) {
            char c = core.charAt(i);
            boolean valid =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!valid) {
                return null;
            }
        }
        if (core.length() % 4 == 1) {
            return null;
        }
        return Base64.getDecoder().decode(core);
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Swift's {@code get_hmac(method, path, expires, key, digest, ip_range)}: HMAC over {@code [ip=<range>\n]
     * <method>\n<expires>\n<path>}, hex.
     */
    static String hmac(String method, String path, long expires, String key, String algorithm, @Nullable String ip) {
        String message = (ip == null || ip.isEmpty() ? "" : "ip=" + ip + "\n") + method + "\n" + expires + "\n" + path;
        return hmacHex(key, message, algorithm);
    }

    /** {@code hmac.new(key.encode('utf8'), message.encode('utf-8'), algorithm).hexdigest()}. */
    public static String hmacHex(String key, String message, String algorithm) {
        String jca = "Hmac" + algorithm.toUpperCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance(jca);
            byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
            // HMAC pads a key with zeros to the block size, so an empty key is the key of one zero byte (the JCA
            // refuses an empty one; Python's hmac takes it)
            mac.init(new SecretKeySpec(keyBytes.length == 0 ? new byte[1] : keyBytes, jca));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC " + jca + " unavailable", e);
        }
    }

    /** Swift's {@code streq_const_time}: no early exit on the first differing character. */
    public static boolean sameConstantTime(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
