package io.cairn.common.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * Swift's {@code chexor(old, name, timestamp)} ({@code swift/common/db.py}): the DB's rolling,
 * order-independent content hash. {@code new = md5(name + "-" + timestamp)}; the result is
 * {@code "%032x" % (int(old, 16) ^ int(new, 16))}. Every row insert XORs its digest in, every delete
 * XORs it out.
 *
 * <p>The static methods are thread-safe. A {@link Function} instance ({@link #sqlFunction()}) is
 * registered per connection and used only by that connection's thread.
 */
public final class Chexor {
    /** The hash of an empty DB. */
    public static final String EMPTY = "00000000000000000000000000000000";

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Chexor() {}

    /** {@code chexor(old, name, timestamp)} with text arguments, as Swift computes it. */
    public static String chexor(String oldHex, String name, String timestamp) {
        return chexor(oldHex, name.getBytes(StandardCharsets.UTF_8), timestamp.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code chexor} over the UTF-8 bytes of name and timestamp (as SQLite hands them over). */
    public static String chexor(String oldHex, byte[] name, byte[] timestamp) {
        MessageDigest md5 = md5();
        md5.update(name);
        md5.update((byte) '-');
        md5.update(timestamp);
        byte[] digest = md5.digest();
        byte[] old = parseHex128(oldHex);
        byte[] out = new byte[32];
        for (int i = 0; i < 16; i++) {
            int b = (digest[i] ^ old[i]) & 0xff;
            out[2 * i] = HEX[b >>> 4];
            out[2 * i + 1] = HEX[b & 0xf];
        }
        return new String(out, StandardCharsets.US_ASCII);
    }

    /** A fresh SQL function object for {@code Function.create(conn, "chexor", ...)}. */
    public static Function sqlFunction() {
        return new ChexorFunction();
    }

    private static byte[] parseHex128(String hex) {
        String h = hex.trim();
        if (h.startsWith("0x") || h.startsWith("0X")) {
            h = h.substring(2);
        }
        if (h.isEmpty() || h.length() > 32) {
            throw new IllegalArgumentException("not a 128-bit hex hash: '" + hex + "'");
        }
        byte[] out = new byte[16];
        int pos = 32 - h.length();
        for (int i = 0; i < h.length(); i++, pos++) {
            int v = Character.digit(h.charAt(i), 16);
            if (v < 0) {
                throw new IllegalArgumentException("not a 128-bit hex hash: '" + hex + "'");
            }
            out[pos / 2] |= (byte) ((pos % 2 == 0) ? v << 4 : v);
        }
        return out;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** The SQL function {@code chexor(old, name, timestamp)} used by Swift's triggers. */
    private static final class ChexorFunction extends Function {
        private static final int SQLITE_NULL = 5;
        private static final byte[] NONE = "None".getBytes(StandardCharsets.US_ASCII);

        @Override
        protected void xFunc() throws SQLException {
            if (args() != 3) {
                throw new SQLException("chexor takes 3 arguments, got " + args());
            }
            String old = value_text(0);
            if (old == null) {
                throw new SQLException("chexor: old hash is NULL");
            }
            if (value_type(1) == SQLITE_NULL) {
                throw new SQLException("name is None!");
            }
            byte[] name = bytesOf(1);
            byte[] timestamp = value_type(2) == SQLITE_NULL ? null : bytesOf(2);
            // Python formats a NULL timestamp as the string 'None'
            result(chexor(old, name, timestamp == null ? NONE : timestamp));
        }

        /** The UTF-8 text bytes of an argument (SQLite returns no pointer for an empty value). */
        private byte[] bytesOf(int arg) throws SQLException {
            byte[] b = value_blob(arg);
            return b == null ? new byte[0] : b;
        }
    }
}
