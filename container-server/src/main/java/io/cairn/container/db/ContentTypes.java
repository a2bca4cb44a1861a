package io.cairn.container.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code extract_swift_bytes} over {@code parse_content_type}: splits a stored content type into
 * the type with every parameter but {@code swift_bytes} re-joined as {@code ;k=v}, and the {@code
 * swift_bytes} value. Stateless.
 */
public final class ContentTypes {
    private static final String TOKEN = "[^()<>@,;:\\\\\"/\\[\\]?={}\\x00-\\x20\\x7f]+";
    private static final Pattern EXTENSION =
            Pattern.compile("(?:\\s*;\\s*(" + TOKEN + ")\\s*(?:=\\s*(" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\"))?)");

    /** The result of {@link #extractSwiftBytes}. */
    public record Extracted(String contentType, @Nullable String swiftBytes) {}

    private ContentTypes() {}

    public static Extracted extractSwiftBytes(String contentType) {
        int semi = contentType.indexOf(';');
        if (semi < 0) {
            return new Extracted(contentType, null);
        }
        StringBuilder rebuilt = new StringBuilder(contentType.substring(0, semi));
        String swiftBytes = null;
        Matcher m = EXTENSION.matcher(contentType.substring(semi));
        while (m.find()) {
            String key = m.group(1).strip();
            String value = m.group(2) == null ? "" : m.group(2).strip();
            if (key.equals("swift_bytes")) {
                swiftBytes = value;
            } else {
                rebuilt.append(';').append(key).append('=').append(value);
            }
        }
        return new Extracted(rebuilt.toString(), swiftBytes);
    }
}
