package io.cairn.common.db;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON as Python's {@code json} module reads and writes it, for the DB {@code metadata} column and the
 * {@code REPLICATE} RPC bodies: {@link #dumps} matches {@code json.dumps(obj)} with its defaults
 * ({@code ensure_ascii}, separators {@code ", "} and {@code ": "}, insertion order kept);
 * {@link #loads} yields {@link LinkedHashMap} (order kept, as Python dicts), {@link List}, {@link String},
 * {@link Long} (or {@link BigInteger} when larger), {@link Double}, {@link Boolean} and {@code null}.
 *
 * <p>Stateless and thread-safe.
 */
public final class PyJson {
    private PyJson() {}

    /** Parses one JSON document; throws {@link IllegalArgumentException} with the offset on bad input. */
    public static @Nullable Object loads(String text) {
        Parser p = new Parser(text);
        p.skipWs();
        Object value = p.value();
        p.skipWs();
        if (p.pos != text.length()) {
            throw p.error("Extra data");
        }
        return value;
    }

    /** Serializes as {@code json.dumps(value)}. */
    public static String dumps(@Nullable Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    /** Appends {@code s} as a JSON string literal with Python's {@code ensure_ascii} escaping. */
    public static void writeString(StringBuilder sb, CharSequence s) {
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
                    if (c < 0x20 || c > 0x7e) {
                        sb.append("\\u");
                        String hex = Integer.toHexString(c);
                        for (int pad = hex.length(); pad < 4; pad++) {
                            sb.append('0');
                        }
                        sb.append(hex);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void write(StringBuilder sb, @Nullable Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof CharSequence s) {
            writeString(sb, s);
        } else if (value instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            sb.append(pythonFloat(((Number) value).doubleValue()));
        } else if (value instanceof Number n) {
            sb.append(n.toString());
        } else if (value instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                writeString(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (value instanceof Iterable<?> it) {
            sb.append('[');
            boolean first = true;
            for (Object o : it) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                write(sb, o);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException(
                    "not JSON-serializable: " + value.getClass().getName());
        }
    }

    /** Python's {@code float.__repr__}: shortest round-trip digits, exponent past 1e16 or below 1e-4. */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return new BigDecimal(d).toBigInteger() + ".0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exp = bd.precision() - bd.scale() - 1;
        if (exp < -4 || exp >= 16) {
            String digits = bd.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "")
                    + Math.abs(exp);
        }
        return bd.toPlainString();
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at char " + pos);
        }

        void skipWs() {
            while (pos < s.length() && " \t\n\r".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        @Nullable
        Object value() {
            if (pos >= s.length()) {
                throw error("Expecting value");
            }
            char c = s.charAt(pos);
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                return array();
            }
            if (c == '"') {
                return string();
            }
            return literal();
        }

        private @Nullable Object literal() {
            if (s.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            if (s.startsWith("true", pos)) {
                pos += 4;
                return true;
            }
            if (s.startsWith("false", pos)) {
                pos += 5;
                return false;
            }
            return number();
        }

        Map<String, @Nullable Object> object() {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            pos++;
            skipWs();
            if (peek() == '}') {
                pos++;
                return m;
            }
            while (true) {
                skipWs();
                if (peek() != '"') {
                    throw error("Expecting property name enclosed in double quotes");
                }
                String key = string();
                skipWs();
                expect(':');
                skipWs();
                m.put(key, value());
                skipWs();
                char c = next();
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    throw error("Expecting ',' delimiter");
                }
            }
        }

        List<@Nullable Object> array() {
            List<@Nullable Object> l = new ArrayList<>();
            pos++;
            skipWs();
            if (peek() == ']') {
                pos++;
                return l;
            }
            while (true) {
                skipWs();
                l.add(value());
                skipWs();
                char c = next();
                if (c == ']') {
                    return l;
                }
                if (c != ',') {
                    throw error("Expecting ',' delimiter");
                }
            }
        }

        String string() {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    escape(sb);
                } else if (c < 0x20) {
                    throw error("Invalid control character");
                } else {
                    sb.append(c);
                }
            }
        }

        private void escape(StringBuilder sb) {
            char e = next();
            int simple = "nrtbf\"\\/".indexOf(e);
            if (simple >= 0) {
                sb.append("\n\r\t\b\f\"\\/".charAt(simple));
                return;
            }
            if (e != 'u' || pos + 4 > s.length()) {
                throw error("Invalid \\escape");
            }
            try {
                sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
                throw error("Invalid \\uXXXX escape");
            }
            pos += 4;
        }

        Object number() {
            Double special = specialFloat();
            if (special != null) {
                return special;
            }
            int start = pos;
            boolean isFloat = false;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '.' || c == 'e' || c == 'E') {
                    isFloat = true;
                } else if ("0123456789+-".indexOf(c) < 0) {
                    break;
                }
                pos++;
            }
            String text = s.substring(start, pos);
            if (text.isEmpty()) {
                throw error("Expecting value");
            }
            try {
                if (isFloat) {
                    return Double.parseDouble(text);
                }
                BigInteger big = new BigInteger(text);
                return big.bitLength() < 64 ? (Object) big.longValue() : big;
            } catch (NumberFormatException e) {
                throw error("Expecting value");
            }
        }

        private @Nullable Double specialFloat() {
            if (s.startsWith("NaN", pos)) {
                pos += 3;
                return Double.NaN;
            }
            if (s.startsWith("Infinity", pos)) {
                pos += 8;
                return Double.POSITIVE_INFINITY;
            }
            if (s.startsWith("-Infinity", pos)) {
                pos += 9;
                return Double.NEGATIVE_INFINITY;
            }
            return null;
        }

        char peek() {
            if (pos >= s.length()) {
                throw error("Unexpected end of data");
            }
            return s.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        void expect(char c) {
            if (next() != c) {
                throw error("Expecting '" + c + "' delimiter");
            }
        }
    }
}
