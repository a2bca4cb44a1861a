package io.cairn.common.path;

/**
 * Swift's {@code constraints.check_utf8} on raw bytes: non-empty, well-formed UTF-8 (Python's strict
 * decoder: no overlong forms, no surrogates {@code U+D800..DFFF}, nothing above {@code U+10FFFF}), and
 * no NUL byte unless {@code internal} (NUL, Swift's {@code RESERVED_BYTE}, marks the reserved namespace
 * that only internal requests may use).
 *
 * <p>"Wire" strings are what an HTTP codec such as Netty's produces: one {@code char} per received byte
 * (ISO-8859-1), the same as Python's WSGI strings. A char above {@code U+00FF} cannot come from the wire
 * and makes a wire string invalid.
 *
 * <p>Thread-safety: stateless.
 */
public final class Names {
    /** Swift's {@code RESERVED}: the first character of reserved-namespace names. */
    public static final char RESERVED = '\0';

    private Names() {}

    /** {@code check_utf8} over {@code bytes[offset, offset+length)}. */
    // hot path: no allocation
    public static boolean checkUtf8(byte[] bytes, int offset, int length, boolean internal) {
        if (length == 0) {
            return false;
        }
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                if (b == 0 && !internal) {
                    return false;
                }
                i++;
                continue;
            }
            int n = sequenceLength(b, i + 1 < end ? bytes[i + 1] & 0xFF : -1);
            if (n == 0 || i + n > end) {
                return false;
            }
            for (int k = 2; k < n; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += n;
        }
        return true;
    }

    /** {@code check_utf8} over a wire string (one char per byte). */
    // hot path: no allocation
    public static boolean checkUtf8(CharSequence wire, boolean internal) {
        int end = wire.length();
        if (end == 0) {
            return false;
        }
        int i = 0;
        while (i < end) {
            int b = wire.charAt(i);
            if (b < 0x80) {
                if (b == 0 && !internal) {
                    return false;
                }
                i++;
                continue;
            }
            int n = b > 0xFF ? 0 : sequenceLength(b, i + 1 < end ? wire.charAt(i + 1) : -1);
            if (n == 0 || i + n > end) {
                return false;
            }
            for (int k = 2; k < n; k++) {
                int c = wire.charAt(i + k);
                if (c > 0xFF || (c & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += n;
        }
        return true;
    }

    /**
     * Length of the well-formed sequence starting with lead byte {@code b0} whose second byte is {@code
     * b1} (-1 if absent), checking the second byte's range per Unicode Table 3-7; 0 if ill-formed.
     */
    private static int sequenceLength(int b0, int b1) {
        if (b1 < 0 || b1 > 0xFF || b0 < 0xC2 || b0 > 0xF4) {
            return 0;
        }
        int length = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 == 0xE0) {
            lo = 0xA0; // below would be overlong
        } else if (b0 == 0xED) {
            hi = 0x9F; // A0..BF would encode a surrogate
        } else if (b0 == 0xF0) {
            lo = 0x90; // overlong
        } else if (b0 == 0xF4) {
            hi = 0x8F; // above U+10FFFF
        }
        return b1 >= lo && b1 <= hi ? length : 0;
    }

    /** Whether a decoded name is in the reserved namespace (starts with NUL). */
    public static boolean isReserved(String name) {
        return !name.isEmpty() && name.charAt(0) == RESERVED;
    }
}
