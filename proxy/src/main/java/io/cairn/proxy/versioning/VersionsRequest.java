package io.cairn.proxy.versioning;

import io.cairn.common.time.Timestamp;
import io.cairn.proxy.swift.QueryParams;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET <container>?versions} (Swift's {@code _list_versions}): JSON only; {@code marker} and {@code
 * version_marker} become a position in the versions container, whose listing is merged with the container's.
 *
 * <p>Confined to the exchange's event loop.
 */
final class VersionsRequest {
    private final AfterBody op;
    private final SwiftApp next;
    private final Map<String, String> params;
    private final String location;
    private final FullHttpResponse primary;
    private final List<Map<String, Object>> listing;

    VersionsRequest(
            AfterBody op,
            SwiftApp next,
            Map<String, String> params,
            String location,
            FullHttpResponse primary,
            List<Map<String, Object>> listing) {
        this.op = op;
        this.next = next;
        this.params = new LinkedHashMap<>(params);
        this.location = location;
        this.primary = primary;
        this.listing = listing;
    }

    void run() {
        FullHttpResponse bad = checkParams();
        if (bad != null) {
            primary.release();
            op.reply(bad);
            return;
        }
        VersionsListing.Primary split = VersionsListing.primary(listing);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("format", "json");
        if (params.containsKey("prefix")) {
            q.put("prefix", VersionNames.RESERVED + params.get("prefix"));
        }
        for (String k : new String[] {"marker", "limit", "delimiter", "reverse"}) {
            String v = params.get(k);
            if (v != null && !v.isEmpty()) {
                q.put(k, v);
            }
        }
        SwiftPath p = op.exchange.path();
        SwiftPath vp = new SwiftPath(p.version(), p.account(), location, null, QueryParams.build(q));
        op.track(Calls.preAuthed(op.exchange, next, HttpMethod.GET, vp, new DefaultHttpHeaders(), null, r -> {
            int status = r.status().code();
            boolean reverse = Calls.isTrue(params.getOrDefault("reverse", "no"));
            int limit = limit();
            if (status == 404) {
                r.release();
                String body = VersionsListing.build(
                        reverse,
                        limit,
                        split.nulls(),
                        VersionsListing.subdirs(split.subdirs()),
                        VersionsListing.broken(split));
                op.reply(ContainerVersioning.withBody(primary, body));
                return;
            }
            if (!Calls.isSuccess(status)) {
                primary.release();
                op.reply(r);
                return;
            }
            List<Map<String, Object>> vl = VersionsListing.parse(r.content().toString(StandardCharsets.UTF_8));
            r.release();
            if (vl == null) {
                op.reply(primary);
                return;
            }
            List<Map<String, Object>> versions = VersionsListing.versions(vl, split, p.account(), location);
            String body = VersionsListing.build(
                    reverse, limit, split.nulls(), versions, VersionsListing.subdirs(split.subdirs()));
            op.reply(ContainerVersioning.withBody(primary, body));
        }));
    }

    /** The Accept and marker checks; the answer to give instead, or null. */
    private @Nullable FullHttpResponse checkParams() {
        if (!acceptsJson()) {
            return SwiftResponses.standard(406);
        }
        String vm = params.get("version_marker");
        if (vm != null) {
            if (!params.containsKey("marker")) {
                return Calls.html(400, "version_marker param requires marker");
            }
            if (!vm.equals("null")) {
                Timestamp ts = VersionNames.parseTimestamp(vm);
                if (ts == null || ts.offset() != 0) {
                    return Calls.html(400, "invalid version_marker param");
                }
                params.remove("version_marker");
                params.put("marker", VersionNames.versionObject(params.get("marker"), ts));
            }
        } else if (params.containsKey("marker")) {
            params.put("marker", VersionNames.versionPrefix(params.get("marker")) + ":");
        }
        String delim = params.getOrDefault("delimiter", "");
        for (int i = 0; i < delim.length(); i++) {
            char c = delim.charAt(i);
            if ("0123456789.".indexOf(c) >= 0 || c == '\u0000') {
                return Calls.html(400, "invalid delimiter param");
            }
        }
        return null;
    }

    /** {@code constrain_req_limit} (the listing below has refused a limit over the maximum already). */
    private int limit() {
        String l = params.get("limit");
        if (l != null && !l.isEmpty() && l.chars().allMatch(Character::isDigit)) {
            try {
                return Math.min(Integer.parseInt(l), VersionsListing.LISTING_LIMIT);
            } catch (NumberFormatException e) {
                return VersionsListing.LISTING_LIMIT;
            }
        }
        return VersionsListing.LISTING_LIMIT;
    }

    /**
     * {@code req.accept.best_match(['application/json'])} after {@code listing_formats} set {@code Accept} from a
     * {@code format} parameter.
     */
    private boolean acceptsJson() {
        String format = params.get("format");
        String accept;
        if (format != null && !format.isEmpty()) {
            String f = format.toLowerCase(Locale.ROOT);
            accept = f.equals("json") ? "application/json" : f.equals("xml") ? "application/xml" : "text/plain";
        } else {
            accept = op.exchange.headers().get("Accept", "");
        }
        if (accept.isBlank()) {
            return true;
        }
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            String type = pieces[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String s = pieces[i].strip();
                if (s.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(s.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0 && (type.equals("*/*") || type.equals("application/*") || type.equals("application/json"))) {
                return true;
            }
        }
        return false;
    }
}
