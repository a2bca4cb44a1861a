package io.cairn.proxy.formpost;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swift's {@code parse_content_disposition}, which FormPost applies to the request's {@code Content-Type} and to each
 * part's {@code Content-Disposition}: the value before the first {@code ;} and the {@code name=value} attributes
 * after it, as far as Swift's {@code ATTRIBUTES_RE} matches them one after the other (quotes stripped).
 *
 * <p>Immutable.
 *
 * @param value the header's value before the first {@code ;} (stripped only when there is one, as Swift's)
 * @param attributes the attributes, in order; a repeated name keeps its last value
 */
public record Disposition(String value, Map<String, String> attributes) {
    /** Swift's {@code ATTRIBUTES_RE} with Python's {@code re} semantics ({@code \w} Unicode, {@code $} before a final {@code \n}). */
    private static final Pattern ATTRIBUTE =
            Pattern.compile("(\\w+)=(\".*?\"|[^\";]+)(; ?|$)", Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES);

    public Disposition {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public static Disposition parse(String header) {
        String value = header;
        String rest = "";
        int semi = header.indexOf(';');
        if (semi >= 0) {
            value = header.substring(0, semi).strip();
            rest = header.substring(semi + 1).strip();
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        while (!rest.isEmpty()) {
            Matcher m = ATTRIBUTE.matcher(rest);
            if (!m.lookingAt()) {
                break;
            }
            attrs.put(m.group(1), stripQuotes(m.group(2)));
            rest = rest.substring(m.end());
        }
        return new Disposition(value, attrs);
    }

    private static String stripQuotes(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '"') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '"') {
            to--;
        }
        return s.substring(from, to);
    }
}
