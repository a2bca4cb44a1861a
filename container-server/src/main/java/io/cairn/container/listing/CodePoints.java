package io.cairn.container.listing;

/**
 * String helpers with Python 3 {@code str} semantics: order by code point (equal to SQLite's BINARY order
 * of UTF-8 text), and {@code chr(ord(s[-1]) + 1)} on the last code point. Stateless.
 */
final class CodePoints {
    private CodePoints() {}

    /** Python's {@code a < b} on str: code point order, not Java's UTF-16 order. */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** {@code s[:-1] + chr(ord(s[-1]) + 1)} for a non-empty {@code s}. */
    static String incrementLast(String s) {
        int last = s.codePointBefore(s.length());
        String head = s.substring(0, s.length() - Character.charCount(last));
        return head + new String(Character.toChars(last + 1));
    }
}
