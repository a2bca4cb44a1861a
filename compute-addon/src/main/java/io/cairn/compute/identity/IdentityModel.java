package io.cairn.compute.identity;

import io.cairn.common.token.TokenClaims;
import org.jspecify.annotations.Nullable;

/** The identity rows, as records. */
public final class IdentityModel {
    private IdentityModel() {}

    /** The id of the domain every deployment has, as in Keystone. */
    public static final String DEFAULT_DOMAIN_ID = "default";

    public record Domain(String id, String name, String description, boolean enabled) {}

    public record Project(String id, String name, String domainId, String description, boolean enabled) {}

    public record User(
            String id,
            String name,
            String domainId,
            @Nullable String passwordHash,
            boolean enabled,
            @Nullable String defaultProjectId,
            String description,
            @Nullable String email) {}

    public record Role(String id, String name) {}

    /** One role of one user on one project or domain. */
    public record Assignment(String userId, String roleId, TokenClaims.Kind scopeKind, String scopeId) {}
}
