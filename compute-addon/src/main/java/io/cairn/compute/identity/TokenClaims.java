package io.cairn.compute.identity;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a token asserts, signed: who, for which scope, with which roles (so a service — and later the proxy —
 * authorizes without a call), and when it stops counting.
 *
 * @param userId the authenticated user
 * @param scope the project or domain the token is scoped to; null for an unscoped token
 * @param roles role names on that scope at issue time
 * @param methods the auth methods that produced it ({@code password}, {@code token})
 * @param auditId the id revocation names (Keystone's {@code audit_ids[0]})
 */
public record TokenClaims(
        String userId,
        @Nullable Scope scope,
        List<String> roles,
        List<String> methods,
        Instant issuedAt,
        Instant expiresAt,
        String auditId) {

    public TokenClaims {
        roles = List.copyOf(roles);
        methods = List.copyOf(methods);
    }

    /** A project or domain scope. */
    public record Scope(Kind kind, String id) {}

    /** Scope kinds, as Keystone names them in {@code scope}. */
    public enum Kind {
        PROJECT,
        DOMAIN
    }

    public @Nullable String projectId() {
        return scope != null && scope.kind() == Kind.PROJECT ? scope.id() : null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
