package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * SSE-C, server-side encryption with a customer-provided key: the key of a request's {@code
 * x-amz-server-side-encryption-customer-*} (or {@code x-amz-copy-source-server-side-encryption-customer-*})
 * headers, checked as AWS checks it, and what an object encrypted with it keeps. The key is never stored: an
 * object keeps a random salt, the key's MD5 (which S3 echoes) and {@code HMAC-SHA256(key, "check" || salt)} to
 * check a later key against; its bytes are AES-256-CTR under {@code HMAC-SHA256(key, "data" || salt)} from a
 * random 16-byte initial counter (the IV), so the ciphertext is as long as the plaintext (listings keep
 * plaintext sizes) and a range is decrypted from the counter of its first block. A multipart upload's salt is
 * the upload's (kept on the marker and the completed manifest); each part has an IV of its own, kept in the
 * part's sysmeta and in its Content-Type ({@link #PART_TYPE_PREFIX}{@code <hex IV>}), which the SLO manifest
 * records per segment, so one manifest read gives every part's IV.
 *
 * <p>Immutable; the {@link Ctr} it makes is confined to one stream.
 */
final class SseC {
    static final String CUSTOMER = "x-amz-server-side-encryption-customer-";
    static final String COPY_SOURCE = "x-amz-copy-source-server-side-encryption-customer-";

    static final String SYSMETA_ALGORITHM = "X-Object-Sysmeta-S3Api-Sse-C-Algorithm";
    static final String SYSMETA_KEY_MD5 = "X-Object-Sysmeta-S3Api-Sse-C-Key-Md5";
    static final String SYSMETA_KEY_CHECK = "X-Object-Sysmeta-S3Api-Sse-C-Key-Check";
    static final String SYSMETA_SALT = "X-Object-Sysmeta-S3Api-Sse-C-Salt";
    static final String SYSMETA_IV = "X-Object-Sysmeta-S3Api-Sse-C-Iv";

    /** The Content-Type of an encrypted part: this, then the part's IV in hex. */
    static final String PART_TYPE_PREFIX = "application/x-cairn-sse-c-iv-";

    static final String ALGORITHM = "AES256";

    static final String ENCRYPTED_MESSAGE = "The object was stored using a form of Server Side Encryption. The correct"
            + " parameters must be provided to retrieve the object.";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final String keyMd5;

    private SseC(byte[] key, String keyMd5) {
        this.key = key;
        this.keyMd5 = keyMd5;
    }

    /**
     * The key of {@code h}'s headers under {@code prefix} ({@link #CUSTOMER} or {@link #COPY_SOURCE}), null when
     * none is there; InvalidArgument with AWS's messages when one is missing, the algorithm is not {@code AES256},
     * the key no 256-bit base64 key or its MD5 not the one given.
     */
    static @Nullable SseC fromHeaders(HttpHeaders h, String prefix) {
        String algorithm = h.get(prefix + "algorithm");
        String key = h.get(prefix + "key");
        String md5 = h.get(prefix + "key-MD5");
        if (algorithm == null && key == null && md5 == null) {
            return null;
        }
        if (algorithm == null) {
            throw S3Exception.invalidArgument(
                    prefix + "algorithm",
                    null,
                    "Requests specifying Server Side Encryption with Customer provided keys must provide a valid"
                            + " encryption algorithm.");
        }
        if (!algorithm.strip().equals(ALGORITHM)) {
            throw S3Exception.invalidArgument(
                    prefix + "algorithm", algorithm, "The encryption method specified is not supported");
        }
        if (key == null) {
            throw S3Exception.invalidArgument(
                    prefix + "key",
                    null,
                    "Requests specifying Server Side Encryption with Customer provided keys must provide an"
                            + " appropriate secret key.");
        }
        if (md5 == null) {
            throw S3Exception.invalidArgument(
                    prefix + "key-MD5",
                    null,
                    "Requests specifying Server Side Encryption with Customer provided keys must provide the client"
                            + " calculated MD5 of the secret key.");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            // the key itself is never echoed
            throw S3Exception.invalidArgument(
                    prefix + "key", null, "The secret key was invalid for the specified algorithm.");
        }
        String computed = Base64.getEncoder().encodeToString(digest("MD5", raw));
        if (!computed.equals(md5.strip())) {
            throw S3Exception.invalidArgument(
                    prefix + "key-MD5",
                    null,
                    "The calculated MD5 hash of the key did not match the hash that was provided.");
        }
        return new SseC(raw, computed);
    }

    /** The key's MD5, base64, as S3 echoes it. */
    String keyMd5() {
        return keyMd5;
    }

    /** A fresh random salt or IV (16 bytes). */
    static byte[] random16() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Whether {@code stored} (an object's or a marker's headers) says the object is SSE-C encrypted. */
    static boolean isEncrypted(HttpHeaders stored) {
        return stored.contains(SYSMETA_ALGORITHM);
    }

    /** The sysmeta an object encrypted with this key under {@code salt} keeps (never the key). */
    void store(byte[] salt, HttpHeaders out) {
        out.set(SYSMETA_ALGORITHM, ALGORITHM);
        out.set(SYSMETA_KEY_MD5, keyMd5);
        out.set(SYSMETA_SALT, Base64.getEncoder().encodeToString(salt));
        out.set(SYSMETA_KEY_CHECK, Base64.getEncoder().encodeToString(hmac(key, "check", salt)));
    }

    /** The salt {@code stored} keeps (an encrypted object's or marker's headers). */
    static byte[] salt(HttpHeaders stored) {
        return decode16(stored.get(SYSMETA_SALT));
    }

    /** The IV {@code stored} keeps (an encrypted plain object's or part's headers). */
    static byte[] iv(HttpHeaders stored) {
        return decode16(stored.get(SYSMETA_IV));
    }

    /** Whether this is the key {@code stored} (an encrypted object's headers) was encrypted with. */
    boolean matches(HttpHeaders stored) {
        String check = stored.get(SYSMETA_KEY_CHECK);
        String salt = stored.get(SYSMETA_SALT);
        if (check == null || salt == null) {
            return false;
        }
        byte[] want;
        try {
            want = Base64.getDecoder().decode(check);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(want, hmac(key, "check", decode16(salt)));
    }

    /**
     * Checks the key a read gives against an object's headers: nothing to do for an object stored without SSE-C
     * when no key came; InvalidRequest for an encrypted object without one, or a key for an object without
     * encryption; AccessDenied for another key.
     */
    static void checkRead(@Nullable SseC given, HttpHeaders stored) {
        boolean encrypted = isEncrypted(stored);
        if (given == null) {
            if (encrypted) {
                throw new S3Exception(S3ErrorCode.InvalidRequest, ENCRYPTED_MESSAGE);
            }
            return;
        }
        if (!encrypted) {
            throw new S3Exception(
                    S3ErrorCode.InvalidRequest, "The encryption parameters are not applicable to this object.");
        }
        if (!given.matches(stored)) {
            throw new S3Exception(S3ErrorCode.AccessDenied);
        }
    }

    /** The answer headers of a request with this key. */
    void echo(HttpHeaders out) {
        out.set(CUSTOMER + "algorithm", ALGORITHM);
        out.set(CUSTOMER + "key-MD5", keyMd5);
    }

    /** The Content-Type of a part encrypted from {@code iv}. */
    static String partType(byte[] iv) {
        return PART_TYPE_PREFIX + HexFormat.of().formatHex(iv);
    }

    /** The IV a part's Content-Type ({@link #partType}) carries, or null when it is no encrypted part's. */
    static byte @Nullable [] ivOfPartType(@Nullable String contentType) {
        if (contentType == null || !contentType.startsWith(PART_TYPE_PREFIX)) {
            return null;
        }
        String hex = contentType
                .substring(PART_TYPE_PREFIX.length())
                .split(";", 2)[0]
                .strip();
        if (hex.length() != 32) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A cipher over the bytes of one encrypted stream from {@code offset} (CTR: encrypting is decrypting). */
    Ctr ctr(byte[] salt, byte[] iv, long offset) {
        return new Ctr(hmac(key, "data", salt), List.of(new Segment(Long.MAX_VALUE, iv)), offset);
    }

    /** A cipher over the assembled bytes of {@code segments} (each encrypted from its own IV) from {@code offset}. */
    Ctr ctr(byte[] salt, List<Segment> segments, long offset) {
        return new Ctr(hmac(key, "data", salt), segments, offset);
    }

    /** One encrypted piece of an assembled object: its length and its IV. Immutable. */
    static final class Segment {
        private final long length;
        private final byte[] iv;

        Segment(long length, byte[] iv) {
            this.length = length;
            this.iv = iv.clone();
        }

        long length() {
            return length;
        }

        byte[] iv() {
            return iv.clone();
        }
    }

    /**
     * AES-256-CTR over a stream of consecutive pieces, starting at an offset into a sequence of segments each
     * encrypted from its own initial counter.
     *
     * <p>Confined to one stream.
     */
    static final class Ctr {
        private final SecretKeySpec dataKey;
        private final List<Segment> segments;
        private int index;
        /** The position in the current segment. */
        private long position;

        private @Nullable Cipher cipher;

        Ctr(byte[] dataKey, List<Segment> segments, long offset) {
            this.dataKey = new SecretKeySpec(dataKey, "AES");
            this.segments = segments;
            long o = offset;
            int i = 0;
            while (i < segments.size() - 1 && o >= segments.get(i).length()) {
                o -= segments.get(i).length();
                i++;
            }
            this.index = i;
            this.position = o;
        }

        /** {@code in}'s bytes transformed, in a new buffer ({@code in} is released). */
        ByteBuf apply(ByteBuf in) {
            try {
                int n = in.readableBytes();
                ByteBuf out = in.alloc().heapBuffer(n, n);
                byte[] src = new byte[n];
                in.getBytes(in.readerIndex(), src);
                byte[] dst = new byte[n];
                transform(src, 0, n, dst);
                out.writeBytes(dst);
                return out;
            } finally {
                in.release();
            }
        }

        /** Transforms {@code len} bytes of {@code src} from {@code off} into {@code dst} from 0. */
        void transform(byte[] src, int off, int len, byte[] dst) {
            int done = 0;
            while (done < len) {
                Segment s = segments.get(index);
                long left = s.length() - position;
                if (left <= 0 && index < segments.size() - 1) {
                    index++;
                    position = 0;
                    cipher = null;
                    continue;
                }
                int take = (int) Math.min(len - done, left <= 0 ? Long.MAX_VALUE : left);
                Cipher c = cipher;
                if (c == null) {
                    c = at(s.iv(), position);
                    cipher = c;
                }
                try {
                    c.update(src, off + done, take, dst, done);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("AES/CTR refused a buffer", e);
                }
                done += take;
                position += take;
            }
        }

        private Cipher at(byte[] iv, long offset) {
            try {
                Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, dataKey, new IvParameterSpec(counter(iv, offset / 16)));
                int skip = (int) (offset % 16);
                if (skip > 0) {
                    c.update(new byte[skip]);
                }
                return c;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES/CTR/NoPadding is part of every JDK", e);
            }
        }
    }

    /** {@code iv} plus {@code blocks}, as the 128-bit big-endian counter CTR increments. */
    static byte[] counter(byte[] iv, long blocks) {
        byte[] c = iv.clone();
        long carry = blocks;
        for (int i = 15; i >= 0 && carry != 0; i--) {
            long sum = (c[i] & 0xff) + (carry & 0xff);
            c[i] = (byte) sum;
            carry = (carry >>> 8) + (sum >>> 8);
        }
        return c;
    }

    private static byte[] decode16(@Nullable String b64) {
        byte[] b;
        try {
            b = b64 == null ? new byte[0] : Base64.getDecoder().decode(b64.strip());
        } catch (IllegalArgumentException e) {
            b = new byte[0];
        }
        if (b.length != 16) {
            throw new S3Exception(S3ErrorCode.InternalError, "The object's encryption parameters are damaged.");
        }
        return b;
    }

    private static byte[] hmac(byte[] key, String purpose, byte[] salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(("cairn-sse-c-" + purpose).getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(salt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] digest(String algorithm, byte[] b) {
        try {
            return MessageDigest.getInstance(algorithm).digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
