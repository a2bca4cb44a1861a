package io.cairn.compute.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cairn.endpoints.*}: the URLs clients are told (version documents, catalog, {@code Location}).
 *
 * @param publicUrl base URL of this API ({@code http://host:port}), under which {@code /identity} and {@code
 *     /image} live; empty: {@code http://127.0.0.1:<the port it bound>}
 * @param identityPublicUrl base URL of the identity API when another process (a load balancer) serves it: the catalog
 *     and version documents name {@code <it>/identity}; empty: {@code publicUrl}
 * @param imagePublicUrl the same for the image API ({@code <it>/image})
 * @param computePublicUrl the same for the compute API ({@code <it>/compute})
 */
@ConfigurationProperties("cairn.endpoints")
public record EndpointProperties(
        @Nullable String publicUrl,
        @Nullable String identityPublicUrl,
        @Nullable String imagePublicUrl,
        @Nullable String computePublicUrl) {}
