package io.cairn.object.http;

import io.cairn.common.path.Names;

/**
 * Header values as Netty decodes them: one {@code char} per raw byte (ISO-8859-1), the "WSGI string"
 * view Swift's Python 3 code also works on.
 *
 * <p>Stateless and thread-safe.
 */
final class WireStrings {
    private WireStrings() {}

    /** The raw bytes of a wire string. */
    static byte[] bytes(String wire) {
        byte[] out = new byte[wire.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) wire.charAt(i);
        }
        return out;
    }

    /** Swift's {@code check_utf8(wsgi_to_str(value))}: valid UTF-8, no surrogates, no NUL. */
    static boolean isUtf8(String wire) {
        for (int i = 0; i < wire.length(); i++) {
            if (wire.charAt(i) > 0xFF) {
                return false;
            }
        }
        byte[] b = bytes(wire);
        return Names.checkUtf8(b, 0, b.length, false);
    }
}
