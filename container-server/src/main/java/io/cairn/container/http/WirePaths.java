package io.cairn.container.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Swift's path handling on WSGI strings: percent-decoding to a "wire" string (each char one byte, as
 * WSGI's latin-1 {@code PATH_INFO}), {@code wsgi_to_str} (those bytes as UTF-8) and Python's
 * {@code urllib.parse.quote} (safe {@code /}) for messages and backend paths.
 *
 * <p>Stateless and thread-safe.
 */
final class WirePaths {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private WirePaths() {}

    /** Python's {@code unquote_to_bytes} read as latin-1: invalid escapes stay as they are. */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() + 0 && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                out.append((char) (hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2))));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
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

    /** {@code wsgi_to_str}: the wire chars as bytes, decoded as UTF-8. */
    static String wireToStr(String wire) {
        return new String(wire.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** {@code str_to_wsgi}: UTF-8 bytes of {@code s} as wire chars. */
    static String strToWire(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Python 3's {@code urllib.parse.quote(s)} (safe {@code /}, UTF-8). */
    static String quote(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 8);
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v < 0x80 && UNRESERVED.indexOf(v) >= 0) {
                out.write(v);
            } else {
                out.write('%');
                out.write(HEX[v >> 4]);
                out.write(HEX[v & 0xF]);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
