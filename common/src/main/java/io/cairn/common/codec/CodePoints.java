package io.cairn.common.codec;

/**
 * Python 3 {@code str} semantics Java strings lack: order by code point (Python's {@code a < b}, which is
 * also SQLite's BINARY order of UTF-8 text; Java's {@link String#compareTo} orders UTF-16 units and differs
 * above U+FFFF), and {@code s[:-1] + chr(ord(s[-1]) + 1)} on the last code point (the end of a prefix
 * range in listings). Stateless.
 */
public final class CodePoints {
    private CodePoints() {}

    /** Python's comparison of two {@code str}: by code point. */
    public static int compare(String a, String b) {
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
    public static String incrementLast(String s) {
        int last = s.codePointBefore(s.length());
        String head = s.substring(0, s.length() - Character.charCount(last));
        return head + new String(Character.toChars(last + 1));
    }
}
