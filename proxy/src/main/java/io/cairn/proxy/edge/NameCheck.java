package io.cairn.proxy.edge;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.proxy.swift.ProxyServices;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code name_check}: a request whose unquoted path (Swift's {@code PATH_INFO}, one char per byte, so the
 * length counts UTF-8 bytes) holds one of {@code forbidden_chars}, is longer than {@code maximum_length}, or has a
 * substring matching {@code forbidden_regexp} is refused with 400 and Swift's text, checked in that order.
 *
 * <p>Immutable.
 */
public final class NameCheck implements EdgeFilter {
    static final String FORBIDDEN_CHARS = "'\"`<>";
    static final int MAX_LENGTH = 255;
    static final String FORBIDDEN_REGEXP = "/\\./|/\\.\\./|/\\.$|/\\.\\.$";
    private static final Set<String> KNOWN = Set.of("use", "forbidden_chars", "maximum_length", "forbidden_regexp");

    private final String forbiddenChars;
    private final int maximumLength;
    private final String forbiddenRegexp;
    private final @Nullable Pattern forbidden;

    NameCheck(String forbiddenChars, int maximumLength, String forbiddenRegexp) {
        this.forbiddenChars = forbiddenChars;
        this.maximumLength = maximumLength;
        this.forbiddenRegexp = forbiddenRegexp;
        this.forbidden = forbiddenRegexp.isEmpty() ? null : Pattern.compile(forbiddenRegexp);
    }

    /** {@code [filter:name_check]} with Swift's keys and defaults. */
    public static NameCheck from(ConfigSection section, List<String> warnings) {
        section.unknownKeys(KNOWN).forEach(k -> warnings.add("[" + section.name() + "] unknown key " + k));
        String length = section.getString("maximum_length", Integer.toString(MAX_LENGTH));
        int max;
        try {
            max = Integer.parseInt(length.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(section.source(), section.name(), "maximum_length", length, "must be an integer");
        }
        String regexp = section.getString("forbidden_regexp", FORBIDDEN_REGEXP);
        try {
            return new NameCheck(section.getString("forbidden_chars", FORBIDDEN_CHARS), max, regexp);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(
                    section.source(), section.name(), "forbidden_regexp", regexp, "not a regular expression");
        }
    }

    @Override
    public @Nullable CompletableFuture<FullHttpResponse> answer(
            HttpRequest request, String path, ProxyServices services) {
        String refusal = refusal(path);
        return refusal == null ? null : CompletableFuture.completedFuture(SwiftResponses.withText(400, refusal));
    }

    /** Swift's text for why {@code pathInfo} is refused, or null when it is not. */
    @Nullable
    String refusal(String pathInfo) {
        for (int i = 0; i < forbiddenChars.length(); i++) {
            if (pathInfo.indexOf(forbiddenChars.charAt(i)) >= 0) {
                return "Object/Container/Account name contains forbidden chars from " + forbiddenChars;
            }
        }
        if (pathInfo.length() > maximumLength) {
            return "Object/Container/Account name longer than the allowed maximum " + maximumLength;
        }
        Pattern p = forbidden;
        if (p != null && p.matcher(pathInfo).find()) {
            return "Object/Container/Account name contains a forbidden substring from regular expression "
                    + forbiddenRegexp;
        }
        return null;
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("forbidden_chars", forbiddenChars);
        section.put("maximum_length", maximumLength);
        section.put("forbidden_regexp", forbiddenRegexp);
        info.put("name_check", section);
    }
}
