package io.cairn.compute.image;

import io.cairn.compute.config.StorageProperties;
import io.cairn.compute.identity.IdentityBootstrap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link ImageStore}: Swift over HTTP, into the configured account or {@code AUTH_<admin project id>}
 * (single-tenant, as {@code cairn cloud} runs it). Tests put an in-memory store in its place.
 */
@Configuration(proxyBeanMethods = false)
public class ImageStoreConfiguration {
    @Bean
    @ConditionalOnMissingBean(ImageStore.class)
    ImageStore swiftImageStore(StorageProperties storage, IdentityBootstrap identity, JsonMapper json) {
        String configured = storage.account();
        return new SwiftImageStore(
                storage,
                () -> configured == null || configured.isBlank() ? "AUTH_" + identity.adminProjectId() : configured,
                json);
    }
}
