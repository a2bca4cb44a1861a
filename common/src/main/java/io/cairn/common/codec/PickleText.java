package io.cairn.common.codec;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decoders for the text arguments of protocol-0 opcodes (what {@code pickle.dumps(..., protocol=0)} writes in
 * Swift's async_pending files, and what Python 2 wrote for py2 {@code str}). Each returns null when the text is
 * malformed; {@link PickleReader} turns that into a {@link PickleException} with the offset.
 *
 * <p>Thread-safety: stateless and thread-safe.
 */
final class PickleText {
    /** Python 3.11's {@code sys.int_info.default_max_str_digits}: longer decimal ints are refused, as there. */
    static final int MAX_INT_DIGITS = 4300;

    private static final Pattern DECIMAL_INT = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern PY_FLOAT = Pattern.compile(
            "[+-]?(?:(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    private static final long LONG_DIGITS = 18;

    private PickleText() {}

    /** A decimal integer (optional sign) as Long, or BigInteger when it does not fit; null if malformed. */
    static @Nullable Object parseInt(String text) {
        if (text.length() > MAX_INT_DIGITS + 1 || !DECIMAL_INT.matcher(text).matches()) {
            return null;
        }
        int digits = text.length() - ((text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0);
        if (digits <= LONG_DIGITS) {
            return Long.parseLong(text);
        }
        return narrow(new BigInteger(text));
    }

    /** Long if {@code value} fits, else {@code value}. */
    static Object narrow(BigInteger value) {
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }

    /** Python's {@code float(text)} for the forms {@code repr(float)} produces; null if malformed. */
    static @Nullable Double parseFloat(String text) {
        if (!PY_FLOAT.matcher(text).matches()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String body = negative || lower.startsWith("+") ? lower.substring(1) : lower;
        if (body.startsWith("inf")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (body.equals("nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(text);
    }

    /**
     * The STRING opcode's argument: a Python 2 {@code repr} of a byte string, quoted with {@code '} or {@code "},
     * decoded as {@code codecs.escape_decode} does; null if unquoted or a bad escape.
     */
    static @Nullable PyBytes decodeQuotedString(byte[] d, int from, int to) {
        if (to - from < 2 || (d[from] != '\'' && d[from] != '"') || d[to - 1] != d[from]) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from + 1;
        int end = to - 1;
        while (i < end) {
            int c = d[i++] & 0xFF;
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (i >= end) {
                return null; // "Trailing \ in string"
            }
            i = decodeEscape(d, i, end, out);
            if (i < 0) {
                return null;
            }
        }
        return PyBytes.wrap(out.toByteArray());
    }

    /** Decodes the escape whose letter is at {@code i}; returns the index after it, or -1 if invalid. */
    private static int decodeEscape(byte[] d, int i, int end, ByteArrayOutputStream out) {
        int c = d[i++] & 0xFF;
        switch (c) {
            case '\n' -> {
                // a backslash-newline is a line continuation: nothing
            }
            case '\\', '\'', '"' -> out.write(c);
            case 'b' -> out.write(8);
            case 'f' -> out.write(12);
            case 't' -> out.write(9);
            case 'n' -> out.write(10);
            case 'r' -> out.write(13);
            case 'v' -> out.write(11);
            case 'a' -> out.write(7);
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int v = c - '0';
                for (int k = 0; k < 2 && i < end && d[i] >= '0' && d[i] <= '7'; k++) {
                    v = v * 8 + (d[i++] - '0');
                }
                out.write(v & 0xFF);
            }
            case 'x' -> {
                int hi = i < end ? Character.digit(d[i], 16) : -1;
                int lo = i + 1 < end ? Character.digit(d[i + 1], 16) : -1;
                if (hi < 0 || lo < 0) {
                    return -1; // "invalid \x escape"
                }
                out.write(hi * 16 + lo);
                i += 2;
            }
            default -> {
                // unknown escapes are kept verbatim (Python warns, then keeps them)
                out.write('\\');
                out.write(c);
            }
        }
        return i;
    }

    /**
     * The UNICODE opcode's argument, decoded as Python 3.11's {@code raw_unicode_escape}: bytes are latin-1 code
     * points, except {@code \\uXXXX} and {@code \\UXXXXXXXX}; null on a truncated or out-of-range escape.
     */
    static @Nullable String decodeRawUnicodeEscape(byte[] d, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int c = d[i++] & 0xFF;
            if (c != '\\' || i >= to) {
                sb.append((char) c);
                continue;
            }
            int e = d[i++] & 0xFF;
            int count = e == 'u' ? 4 : e == 'U' ? 8 : 0;
            if (count == 0) {
                sb.append('\\').append((char) e);
                continue;
            }
            if (to - i < count) {
                return null; // Python: "truncated escape"
            }
            int cp = 0;
            for (int k = 0; k < count; k++) {
                int digit = Character.digit(d[i++], 16);
                if (digit < 0) {
                    return null;
                }
                cp = (cp << 4) | digit;
            }
            if (cp < 0 || cp > Character.MAX_CODE_POINT) {
                return null; // "\Uxxxxxxxx out of range"
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
