package io.cairn.proxy.tempurl;

import java.nio.charset.StandardCharsets;

/** Swift's {@code disposition_format}: {@code type; filename="<quoted>"; filename*=UTF-8''<quoted>} (RFC 6266). */
final class Disposition {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Disposition() {}

    static String format(String type, String filename) {
        return type + "; filename=\"" + quote(filename, " /") + "\"; filename*=UTF-8''" + quote(filename, "/");
    }

    /** Python's {@code urllib.parse.quote(s, safe)}. */
    static String quote(String s, String safe) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
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
}
