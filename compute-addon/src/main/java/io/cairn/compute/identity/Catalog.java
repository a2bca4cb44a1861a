package io.cairn.compute.identity;

import io.cairn.compute.config.ComputeProperties;
import io.cairn.compute.config.EndpointProperties;
import io.cairn.compute.config.IdentityProperties;
import io.cairn.compute.system.ApiEndpoints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The service catalog: identity, image, compute and object-store (the Cairn proxy, account {@code AUTH_<project id>}).
 * Endpoint ids are stable name-based UUIDs so clients caching them see the same ids across restarts.
 */
@Component
public class Catalog {
    private final ApiEndpoints endpoints;
    private final String region;
    private final boolean compute;

    /**
     * Compute is listed when this process serves it ({@code cairn.compute.enabled}) or another does ({@code
     * cairn.endpoints.compute-public-url}: a {@code cairn identity-api} next to {@code cairn compute-api}s).
     */
    public Catalog(
            ApiEndpoints endpoints,
            IdentityProperties properties,
            ComputeProperties compute,
            EndpointProperties configured) {
        this.endpoints = endpoints;
        this.region = properties.region();
        String computeUrl = configured.computePublicUrl();
        this.compute = compute.enabled() || (computeUrl != null && !computeUrl.isBlank());
    }

    /** Catalog entries for a token scoped to {@code projectId} (null: unscoped or domain-scoped). */
    public List<Map<String, Object>> entries(@Nullable String projectId) {
        List<Map<String, Object>> services = new ArrayList<>();
        services.add(service("identity", "keystone", endpoints.identityUrl()));
        services.add(service("image", "glance", endpoints.imageUrl()));
        if (compute) {
            services.add(service("compute", "nova", endpoints.computeUrl()));
        }
        String objectStore = projectId == null ? null : endpoints.objectStoreUrl("AUTH_" + projectId);
        if (objectStore != null) {
            services.add(service("object-store", "swift", objectStore));
        }
        return services;
    }

    private Map<String, Object> service(String type, String name, String url) {
        List<Map<String, Object>> eps = new ArrayList<>();
        for (String iface : List.of("public", "internal", "admin")) {
            Map<String, Object> ep = new LinkedHashMap<>();
            ep.put("id", stableId(type + "/" + iface + "/" + url));
            ep.put("interface", iface);
            ep.put("region", region);
            ep.put("region_id", region);
            ep.put("url", url);
            eps.add(ep);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", stableId("service/" + type));
        s.put("type", type);
        s.put("name", name);
        s.put("endpoints", eps);
        return s;
    }

    private static String stableId(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
    }
}
