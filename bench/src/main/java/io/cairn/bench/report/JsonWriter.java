package io.cairn.bench.report;

/**
 * A minimal compact JSON text builder (objects, arrays, strings, numbers, booleans, null) with correct string escaping and
 * commas; the caller nests calls in a valid order. Not thread-safe.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder(2048);
    private boolean needComma;

    JsonWriter beginObject() {
        value();
        out.append('{');
        needComma = false;
        return this;
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        value();
        out.append('[');
        needComma = false;
        return this;
    }

    JsonWriter endArray() {
        return close(']');
    }

    private JsonWriter close(char c) {
        out.append(c);
        needComma = true;
        return this;
    }

    JsonWriter name(String name) {
        if (needComma) {
            out.append(',');
        }
        string(name);
        out.append(':');
        needComma = false;
        return this;
    }

    JsonWriter value(String s) {
        value();
        string(s);
        needComma = true;
        return this;
    }

    JsonWriter value(long v) {
        value();
        out.append(v);
        needComma = true;
        return this;
    }

    /** A number with at most 3 decimals; NaN and infinities become {@code null}. */
    JsonWriter value(double v) {
        value();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            out.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            out.append(Math.round(v * 1000) / 1000.0);
        }
        needComma = true;
        return this;
    }

    JsonWriter value(boolean v) {
        value();
        out.append(v);
        needComma = true;
        return this;
    }

    JsonWriter nullValue() {
        value();
        out.append("null");
        needComma = true;
        return this;
    }

    private void value() {
        if (needComma) {
            out.append(',');
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00");
                        out.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
