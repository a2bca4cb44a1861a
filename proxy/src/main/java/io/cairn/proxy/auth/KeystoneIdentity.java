package io.cairn.proxy.auth;

import io.cairn.common.token.TokenClaims;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What keystoneauth's {@code _keystone_identity} reads from the headers Keystone's {@code authtoken} sets for a
 * confirmed v3 token ({@code X-User-Id}/{@code -Name}/{@code -Domain-Id}, {@code X-Project-Id}/{@code -Name}/{@code
 * -Domain-Id}, {@code X-Roles}, {@code X-Service-Roles}): here taken straight from the signed claims.
 *
 * <p>Immutable.
 *
 * @param projectId null for a domain-scoped or unscoped token (no {@code X-Project-Id})
 * @param roles the token's roles, lower-cased (keystoneauth compares them so)
 * @param serviceRoles the roles of a valid {@code X-Service-Token}, lower-cased; empty without one
 */
public record KeystoneIdentity(
        String userId,
        String userName,
        String userDomainId,
        @Nullable String projectId,
        @Nullable String projectName,
        @Nullable String projectDomainId,
        List<String> roles,
        List<String> serviceRoles) {

    public KeystoneIdentity {
        roles = List.copyOf(roles);
        serviceRoles = List.copyOf(serviceRoles);
    }

    /** The identity of {@code user}'s claims, with the roles of {@code service}'s if given. */
    public static KeystoneIdentity of(TokenClaims user, @Nullable TokenClaims service) {
        TokenClaims.Scope scope = user.scope();
        TokenClaims.Scope project = scope != null && scope.kind() == TokenClaims.Kind.PROJECT ? scope : null;
        return new KeystoneIdentity(
                user.userId(),
                user.userName(),
                user.userDomainId(),
                project == null ? null : project.id(),
                project == null ? null : project.name(),
                project == null ? null : project.domainId(),
                lower(user.roles()),
                service == null ? List.of() : lower(service.roles()));
    }

    private static List<String> lower(List<String> roles) {
        List<String> out = new ArrayList<>(roles.size());
        for (String r : roles) {
            out.add(r.toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
