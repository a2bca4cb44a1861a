package io.cairn.object.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/** Renders unpickled values for assertions: bytes as UTF-8 text, maps as {@code {k=v, …}}, recursively. */
final class WireBytes {
    private WireBytes() {}

    static String text(@Nullable Object value) {
        if (value instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (value instanceof Map<?, ?> m) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            m.forEach((k, v) -> j.add(text(k) + "=" + text(v)));
            return j.toString();
        }
        return String.valueOf(value);
    }
}
