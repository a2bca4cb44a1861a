package io.cairn.proxy.auth;

import io.cairn.common.path.PercentCoding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The few Python standard-library behaviours tempauth's decisions depend on, reproduced exactly:
 * {@code repr(str)}, {@code urllib.parse.unquote}, {@code urllib.parse.quote} (Swift's {@code utils.quote}),
 * {@code urlparse(url).hostname} and Swift's {@code split_path}.
 *
 * <p>Thread-safety: stateless static methods.
 */
final class PythonCompat {
    private static final String WHATWG_C0_CONTROL_OR_SPACE = controlOrSpace();

    private PythonCompat() {}

    private static String controlOrSpace() {
        StringBuilder sb = new StringBuilder();
        for (char c = 0; c <= ' '; c++) {
            sb.append(c);
        }
        return sb.toString();
    }

    /** Python 3's {@code repr()} of a {@code str}. */
    static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp < 0x100) {
                sb.append(String.format(Locale.ROOT, "\\x%02x", cp));
            } else if (cp < 0x10000) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", cp));
            } else {
                sb.append(String.format(Locale.ROOT, "\\U%08x", cp));
            }
        }
        return sb.append(quote).toString();
    }

    /** Python's {@code str.isprintable()} for one code point, from the Unicode general category. */
    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> {
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    /**
     * {@code urllib.parse.unquote(s)}: {@code %XX} runs decoded as UTF-8 with U+FFFD for invalid
     * sequences; a {@code %} not followed by two hex digits stays as it is.
     */
    static String unquote(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%'
                    && i + 2 < s.length()
                    && PercentCoding.hexDigit(s.charAt(i + 1)) >= 0
                    && PercentCoding.hexDigit(s.charAt(i + 2)) >= 0) {
                bytes.write(PercentCoding.hexDigit(s.charAt(i + 1)) * 16 + PercentCoding.hexDigit(s.charAt(i + 2)));
                i += 3;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c);
            i++;
        }
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** Swift's {@code utils.quote(value)}: UTF-8, everything but {@code A-Za-z0-9_.-~/} percent-encoded. */
    static String quote(String s) {
        return PercentCoding.quote(s);
    }

    /**
     * {@code urlparse(url).hostname}: the host of the netloc (after {@code //}), without user info and
     * port, lower-cased; null when there is no netloc or its host is empty. A netloc with unbalanced
     * IPv6 brackets, where Python raises, also gives null.
     */
    static @Nullable String urlHostname(String url) {
        int start = 0;
        while (start < url.length() && WHATWG_C0_CONTROL_OR_SPACE.indexOf(url.charAt(start)) >= 0) {
            start++;
        }
        String u = url.substring(start).replace("\t", "").replace("\r", "").replace("\n", "");
        int colon = u.indexOf(':');
        if (colon > 0 && isSchemeStart(u.charAt(0)) && isScheme(u, colon)) {
            u = u.substring(colon + 1);
        }
        if (!u.startsWith("//")) {
            return null;
        }
        int end = u.length();
        for (char delimiter : new char[] {'/', '?', '#'}) {
            int at = u.indexOf(delimiter, 2);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String netloc = u.substring(2, end);
        return netloc.contains("[") != netloc.contains("]") ? null : netlocHostname(netloc);
    }

    /** {@code SplitResult.hostname} of a netloc. */
    private static @Nullable String netlocHostname(String netloc) {
        String hostinfo = netloc.substring(netloc.lastIndexOf('@') + 1);
        String hostname;
        int bracket = hostinfo.indexOf('[');
        if (bracket >= 0) {
            String bracketed = hostinfo.substring(bracket + 1);
            int close = bracketed.indexOf(']');
            hostname = close >= 0 ? bracketed.substring(0, close) : bracketed;
        } else {
            int portColon = hostinfo.indexOf(':');
            hostname = portColon >= 0 ? hostinfo.substring(0, portColon) : hostinfo;
        }
        if (hostname.isEmpty()) {
            return null;
        }
        int percent = hostname.indexOf('%');
        return percent >= 0
                ? hostname.substring(0, percent).toLowerCase(Locale.ROOT) + hostname.substring(percent)
                : hostname.toLowerCase(Locale.ROOT);
    }

    private static boolean isSchemeStart(char c) {
        return c < 128 && Character.isLetter(c);
    }

    private static boolean isScheme(String u, int colon) {
        for (int i = 0; i < colon; i++) {
            char c = u.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "+-.".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Swift's {@code split_path(path, minsegs, maxsegs, rest_with_last=True)}: the segments, padded
     * with nulls to {@code maxsegs}; null (where Swift raises {@code ValueError}) for an invalid path.
     */
    static @Nullable List<@Nullable String> splitPathRestWithLast(String path, int minsegs, int maxsegs) {
        List<String> segs = splitLimit(path, maxsegs);
        int min = minsegs + 1;
        int max = maxsegs + 1;
        int count = segs.size();
        if (!segs.get(0).isEmpty() || count < min || count > max) {
            return null;
        }
        for (int i = 1; i < min; i++) {
            if (segs.get(i).isEmpty()) {
                return null;
            }
        }
        List<@Nullable String> result = new ArrayList<>(segs.subList(1, count));
        while (result.size() < maxsegs) {
            result.add(null);
        }
        return result;
    }

    /** Python's {@code s.split('/', maxsplit)}. */
    private static List<String> splitLimit(String s, int maxsplit) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (parts.size() < maxsplit) {
            int at = s.indexOf('/', from);
            if (at < 0) {
                break;
            }
            parts.add(s.substring(from, at));
            from = at + 1;
        }
        parts.add(s.substring(from));
        return parts;
    }
}
