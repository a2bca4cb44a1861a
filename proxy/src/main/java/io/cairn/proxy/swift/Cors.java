package io.cairn.proxy.swift;

import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.server.ProxyConfig;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Swift's CORS rules for container and object requests: {@code is_origin_allowed} (shared with the OPTIONS
 * preflight) and {@code cors_validation}, which decorates the answer to an actual request that carries an
 * {@code Origin} with {@code Access-Control-Allow-Origin} and {@code -Expose-Headers}, judged by the
 * container's CORS metadata as it was before the request.
 *
 * <p>Thread-safety: stateless.
 */
final class Cors {
    /** The simple response headers and Swift's own that every CORS answer exposes. */
    private static final List<String> EXPOSED = List.of(
            "cache-control",
            "content-language",
            "content-type",
            "expires",
            "last-modified",
            "pragma",
            "etag",
            "x-timestamp",
            "x-trans-id",
            "x-openstack-request-id");

    private Cors() {}

    /** Swift's {@code is_origin_allowed}: proxy-wide origins, or the container's space-separated list. */
    static boolean originAllowed(ProxyConfig config, @Nullable ContainerInfo info, String origin) {
        if (config.corsAllowOrigin().contains(origin)
                || config.corsAllowOrigin().contains("*")) {
            return true;
        }
        String own = info == null ? null : info.corsAllowOrigin();
        if (own == null) {
            return false;
        }
        for (String o : own.trim().split("\\s+")) {
            if (o.equals("*") || o.equals(origin)) {
                return true;
            }
        }
        return false;
    }

    private static String exposed(ProxyConfig config, @Nullable ContainerInfo info, HttpHeaders response) {
        TreeSet<String> expose = new TreeSet<>(EXPOSED);
        for (String h : config.corsExposeHeaders()) {
            expose.add(h.toLowerCase(Locale.ROOT));
        }
        for (Map.Entry<String, String> e : response) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.startsWith("x-container-meta") || k.startsWith("x-object-meta")) {
                expose.add(k);
            }
        }
        String own = info == null ? null : info.corsExposeHeaders();
        if (own != null) {
            for (String h : own.split(" ")) {
                if (!h.trim().isEmpty()) {
                    expose.add(h.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return String.join(", ", expose);
    }

    /**
     * {@code cors_validation} on an answer: in {@code strict_cors_mode} only for an allowed origin; the
     * expose list is sorted (Swift's is a Python set, in no fixed order).
     */
    static void decorate(ProxyConfig config, @Nullable ContainerInfo info, String origin, HttpHeaders response) {
        if (config.strictCorsMode() && !originAllowed(config, info, origin)) {
            return;
        }
        if (!response.contains("Access-Control-Expose-Headers")) {
            response.set("Access-Control-Expose-Headers", exposed(config, info, response));
        }
        if (!response.contains("Access-Control-Allow-Origin")) {
            String allow = info == null ? null : info.corsAllowOrigin();
            if (allow != null && allow.trim().equals("*")) {
                response.set("Access-Control-Allow-Origin", "*");
            } else {
                response.set("Access-Control-Allow-Origin", origin);
                String vary = response.get("Vary");
                response.set("Vary", vary == null ? "Origin" : vary + ", Origin");
            }
        }
    }
}
