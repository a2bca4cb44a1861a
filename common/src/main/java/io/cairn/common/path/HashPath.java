package io.cairn.common.path;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code hash_path}: {@code md5(PREFIX + "/" + a [+ "/" + c [+ "/" + o]] + SUFFIX)} where prefix
 * and suffix are the cluster's {@code swift_hash_path_prefix}/{@code _suffix} from {@code swift.conf}
 * (reference §0.2). Note there is no separator before the suffix.
 *
 * <p>Thread-safety: immutable and thread-safe; each thread uses its own {@link MessageDigest} and
 * scratch buffer (a {@link ThreadLocal}), so the hot path ({@link #hashInto}) allocates nothing once a
 * thread has warmed up and the names fit the scratch buffer.
 */
public final class HashPath {
    private static final int SCRATCH_BYTES = 4096;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final byte[] prefix;
    private final byte[] suffix;
    private final ThreadLocal<Hasher> hashers = ThreadLocal.withInitial(Hasher::new);

    /**
     * @param prefix {@code swift_hash_path_prefix} as bytes (Swift reads it as latin-1)
     * @param suffix {@code swift_hash_path_suffix} as bytes
     * @throws IllegalArgumentException if both are empty (Swift refuses to start then)
     */
    public HashPath(byte[] prefix, byte[] suffix) {
        if (prefix.length == 0 && suffix.length == 0) {
            throw new IllegalArgumentException(
                    "swift_hash_path_prefix and swift_hash_path_suffix are both empty: set at least one in swift.conf");
        }
        this.prefix = prefix.clone();
        this.suffix = suffix.clone();
    }

    /** Builds from the two {@code swift.conf} strings, read as latin-1 as Swift does. */
    public static HashPath of(String prefix, String suffix) {
        return new HashPath(prefix.getBytes(StandardCharsets.ISO_8859_1), suffix.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Computes the raw 16-byte md5 of the path into {@code out[outOffset..outOffset+16)}.
     *
     * @param container null or empty for an account path
     * @param object null or empty for an account or container path
     * @throws IllegalArgumentException if an object is given without a container
     */
    // hot path: no allocation after warm-up for names up to the scratch size
    public void hashInto(
            String account, @Nullable String container, @Nullable String object, byte[] out, int outOffset) {
        boolean hasContainer = container != null && !container.isEmpty();
        boolean hasObject = object != null && !object.isEmpty();
        if (hasObject && !hasContainer) {
            throw new IllegalArgumentException("an object name needs a container name");
        }
        Hasher h = hashers.get();
        h.start(prefix);
        h.slashAnd(account);
        if (container != null && hasContainer) {
            h.slashAnd(container);
        }
        if (object != null && hasObject) {
            h.slashAnd(object);
        }
        h.finish(suffix, out, outOffset);
    }

    /** The raw 16-byte md5 of the path. */
    public byte[] raw(String account, @Nullable String container, @Nullable String object) {
        byte[] out = new byte[16];
        hashInto(account, container, object, out, 0);
        return out;
    }

    /** The 32-char lowercase hex md5 of the path: the on-disk "name hash". */
    public String hex(String account, @Nullable String container, @Nullable String object) {
        return toHex(raw(account, container, object));
    }

    /** Lowercase hex of a 16-byte digest. */
    public static String toHex(byte[] digest) {
        byte[] chars = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            chars[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            chars[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(chars, StandardCharsets.US_ASCII);
    }

    /** Per-thread md5 state and a scratch buffer for UTF-8 encoding without allocation. */
    private static final class Hasher {
        private final MessageDigest md5;
        private final byte[] scratch = new byte[SCRATCH_BYTES];

        Hasher() {
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has MD5", e);
            }
        }

        void start(byte[] prefix) {
            md5.reset();
            md5.update(prefix);
        }

        void slashAnd(String part) {
            md5.update((byte) '/');
            int n = part.length();
            int pos = 0;
            for (int i = 0; i < n; i++) {
                if (pos > SCRATCH_BYTES - 4) {
                    md5.update(scratch, 0, pos);
                    pos = 0;
                }
                char c = part.charAt(i);
                if (c < 0x80) {
                    scratch[pos++] = (byte) c;
                } else if (c < 0x800) {
                    scratch[pos++] = (byte) (0xC0 | (c >> 6));
                    scratch[pos++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(part.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, part.charAt(++i));
                    scratch[pos++] = (byte) (0xF0 | (cp >> 18));
                    scratch[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    scratch[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    scratch[pos++] = (byte) (0x80 | (cp & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    // Python refuses to encode a lone surrogate; names are validated before they get here
                    throw new IllegalArgumentException("name contains a lone surrogate: not valid UTF-8");
                } else {
                    scratch[pos++] = (byte) (0xE0 | (c >> 12));
                    scratch[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    scratch[pos++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            md5.update(scratch, 0, pos);
        }

        void finish(byte[] suffix, byte[] out, int outOffset) {
            md5.update(suffix);
            try {
                md5.digest(out, outOffset, 16);
            } catch (java.security.DigestException e) {
                throw new IllegalArgumentException("output buffer too small for an md5 digest", e);
            }
        }
    }
}
