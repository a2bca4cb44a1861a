package io.cairn.object.ssync;

/**
 * Python 3's {@code repr()} of {@code str} and {@code bytes}, which Swift's receiver puts in its {@code
 * :ERROR: <code> %r} lines. Stateless.
 */
final class PythonRepr {
    private PythonRepr() {}

    /** {@code repr(s)} of a str. */
    static String ofStr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            appendEscaped(sb, c, quote, (c >= 0x7f && c <= 0xa0) || c == 0xad);
        }
        return sb.append(quote).toString();
    }

    /** {@code repr(b)} of bytes. */
    static String ofBytes(byte[] b) {
        boolean single = false;
        boolean dbl = false;
        for (byte x : b) {
            single |= x == '\'';
            dbl |= x == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder sb = new StringBuilder(b.length + 3).append('b').append(quote);
        for (byte x : b) {
            int c = x & 0xff;
            appendEscaped(sb, (char) c, quote, c >= 0x7f);
        }
        return sb.append(quote).toString();
    }

    private static void appendEscaped(StringBuilder sb, char c, char quote, boolean hex) {
        switch (c) {
            case '\\' -> sb.append("\\\\");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            default -> {
                if (c == quote) {
                    sb.append('\\').append(c);
                } else if (c < 0x20 || hex) {
                    sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                } else {
                    sb.append(c);
                }
            }
        }
    }
}
