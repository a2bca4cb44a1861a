package io.cairn.proxy.formpost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A form part's headers as Swift's {@code parse_mime_headers} gives them (Python's {@code email} parser, {@code
 * compat32} policy, into a {@code HeaderKeyDict}): names case-insensitive, the first of a repeated header wins, a
 * folded line joins its header's value (line breaks kept, as {@code compat32} keeps them), and the first line that
 * is not a header ends the headers.
 *
 * <p>Immutable.
 */
public final class MimeHeaders {
    private final Map<String, String> byLowerName;

    private MimeHeaders(Map<String, String> byLowerName) {
        this.byLowerName = byLowerName;
    }

    /**
     * A part's headers parsed as Swift's {@code parse_mime_headers} parses them.
     *
     * @param readLines the header lines as Swift's reader splits them (at {@code \r\n}), each with its line break;
     *     the {@code email} parser splits their text again at any line break ({@code \r\n}, {@code \r}, {@code \n})
     */
    public static MimeHeaders parse(List<String> readLines) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : emailLines(String.join("", readLines))) {
            if (line.equals("\r\n") || line.equals("\n") || line.equals("\r")) {
                break;
            }
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (name != null) {
                    value.append(line);
                }
                continue;
            }
            if (name != null) {
                out.putIfAbsent(name, rstripLineBreaks(value.toString()));
                name = null;
            }
            int colon = headerColon(line);
            if (colon < 0) {
                break;
            }
            name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            value.setLength(0);
            value.append(lstripBlanks(line.substring(colon + 1)));
        }
        if (name != null) {
            out.putIfAbsent(name, rstripLineBreaks(value.toString()));
        }
        return new MimeHeaders(out);
    }

    /** {@code text} split after each {@code \r\n}, {@code \r} or {@code \n}, line breaks kept. */
    private static List<String> emailLines(String text) {
        List<String> lines = new java.util.ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                lines.add(text.substring(start, i));
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** The colon of a header line ({@code email}'s {@code [\041-\071\073-\176]*:}), or -1 for any other line. */
    private static int headerColon(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':') {
                return i;
            }
            if (c < 0x21 || c > 0x7e) {
                return -1;
            }
        }
        return -1;
    }

    private static String lstripBlanks(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return s.substring(i);
    }

    private static String rstripLineBreaks(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** The header's value, or null when the part has none. */
    @Nullable
    public String get(String name) {
        return byLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    boolean contains(String name) {
        return byLowerName.containsKey(name.toLowerCase(Locale.ROOT));
    }
}
