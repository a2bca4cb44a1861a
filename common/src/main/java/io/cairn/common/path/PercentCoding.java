package io.cairn.common.path;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as Swift does it on paths. Netty hands a request line over as "wire" characters, one
 * char per byte (the latin-1 view, as WSGI does); these helpers turn that into the raw bytes Python's
 * {@code unquote_to_bytes} gives, and encode names as Swift's {@code utils.quote} (UTF-8, everything but
 * {@code A-Za-z0-9_.-~/} escaped). Stateless.
 */
public final class PercentCoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCoding() {}

    /**
     * Python's {@code unquote_to_bytes} of a wire string: {@code %XX} decoded, invalid escapes kept as they
     * are; other chars are bytes (a char above U+00FF, which a wire string never holds, is UTF-8 encoded).
     */
    public static byte[] unquoteToBytes(CharSequence wire) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(wire.length());
        int n = wire.length();
        for (int i = 0; i < n; i++) {
            char c = wire.charAt(i);
            if (c == '%' && i + 2 < n && hexDigit(wire.charAt(i + 1)) >= 0 && hexDigit(wire.charAt(i + 2)) >= 0) {
                out.write(hexDigit(wire.charAt(i + 1)) << 4 | hexDigit(wire.charAt(i + 2)));
                i += 2;
            } else if (c <= 0xFF) {
                out.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
            }
        }
        return out.toByteArray();
    }

    /** Python's {@code unquote}: {@link #unquoteToBytes} decoded as UTF-8, a malformed sequence as U+FFFD. */
    public static String unquote(CharSequence wire) {
        return new String(unquoteToBytes(wire), StandardCharsets.UTF_8);
    }

    /** {@link #unquoteToBytes} as a wire string again (one char per byte). */
    public static String unquoteToWire(CharSequence wire) {
        String s = wire.toString();
        if (s.indexOf('%') < 0) {
            return s;
        }
        return new String(unquoteToBytes(s), StandardCharsets.ISO_8859_1);
    }

    /** Swift's {@code utils.quote(s)} (= Python 3's {@code urllib.parse.quote(s)} with safe {@code /}). */
    public static String quote(String s) {
        return quote(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code urllib.parse.quote} of raw bytes (safe {@code /}): Swift's {@code wsgi_quote} of a wire string. */
    public static String quote(byte[] bytes) {
        return quote(bytes, "/");
    }

    /**
     * Python's {@code urllib.parse.quote(s, safe)}: UTF-8, then every byte outside {@code A-Za-z0-9_.-~} and
     * {@code safe} percent-encoded ({@code safe = ""} quotes {@code /} too, as {@code quote_plus} does).
     */
    public static String quote(String s, String safe) {
        return quote(s.getBytes(StandardCharsets.UTF_8), safe);
    }

    private static String quote(byte[] bytes, String safe) {
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "_.-~".indexOf(c) >= 0
                    || safe.indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    /** The value of one hex digit, or -1. */
    public static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
