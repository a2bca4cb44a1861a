package io.cairn.container.http;

import io.cairn.common.path.PercentCoding;
import java.nio.charset.StandardCharsets;

/**
 * Swift's path handling on WSGI strings: percent-decoding to a "wire" string (each char one byte, as
 * WSGI's latin-1 {@code PATH_INFO}), {@code wsgi_to_str} (those bytes as UTF-8) and Python's
 * {@code urllib.parse.quote} (safe {@code /}) for messages and backend paths.
 *
 * <p>Stateless and thread-safe.
 */
final class WirePaths {

    private WirePaths() {}

    /** Python's {@code unquote_to_bytes} read as latin-1: invalid escapes stay as they are. */
    static String percentDecode(String raw) {
        return PercentCoding.unquoteToWire(raw);
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
        return PercentCoding.quote(s);
    }
}
