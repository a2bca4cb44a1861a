package io.cairn.compute.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cairn.identity.*}: the Keystone subset's settings.
 *
 * @param signingKey base64 of the HMAC-SHA256 key that signs tokens (at least 32 bytes); every identity and image
 *     API process of one cloud shares it, so any of them validates a token without a call
 * @param tokenTtl how long an issued token stays valid
 * @param adminUser the bootstrap administrator, created in the Default domain on first start
 * @param adminPassword its password; a later start with another value resets it (as {@code keystone-manage
 *     bootstrap} does); empty: no bootstrap here (an image API process, whose identity API bootstraps the database)
 * @param adminProject the administrator's project (its Swift account holds the image container)
 * @param demoPassword when set, a {@code demo} user with role {@code member} on project {@code demo} is ensured
 * @param bcryptStrength log2 of bcrypt's work factor
 * @param region the region name written into the catalog
 */
@ConfigurationProperties("cairn.identity")
public record IdentityProperties(
        String signingKey,
        @DefaultValue("1h") Duration tokenTtl,
        @DefaultValue("admin") String adminUser,
        @Nullable String adminPassword,
        @DefaultValue("admin") String adminProject,
        @Nullable String demoPassword,
        @DefaultValue("10") int bcryptStrength,
        @DefaultValue("RegionOne") String region) {}
