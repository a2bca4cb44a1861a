package io.cairn.common.codec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small, strict JSON reader and a writer that produces exactly what Python's {@code json.dumps(value)}
 * produces ({@link #write}, keys in insertion order) or {@code json.dumps(value, sort_keys=True)}
 * ({@link #writeSortedKeys}, as ring files are written), both with {@code ensure_ascii} and Python's
 * separators {@code ", "} and {@code ": "}. The one JSON codec of Cairn: ring files, the DB
 * {@code metadata} column, REPLICATE RPC bodies, CLI output.
 *
 * <p>Values map as: object ↔ {@code Map<String, Object>} (insertion-ordered when read, written with keys
 * sorted by code point as Python's {@code sort_keys} does), array ↔ {@code List}, string ↔ {@link String},
 * integer ↔ {@link Long} (any {@link Integer}/{@link Long} when written), number with fraction or exponent
 * ↔ {@link Double} (written as Python's {@code repr(float)}), {@code true/false} ↔ {@link Boolean},
 * {@code null} ↔ {@code null}. The reader rejects what a ring file never contains and Python's
 * {@code json} would accept only as an extension: {@code NaN}, {@code Infinity}, integers outside the
 * {@code long} range, duplicate keys, trailing data.
 *
 * <p>Thread-safety: stateless static methods; thread-safe.
 */
public final class Json {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int MAX_DEPTH = 64;

    private Json() {}

    /** Thrown for malformed JSON; the message names the offset. */
    public static final class JsonException extends Exception {
        private static final long serialVersionUID = 1L;

        public JsonException(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- reading

    /** Parses one JSON document; whitespace around it is allowed, anything else is not. */
    public static @Nullable Object parse(String text) throws JsonException {
        Parser p = new Parser(text);
        p.skipWhitespace();
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("trailing data after the JSON value");
        }
        return value;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        JsonException error(String what) {
            return new JsonException(what + " at offset " + pos);
        }

        void skipWhitespace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        @Nullable
        Object value(int depth) throws JsonException {
            if (depth > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH);
            }
            if (pos >= s.length()) {
                throw error("unexpected end of JSON");
            }
            char c = s.charAt(pos);
            if (c == '-' || (c >= '0' && c <= '9')) {
                return number();
            }
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", true);
                case 'f' -> literal("false", false);
                case 'n' -> literal("null", null);
                default -> throw error("unexpected character '" + c + "'");
            };
        }

        private @Nullable Object literal(String word, @Nullable Object result) throws JsonException {
            if (!s.startsWith(word, pos)) {
                throw error("expected '" + word + "'");
            }
            pos += word.length();
            return result;
        }

        private Map<String, @Nullable Object> object(int depth) throws JsonException {
            pos++; // '{'
            Map<String, @Nullable Object> map = new LinkedHashMap<>();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("expected a string key");
                }
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                if (map.containsKey(key)) {
                    throw error("duplicate key \"" + key + "\"");
                }
                map.put(key, value(depth + 1));
                skipWhitespace();
                char c = next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<@Nullable Object> array(int depth) throws JsonException {
            pos++; // '['
            List<@Nullable Object> list = new ArrayList<>();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipWhitespace();
                list.add(value(depth + 1));
                skipWhitespace();
                char c = next();
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() throws JsonException {
            pos++; // opening quote
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    pos--;
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> sb.append(hex4());
                    default -> {
                        pos--;
                        throw error("bad escape '\\" + e + "'");
                    }
                }
            }
        }

        private char hex4() throws JsonException {
            if (pos + 4 > s.length()) {
                throw error("truncated \\u escape");
            }
            int v = 0;
            for (int i = 0; i < 4; i++) {
                int d = Character.digit(s.charAt(pos + i), 16);
                if (d < 0) {
                    throw error("bad hex digit in \\u escape");
                }
                v = (v << 4) | d;
            }
            pos += 4;
            return (char) v;
        }

        private Object number() throws JsonException {
            int begin = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (isDigit(peek())) {
                digits();
            } else {
                throw error("bad number");
            }
            boolean integral = true;
            if (peek() == '.') {
                integral = false;
                pos++;
                if (!isDigit(peek())) {
                    throw error("digit expected after '.'");
                }
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                integral = false;
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw error("digit expected in exponent");
                }
                digits();
            }
            String token = s.substring(begin, pos);
            if (integral) {
                try {
                    return Long.parseLong(token);
                } catch (NumberFormatException e) {
                    throw new JsonException("integer out of range: " + token + " at offset " + begin);
                }
            }
            double d = Double.parseDouble(token);
            if (Double.isInfinite(d)) {
                throw new JsonException("number out of range: " + token + " at offset " + begin);
            }
            return d;
        }

        private void digits() {
            while (isDigit(peek())) {
                pos++;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private char next() throws JsonException {
            if (pos >= s.length()) {
                throw error("unexpected end of JSON");
            }
            return s.charAt(pos++);
        }

        private void expect(char c) throws JsonException {
            if (next() != c) {
                pos--;
                throw error("expected '" + c + "'");
            }
        }
    }

    // ---------------------------------------------------------------- writing

    /** Python's {@code json.dumps(value)}: object keys in the map's iteration order. */
    public static String write(@Nullable Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, false);
        return sb.toString();
    }

    /** Python's {@code json.dumps(value, sort_keys=True)}: object keys sorted by code point. */
    public static String writeSortedKeys(@Nullable Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, true);
        return sb.toString();
    }

    private static void write(@Nullable Object value, StringBuilder sb, boolean sortKeys) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String str) {
            writeString(str, sb);
        } else if (value instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (value instanceof Integer || value instanceof Long) {
            sb.append(((Number) value).longValue());
        } else if (value instanceof Double d) {
            sb.append(pythonFloatRepr(d));
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, sb, sortKeys);
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                write(list.get(i), sb, sortKeys);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder sb, boolean sortKeys) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object k : map.keySet()) {
            if (!(k instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings, got " + k);
            }
            keys.add(key);
        }
        // Python sorts str keys by code point; String.compareTo orders UTF-16 units, which differs
        // only above U+FFFF, so compare code points explicitly.
        if (sortKeys) {
            Collections.sort(keys, CodePoints::compare);
        }
        sb.append('{');
        boolean first = true;
        for (String key : keys) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            writeString(key, sb);
            sb.append(": ");
            write(map.get(key), sb, sortKeys);
        }
        sb.append('}');
    }

    /** Appends {@code s} as a JSON string literal with Python's {@code ensure_ascii} escaping. */
    public static void writeString(CharSequence s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        sb.append(c);
                    } else {
                        // UTF-16 units are exactly Python's surrogate-pair escapes for astral characters
                        sb.append("\\u")
                                .append(HEX[(c >> 12) & 0xF])
                                .append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF])
                                .append(HEX[c & 0xF]);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * Python's {@code repr(float)}: the shortest decimal that reads back as the same double (closest to
     * the exact value on ties), fixed notation when the decimal exponent is in [-4, 16), else
     * {@code d.ddde+XX}. JDK 17's {@link Double#toString} is not always shortest, so digits are found here.
     */
    public static String pythonFloatRepr(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON has no representation for " + d);
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(d);
        String digits = shortest.unscaledValue().abs().toString();
        int decpt = digits.length() - shortest.scale(); // value = 0.digits * 10^decpt
        // strip trailing zeros from the digit string (unscaled value may carry them)
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        StringBuilder sb = new StringBuilder();
        if (d < 0) {
            sb.append('-');
        }
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.");
                sb.append("0".repeat(-decpt));
                sb.append(digits);
            } else if (decpt >= digits.length()) {
                sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            int exp = decpt - 1;
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) {
                sb.append('0');
            }
            sb.append(abs);
        }
        return sb.toString();
    }

    private static BigDecimal shortestRoundTrip(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal best = null;
            for (RoundingMode mode :
                    new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == d
                        && (best == null
                                || candidate
                                                .subtract(exact)
                                                .abs()
                                                .compareTo(best.subtract(exact).abs())
                                        < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return exact.round(MathContext.DECIMAL64);
    }
}
