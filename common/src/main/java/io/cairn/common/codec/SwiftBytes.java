package io.cairn.common.codec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code swift_bytes} content-type parameter, Swift's one way of carrying a large object's size in its
 * manifest's type (SLO writes {@code ;swift_bytes=N}, versioning {@code ; swift_bytes=N}): {@link #extract}
 * ({@code extract_swift_bytes} over {@code parse_content_type}: every other parameter kept, re-joined as {@code
 * ;k=v}) for the container server, the object server's POST and SLO's segment sizes; {@link #clean} ({@code
 * clean_content_type}: only a last {@code swift_bytes} parameter removed) for the type a proxy answers with.
 * Stateless.
 */
public final class SwiftBytes {
    private static final String TOKEN = "[^()<>@,;:\\\\\"/\\[\\]?={}\\x00-\\x20\\x7f]+";
    private static final Pattern EXTENSION =
            Pattern.compile("(?:\\s*;\\s*(" + TOKEN + ")\\s*(?:=\\s*(" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\"))?)");

    /** The result of {@link #extract}. */
    public record Extracted(String contentType, @Nullable String swiftBytes) {}

    private SwiftBytes() {}

    public static Extracted extract(String contentType) {
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

    /** {@code clean_content_type}: {@code value} without its last parameter when that is {@code swift_bytes}. */
    public static String clean(String value) {
        int semi = value.lastIndexOf(';');
        if (semi >= 0 && value.substring(semi + 1).stripLeading().startsWith("swift_bytes=")) {
            return value.substring(0, semi);
        }
        return value;
    }
}
