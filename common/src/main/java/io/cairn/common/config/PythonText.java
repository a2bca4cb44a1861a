package io.cairn.common.config;

/**
 * Python's notion of whitespace ({@code str.isspace}, {@code str.strip}), which configparser uses to
 * trim keys, values and indentation. It differs from Java's ({@code U+0085}, {@code U+00A0} and
 * {@code U+2007} are whitespace to Python).
 *
 * <p>Thread-safety: stateless.
 */
final class PythonText {
    private PythonText() {}

    static boolean isSpace(char c) {
        if (c <= 0x20) {
            return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
        }
        return c == 0x85
                || c == 0xA0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000;
    }

    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Index of the first non-whitespace character (Python's {@code re.search(r"\S", line)}), or 0. */
    static int indent(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!isSpace(line.charAt(i))) {
                return i;
            }
        }
        return 0;
    }
}
