package io.cairn.proxy.info;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the proxy knows about a container from a backend HEAD (Swift's {@code headers_to_container_info},
 * reference §4.6): existence, ACLs, policy, CORS settings and metadata.
 *
 * <p>Immutable.
 *
 * @param status the HEAD's status (2xx: exists; 404: not; 0: the account does not exist)
 * @param storagePolicyIndex {@code X-Backend-Storage-Policy-Index} (0 when absent)
 * @param corsAllowOrigin {@code X-Container-Meta-Access-Control-Allow-Origin}
 * @param corsExposeHeaders {@code X-Container-Meta-Access-Control-Expose-Headers}
 * @param corsMaxAge {@code X-Container-Meta-Access-Control-Max-Age}
 */
public record ContainerInfo(
        int status,
        @Nullable String readAcl,
        @Nullable String writeAcl,
        @Nullable String syncKey,
        long objectCount,
        long bytes,
        int storagePolicyIndex,
        @Nullable String corsAllowOrigin,
        @Nullable String corsExposeHeaders,
        @Nullable String corsMaxAge,
        Map<String, String> meta,
        Map<String, String> sysmeta) {

    /** Copies the maps. */
    public ContainerInfo {
        meta = Map.copyOf(meta);
        sysmeta = Map.copyOf(sysmeta);
    }

    /** Whether the container exists (2xx). */
    public boolean exists() {
        return status >= 200 && status < 300;
    }

    /** A container of an account that does not exist: Swift's status 0. */
    public static ContainerInfo missingAccount() {
        return new ContainerInfo(0, null, null, null, 0, 0, 0, null, null, null, Map.of(), Map.of());
    }

    /** Builds the info from a HEAD's status and headers. */
    public static ContainerInfo fromHeaders(int status, HttpHeaders h) {
        int policy = 0;
        String p = h.get("X-Backend-Storage-Policy-Index");
        if (p != null) {
            try {
                policy = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                policy = 0;
            }
        }
        return new ContainerInfo(
                status,
                h.get("X-Container-Read"),
                h.get("X-Container-Write"),
                h.get("X-Container-Sync-Key"),
                AccountInfo.longHeader(h, "X-Container-Object-Count"),
                AccountInfo.longHeader(h, "X-Container-Bytes-Used"),
                policy,
                h.get("X-Container-Meta-Access-Control-Allow-Origin"),
                h.get("X-Container-Meta-Access-Control-Expose-Headers"),
                h.get("X-Container-Meta-Access-Control-Max-Age"),
                AccountInfo.prefixed(h, "x-container-meta-"),
                AccountInfo.prefixed(h, "x-container-sysmeta-"));
    }
}
