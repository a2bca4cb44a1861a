package io.cairn.compute.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cairn.api.*}: which of the identity and image APIs this process serves ({@code cairn identity-api} serves
 * only identity, {@code cairn image-api} only image; {@code cairn cloud} both). The compute API has its own switch,
 * {@code cairn.compute.enabled}. A process that does not serve an API still reads the shared database (an image API
 * validates tokens and checks revocation there).
 *
 * @param identity serve {@code /identity}
 * @param image serve {@code /image}
 */
@ConfigurationProperties("cairn.api")
public record ApiProperties(
        @DefaultValue("true") boolean identity,
        @DefaultValue("true") boolean image) {}
