package io.cairn.proxy.quotas;

import io.cairn.common.config.ConfigSection;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.List;
import java.util.Set;

/** Creates the quota filters from their {@code [filter:…]} sections, and what both share. */
public final class Quotas {
    private static final Set<String> KNOWN = Set.of("use");

    private Quotas() {}

    /**
     * The filter for egg entry {@code container_quotas} or {@code account_quotas}; neither takes options
     * (unknown keys go to {@code warnings}).
     */
    public static Middleware middleware(String entry, ConfigSection section, List<String> warnings) {
        section.unknownKeys(KNOWN).forEach(k -> warnings.add("[" + section.name() + "] unknown key " + k));
        return switch (entry) {
            case "container_quotas" -> new ContainerQuotas();
            case "account_quotas" -> new AccountQuotas();
            default -> throw new IllegalArgumentException("not a quota filter: " + entry);
        };
    }

    static FullHttpResponse exceeded() {
        return SwiftResponses.withText(413, "Upload exceeds quota.");
    }

    /** Swift's {@code req.content_length or 0}: a chunked upload counts as empty. */
    static long contentLength(Exchange ex) {
        String cl = ex.headers().get(HttpHeaderNames.CONTENT_LENGTH);
        if (cl == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(cl.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
