package io.cairn.common.listing;

import io.cairn.common.codec.Utf8;
import io.cairn.common.path.PercentCoding;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request's query string parsed as Swift's {@code Request.params} does ({@code parse_qsl} with blank
 * values kept, {@code +} as space, {@code %XX} unescaped to raw bytes, the last of repeated names wins),
 * with {@code get_param}'s UTF-8 check on access.
 *
 * <p>Immutable and thread-safe.
 */
public final class QueryParameters {
    private final Map<String, byte[]> values;

    private QueryParameters(Map<String, byte[]> values) {
        this.values = values;
    }

    /** Parses the raw (still percent-encoded) query string, without the leading {@code ?}; null = none. */
    public static QueryParameters parse(@Nullable String rawQuery) {
        Map<String, byte[]> values = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                // parse_qsl decodes names as latin-1; listing names are ASCII, so compare that view
                values.put(new String(unquote(name), StandardCharsets.ISO_8859_1), unquote(value));
            }
        }
        return new QueryParameters(values);
    }

    /** Whether the parameter appears at all (even blank). */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /**
     * Swift's {@code get_param}: the value as text, null when absent; 400 {@code "<name>" parameter not valid
     * UTF-8} when it is not valid UTF-8.
     */
    public @Nullable String get(String name) throws ListingException {
        byte[] raw = values.get(name);
        if (raw == null) {
            return null;
        }
        String value = Utf8.decodeOrNull(raw);
        if (value == null) {
            throw new ListingException(400, "\"" + name + "\" parameter not valid UTF-8");
        }
        return value;
    }

    /** Python's {@code unquote_to_bytes} after {@code +} → space; malformed escapes stay literal. */
    static byte[] unquote(String s) {
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out[n++] = ' ';
            } else if (c == '%'
                    && i + 2 < s.length()
                    && PercentCoding.hexDigit(s.charAt(i + 1)) >= 0
                    && PercentCoding.hexDigit(s.charAt(i + 2)) >= 0) {
                out[n++] =
                        (byte) (PercentCoding.hexDigit(s.charAt(i + 1)) << 4 | PercentCoding.hexDigit(s.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                // the query string arrives as latin-1 text (one char per byte) or, from Java callers, as
                // real text: either way emit the character's UTF-8 bytes unless it is a raw latin-1 byte
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    utf8 = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                System.arraycopy(utf8, 0, out, n, utf8.length);
                n += utf8.length;
            }
        }
        byte[] result = new byte[n];
        System.arraycopy(out, 0, result, 0, n);
        return result;
    }
}
