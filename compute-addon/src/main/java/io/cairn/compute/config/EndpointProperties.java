package io.cairn.compute.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cairn.endpoints.*}: the URLs clients are told (version documents, catalog, {@code Location}).
 *
 * @param publicUrl base URL of this API ({@code http://host:port}), under which {@code /identity} and {@code
 *     /image} live; empty: {@code http://127.0.0.1:<the port it bound>}
 */
@ConfigurationProperties("cairn.endpoints")
public record EndpointProperties(@Nullable String publicUrl) {}
