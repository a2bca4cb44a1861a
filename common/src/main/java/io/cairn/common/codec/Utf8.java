package io.cairn.common.codec;

import org.jspecify.annotations.Nullable;

/**
 * UTF-8 as Python decodes and encodes it: strictly ({@link #decodeOrNull}, Swift's {@code
 * bytes.decode('utf-8')} of a path, a query value or a config file), and with Python's error handlers, which
 * the JDK charsets do not offer: {@code surrogatepass} (how pickle writes and reads {@code str}) and {@code
 * surrogateescape} (how Swift encodes and decodes metadata).
 *
 * <p>Thread-safety: stateless and thread-safe.
 */
public final class Utf8 {
    /** How to treat a lone surrogate when encoding. */
    enum Errors {
        /** Encode it as its three-byte form, as pickle does ({@code 'surrogatepass'}). */
        SURROGATEPASS,
        /** U+DC80..U+DCFF become one raw byte; any other lone surrogate is an error. */
        SURROGATEESCAPE
    }

    /** Thrown by {@link #decodeStrict} at the first byte that does not start a valid sequence. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int index;

        MalformedException(int index) {
            super("invalid UTF-8 at byte " + index, null, false, false);
            this.index = index;
        }

        int index() {
            return index;
        }
    }

    private Utf8() {}

    /** The encoded length of {@code text}, as {@link #encode} would produce. */
    static int encodedLength(String text, Errors errors) {
        int n = text.length();
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                len++;
            } else if (c < 0x800) {
                len += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                len += 4;
                i++;
            } else if (Character.isSurrogate(c) && errors == Errors.SURROGATEESCAPE) {
                checkEscapable(c, i);
                len++;
            } else {
                len += 3;
            }
        }
        return len;
    }

    /** Encodes {@code text}; see {@link Errors}. */
    static byte[] encode(String text, Errors errors) {
        byte[] out = new byte[encodedLength(text, errors)];
        encodeInto(text, errors, out, 0);
        return out;
    }

    /** Encodes {@code text} into {@code out} at {@code pos} (which must have room); returns the end position. */
    static int encodeInto(String text, Errors errors, byte[] out, int pos) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[pos++] = (byte) c;
            } else if (c < 0x800) {
                out[pos++] = (byte) (0xC0 | (c >> 6));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out[pos++] = (byte) (0xF0 | (cp >> 18));
                out[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c) && errors == Errors.SURROGATEESCAPE) {
                checkEscapable(c, i);
                out[pos++] = (byte) (c - 0xDC00);
            } else {
                out[pos++] = (byte) (0xE0 | (c >> 12));
                out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return pos;
    }

    private static void checkEscapable(char c, int index) {
        if (c < 0xDC80 || c > 0xDCFF) {
            throw new IllegalArgumentException("lone surrogate U+" + Integer.toHexString(c) + " at index " + index
                    + " cannot be encoded as UTF-8 with surrogateescape");
        }
    }

    /**
     * Python's strict {@code data.decode('utf-8')}: the text, or null when {@code data} is not UTF-8 (a stray
     * continuation byte, a truncated or overlong sequence, an encoded surrogate, a code point past U+10FFFF).
     */
    public static @Nullable String decodeOrNull(byte[] data) {
        char[] out = new char[data.length];
        int n = 0;
        int i = 0;
        while (i < data.length) {
            int cp = decodeOne(data, i, data.length, false);
            if (cp < 0) {
                return null;
            }
            i += sequenceLength(cp);
            n += Character.toChars(cp, out, n);
        }
        return new String(out, 0, n);
    }

    /**
     * Python's {@code data.decode('utf-8', 'surrogatepass')}: strict UTF-8 except that encoded surrogates
     * (ED A0..BF xx) are accepted.
     */
    static String decodeStrict(byte[] data, int offset, int length) throws MalformedException {
        char[] out = new char[length];
        int n = 0;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int cp = decodeOne(data, i, end, true);
            if (cp < 0) {
                throw new MalformedException(i - offset);
            }
            i += sequenceLength(cp);
            n += Character.toChars(cp, out, n);
        }
        return new String(out, 0, n);
    }

    /**
     * Swift's {@code wsgi_to_str}: a header value as Netty hands it (each byte one char, as a WSGI string is) read
     * as the UTF-8 text it carries, invalid bytes kept as surrogate escapes; ASCII comes back as it is.
     */
    public static String wsgiToStr(String wire) {
        int i = 0;
        while (i < wire.length() && wire.charAt(i) < 0x80) {
            i++;
        }
        if (i == wire.length()) {
            return wire;
        }
        byte[] bytes = wire.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return decodeSurrogateEscape(bytes, 0, bytes.length);
    }

    /** Python's {@code data.decode('utf-8', 'surrogateescape')}: each invalid byte b becomes U+DC00+b. */
    static String decodeSurrogateEscape(byte[] data, int offset, int length) {
        char[] out = new char[length];
        int n = 0;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int cp = decodeOne(data, i, end, false);
            if (cp < 0) {
                out[n++] = (char) (0xDC00 + (data[i] & 0xFF));
                i++;
            } else {
                i += sequenceLength(cp);
                n += Character.toChars(cp, out, n);
            }
        }
        return new String(out, 0, n);
    }

    private static int sequenceLength(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        return cp < 0x10000 ? 3 : 4;
    }

    /** The code point starting at {@code i}, or -1 if the bytes there are not a valid sequence. */
    private static int decodeOne(byte[] d, int i, int end, boolean allowSurrogates) {
        int b0 = d[i] & 0xFF;
        if (b0 < 0x80) {
            return b0;
        }
        if (b0 < 0xC2) {
            return -1;
        }
        if (b0 < 0xE0) {
            return i + 1 < end && isContinuation(d[i + 1]) ? ((b0 & 0x1F) << 6) | (d[i + 1] & 0x3F) : -1;
        }
        return b0 < 0xF0 ? decodeThree(d, i, end, allowSurrogates) : decodeFour(d, i, end);
    }

    private static int decodeThree(byte[] d, int i, int end, boolean allowSurrogates) {
        if (i + 2 >= end || !isContinuation(d[i + 1]) || !isContinuation(d[i + 2])) {
            return -1;
        }
        int cp = ((d[i] & 0x0F) << 12) | ((d[i + 1] & 0x3F) << 6) | (d[i + 2] & 0x3F);
        boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        return cp < 0x800 || (surrogate && !allowSurrogates) ? -1 : cp;
    }

    private static int decodeFour(byte[] d, int i, int end) {
        if ((d[i] & 0xFF) > 0xF4 || i + 3 >= end) {
            return -1;
        }
        if (!isContinuation(d[i + 1]) || !isContinuation(d[i + 2]) || !isContinuation(d[i + 3])) {
            return -1;
        }
        int cp = ((d[i] & 0x07) << 18) | ((d[i + 1] & 0x3F) << 12) | ((d[i + 2] & 0x3F) << 6) | (d[i + 3] & 0x3F);
        return cp < 0x10000 || cp > 0x10FFFF ? -1 : cp;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
