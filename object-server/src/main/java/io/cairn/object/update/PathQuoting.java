package io.cairn.object.update;

import java.nio.charset.StandardCharsets;

/**
 * Python's {@code urllib.parse.quote(path)} with {@code /} safe, as Swift's {@code http_connect} quotes
 * backend paths: UTF-8, then every byte outside {@code A-Za-z0-9_.-~/} percent-encoded.
 *
 * <p>Stateless and thread-safe.
 */
public final class PathQuoting {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathQuoting() {}

    /** The quoted path. */
    public static String quote(String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == '-'
                    || c == '~'
                    || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }
}
