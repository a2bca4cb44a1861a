package io.cairn.common.token;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a token asserts, signed: who, for which scope, with which roles (so a service or the proxy authorizes without
 * a call), and when it stops counting. Names and domain ids are those at issue time; they are what Keystone's
 * {@code authtoken} middleware passes on as {@code X-User-Name}, {@code X-User-Domain-Id}, {@code X-Project-Name},
 * {@code X-Project-Domain-Id}, and what Swift's {@code keystoneauth} matches in ACLs.
 *
 * <p>Immutable.
 *
 * @param userId the authenticated user
 * @param userName its name
 * @param userDomainId the user's domain
 * @param scope the project or domain the token is scoped to; null for an unscoped token
 * @param roles role names on that scope at issue time
 * @param methods the auth methods that produced it ({@code password}, {@code token})
 * @param auditId the id revocation names (Keystone's {@code audit_ids[0]})
 */
public record TokenClaims(
        String userId,
        String userName,
        String userDomainId,
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

    /**
     * A project or domain scope.
     *
     * @param kind project or domain
     * @param id the project's or domain's id
     * @param name its name
     * @param domainId a project's domain; for a domain scope, the domain itself
     */
    public record Scope(Kind kind, String id, String name, String domainId) {}

    /** Scope kinds, as Keystone names them in {@code scope}. */
    public enum Kind {
        PROJECT,
        DOMAIN
    }

    /** The scoped project's id; null for a domain-scoped or unscoped token. */
    public @Nullable String projectId() {
        return scope != null && scope.kind() == Kind.PROJECT ? scope.id() : null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The same claims with another validity window (tests: an expired token). */
    public TokenClaims withValidity(Instant issued, Instant expires, String newAuditId) {
        return new TokenClaims(userId, userName, userDomainId, scope, roles, methods, issued, expires, newAuditId);
    }
}
