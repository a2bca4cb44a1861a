package io.cairn.proxy.tempurl;

import io.cairn.common.path.PercentCoding;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request's TempURL parameters as Swift's {@code _get_temp_url_info} reads them ({@code parse_qs} with blank
 * values kept, the first value of each).
 *
 * @param sig {@code temp_url_sig}
 * @param expires {@code temp_url_expires} as Python's {@code int()} or ISO 8601 {@code %Y-%m-%dT%H:%M:%SZ}; 0 when
 *     neither or already past; null when absent
 * @param prefix {@code temp_url_prefix}
 * @param filename {@code filename}
 * @param inline whether {@code inline} was given
 * @param ipRange {@code temp_url_ip_range}
 */
record TempUrlQuery(
        @Nullable String sig,
        @Nullable Long expires,
        @Nullable String prefix,
        @Nullable String filename,
        boolean inline,
        @Nullable String ipRange) {
    private static final DateTimeFormatter ISO_8601 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    /** Reads the raw (still percent-encoded) query at {@code nowSeconds}. */
    static TempUrlQuery parse(String rawQuery, double nowSeconds) {
        Map<String, String> first = parseQs(rawQuery);
        String expiresText = first.get("temp_url_expires");
        Long expires = null;
        if (expiresText != null) {
            long e = parseExpires(expiresText);
            expires = e < nowSeconds ? 0L : e;
        }
        return new TempUrlQuery(
                first.get("temp_url_sig"),
                expires,
                first.get("temp_url_prefix"),
                first.get("filename"),
                first.containsKey("inline"),
                first.get("temp_url_ip_range"));
    }

    /** Python's {@code parse_qs(qs, keep_blank_values=True)}, the first value of each name. */
    static Map<String, String> parseQs(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery.isEmpty()) {
            return out;
        }
        for (String field : rawQuery.split("&", -1)) {
            if (field.isEmpty()) {
                continue;
            }
            int eq = field.indexOf('=');
            String name = decode(eq < 0 ? field : field.substring(0, eq));
            String value = eq < 0 ? "" : decode(field.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String decode(String part) {
        return PercentCoding.unquote(part.replace('+', ' '));
    }

    /** Python's {@code int(text)}, else the ISO 8601 form, else 0. */
    static long parseExpires(String text) {
        String t = text.strip();
        String digits = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        if (!digits.isEmpty()
                && !digits.startsWith("_")
                && !digits.endsWith("_")
                && !digits.contains("__")
                && digits.replace("_", "").chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Long.parseLong((t.startsWith("-") ? "-" : "") + digits.replace("_", ""));
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE; // a Python int past 2^63: far in the future, never a valid signature
            }
        }
        try {
            return LocalDateTime.parse(text, ISO_8601).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
