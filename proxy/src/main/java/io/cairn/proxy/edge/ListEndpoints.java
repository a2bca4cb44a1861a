package io.cairn.proxy.edge;

import io.cairn.common.codec.Json;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.path.HashPath;
import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.swift.ProxyServices;
import io.cairn.proxy.swift.SwiftPath;
import io.cairn.proxy.swift.SwiftResponses;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code list_endpoints}: {@code GET <list_endpoints_path>[v1/|v2/]<account>[/<container>[/<object>]]}
 * answers the primary nodes' URLs for the account, container or object from the proxy's rings (an object's ring is
 * its container's storage policy's, from the container info cache); v2 answers {@code {"endpoints": [...],
 * "headers": {...}}} with the object's {@code X-Backend-Storage-Policy-Index}. Other methods: 405; a path without an
 * account or with an unknown version: 400 with Swift's text. Not advertised in {@code /info} (Swift does not).
 *
 * <p>Immutable.
 */
public final class ListEndpoints implements EdgeFilter {
    private static final Set<String> KNOWN = Set.of("use", "list_endpoints_path", "swift_dir");
    private static final Pattern FLOAT = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*");

    private final String endpointsPath;

    ListEndpoints(String endpointsPath) {
        this.endpointsPath = endpointsPath.endsWith("/") ? endpointsPath : endpointsPath + "/";
    }

    /** {@code [filter:list-endpoints]}: {@code list_endpoints_path} (default {@code /endpoints/}). */
    public static ListEndpoints from(ConfigSection section, List<String> warnings) {
        section.unknownKeys(KNOWN).forEach(k -> warnings.add("[" + section.name() + "] unknown key " + k));
        // swift_dir is accepted: the rings are the proxy's own
        return new ListEndpoints(section.getString("list_endpoints_path", "/endpoints/"));
    }

    /** The parsed request: response version, account and optional container and object (already unquoted). */
    record Target(
            double version,
            String account,
            @Nullable String container,
            @Nullable String object) {}

    @Override
    public @Nullable CompletableFuture<FullHttpResponse> answer(
            HttpRequest request, String path, ProxyServices services) {
        // Swift compares and splits swob's Request.path: the unquoted path quoted again
        String quoted = SwiftPath.quote(new String(path.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        if (!quoted.startsWith(endpointsPath)) {
            return null;
        }
        if (!request.method().equals(HttpMethod.GET)) {
            // swob writes its default error body only when the answer has a body (not to a HEAD)
            FullHttpResponse r = request.method().equals(HttpMethod.HEAD)
                    ? SwiftResponses.withText(405, "")
                    : SwiftResponses.standard(405);
            r.headers().set(HttpHeaderNames.ALLOW, "GET");
            return CompletableFuture.completedFuture(r);
        }
        Target t;
        try {
            t = parse(quoted);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(SwiftResponses.withText(400, String.valueOf(e.getMessage())));
        }
        if (t.object() == null) {
            Ring ring = t.container() == null
                    ? services.rings().account()
                    : services.rings().container();
            return CompletableFuture.completedFuture(respond(t, ring, null, services.hashPath()));
        }
        return services.infoCache()
                .container(t.account(), t.container() == null ? "" : t.container())
                .handle((info, failure) -> {
                    int policy = info == null ? 0 : info.storagePolicyIndex();
                    Ring ring = services.rings().object(policy);
                    return ring == null ? SwiftResponses.standard(500) : respond(t, ring, policy, services.hashPath());
                });
    }

    /** The 200 answer: {@code t}'s primary nodes in {@code ring} (an object's: its policy's), as Swift formats it. */
    static FullHttpResponse respond(Target t, Ring ring, @Nullable Integer policy, HashPath hashPath) {
        int partition = ring.partition(hashPath, t.account(), t.container(), t.object());
        String suffix = "/" + partition + "/" + SwiftPath.quote(t.account());
        if (t.container() != null) {
            suffix += "/" + SwiftPath.quote(t.container());
            if (t.object() != null) {
                suffix += "/" + SwiftPath.quote(t.object());
            }
        }
        List<Object> endpoints = new ArrayList<>();
        for (Device d : ring.primaries(partition)) {
            endpoints.add("http://" + d.ip() + ":" + d.port() + "/" + d.device() + suffix);
        }
        Object body = endpoints;
        if (t.version() == 2.0) {
            Map<String, Object> v2 = new LinkedHashMap<>();
            v2.put("endpoints", endpoints);
            v2.put("headers", policy == null ? Map.of() : Map.of("X-Backend-Storage-Policy-Index", policy.toString()));
            body = v2;
        }
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, SwiftResponses.status(200), Unpooled.wrappedBuffer(bytes));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return r;
    }

    /**
     * Swift's {@code _parse_path} of the (quoted) path: an optional {@code v1}/{@code v2} first, then
     * {@code split_path(rest, 1, 3, True)}.
     *
     * @throws IllegalArgumentException with Swift's message ({@code No account specified}, {@code Unsupported version
     *     'v3'})
     */
    Target parse(String path) {
        String clean = path.substring(endpointsPath.length() - 1);
        List<@Nullable String> first = splitPath(clean, 1, 2);
        if (first == null) {
            throw new IllegalArgumentException("No account specified");
        }
        String rawVersion = first.get(0);
        String rest = first.get(1);
        double version;
        String remainder;
        Double parsed = parseVersion(rawVersion);
        if (parsed == null) {
            if (rawVersion.startsWith("v") && !rawVersion.contains("_")) {
                throw new IllegalArgumentException("Unsupported version " + pythonRepr(rawVersion));
            }
            version = 1.0;
            remainder = clean;
        } else {
            version = parsed;
            remainder = rest == null || rest.isEmpty() ? "/" : "/" + rest;
        }
        List<@Nullable String> parts = splitPath(remainder, 1, 3);
        if (parts == null) {
            throw new IllegalArgumentException("No account specified");
        }
        String account = parts.get(0);
        return new Target(
                version,
                PercentCoding.unquote(account == null ? "" : account),
                unquote(parts.get(1)),
                unquote(parts.get(2)));
    }

    private static @Nullable String unquote(@Nullable String piece) {
        return piece == null ? null : PercentCoding.unquote(piece);
    }

    /** {@code float(raw.lstrip('v'))} when it is 1.0 or 2.0, else null. */
    private static @Nullable Double parseVersion(String raw) {
        int i = 0;
        while (i < raw.length() && raw.charAt(i) == 'v') {
            i++;
        }
        String number = raw.substring(i);
        if (!FLOAT.matcher(number).matches()) {
            return null;
        }
        double v = Double.parseDouble(number.strip());
        return v == 1.0 || v == 2.0 ? v : null;
    }

    /**
     * Swift's {@code split_path(path, minsegs, maxsegs, rest_with_last=True)}; null where Swift raises ValueError.
     * Missing segments are null; an empty last segment stays empty.
     */
    static @Nullable List<@Nullable String> splitPath(String path, int minsegs, int maxsegs) {
        String[] segs = path.split("/", maxsegs + 1);
        int count = segs.length;
        if (!segs[0].isEmpty() || count < minsegs + 1 || count > maxsegs + 1) {
            return null;
        }
        for (int i = 1; i < minsegs + 1; i++) {
            if (segs[i].isEmpty()) {
                return null;
            }
        }
        List<@Nullable String> out = new ArrayList<>(Arrays.asList(segs).subList(1, count));
        while (out.size() < maxsegs) {
            out.add(null);
        }
        return out;
    }

    /** Python's {@code repr()} of a str, as Swift's {@code %r} puts it in the message. */
    static String pythonRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == quote) {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(quote).toString();
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        // Swift's list_endpoints registers nothing
    }
}
