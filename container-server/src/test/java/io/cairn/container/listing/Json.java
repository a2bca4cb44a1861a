package io.cairn.container.listing;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Just enough JSON for test fixtures: quoting strings, reading an array of strings. */
final class Json {
    private Json() {}

    static String quote(@Nullable String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Parses {@code ["…", "…"]} whose elements are JSON strings; returns the decoded strings. */
    static List<String> stringArray(String json) {
        List<String> out = new ArrayList<>();
        int i = json.indexOf('[') + 1;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (json.charAt(i) != '"') {
                    char d = json.charAt(i);
                    if (d == '\\') {
                        char e = json.charAt(i + 1);
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            case 'r' -> sb.append('\r');
                            case 'b' -> sb.append('\b');
                            case 'f' -> sb.append('\f');
                            case 'u' -> {
                                sb.append((char) Integer.parseInt(json.substring(i + 2, i + 6), 16));
                                i += 4;
                            }
                            default -> sb.append(e);
                        }
                        i += 2;
                    } else {
                        sb.append(d);
                        i++;
                    }
                }
                out.add(sb.toString());
            }
            i++;
        }
        return out;
    }
}
