package io.cairn.compute.identity;

import io.cairn.common.token.TokenClaims;
import io.cairn.common.token.TokenCodec;
import io.cairn.compute.config.IdentityProperties;
import io.cairn.compute.identity.IdentityModel.Domain;
import io.cairn.compute.identity.IdentityModel.Project;
import io.cairn.compute.identity.IdentityModel.Role;
import io.cairn.compute.identity.IdentityModel.User;
import io.cairn.compute.system.ApiException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Issues, validates and revokes tokens. Blocking (JDBC, bcrypt): callers run it off the event loop.
 *
 * <p>Every refused login answers the same 401 text whatever was wrong (unknown user, wrong password, disabled
 * user or domain), and costs the same bcrypt, so neither the message nor the time tells names apart.
 */
@Service
public class TokenService {
    static final String UNAUTHORIZED = "The request you have made requires authentication.";

    private final IdentityRepository repo;
    private final PasswordHasher passwords;
    private final TokenCodec codec;
    private final IdentityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenService(IdentityRepository repo, PasswordHasher passwords, IdentityProperties properties, Clock clock) {
        this.repo = repo;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
        this.codec = new TokenCodec(Base64.getDecoder().decode(properties.signingKey()));
    }

    /** An issued token: its string and what it asserts. */
    public record Issued(String token, TokenClaims claims) {}

    Issued authenticate(AuthRequest request) {
        Instant now = clock.instant();
        User user;
        Instant expires = now.plus(properties.tokenTtl());
        List<String> methods = new ArrayList<>();
        TokenClaims.@Nullable Scope scope;
        if (request.passwordUser() != null) {
            user = passwordUser(request.passwordUser(), Objects.requireNonNull(request.password()));
            methods.add("password");
            scope = resolveScope(request.scope(), user);
        } else {
            TokenClaims previous = validate(Objects.requireNonNull(request.token()));
            user = repo.user(previous.userId()).orElseThrow(() -> ApiException.unauthorized(UNAUTHORIZED));
            methods.addAll(previous.methods());
            // a token made from a token lives no longer than the one it came from
            expires = previous.expiresAt();
            scope = resolveScope(request.scope(), user);
        }
        if (!methods.contains("token") && request.token() != null) {
            methods.add("token");
        }
        List<String> roles = scope == null ? List.of() : roleNames(user.id(), scope);
        if (scope != null && roles.isEmpty()) {
            throw ApiException.unauthorized("User " + user.id() + " has no access to "
                    + IdentityRepository.scopeType(scope.kind()) + " " + scope.id() + ".");
        }
        byte[] auditBytes = new byte[16];
        random.nextBytes(auditBytes);
        String auditId = Base64.getUrlEncoder().withoutPadding().encodeToString(auditBytes);
        TokenClaims claims = new TokenClaims(
                user.id(),
                user.name(),
                user.domainId(),
                scope,
                roles,
                List.copyOf(new LinkedHashSet<>(methods)),
                now,
                expires,
                auditId);
        return new Issued(codec.encode(claims), claims);
    }

    /** The claims of a valid token: signed by our key, not expired, not revoked, its user still enabled. */
    public TokenClaims validate(String token) {
        TokenClaims claims = codec.decode(token).orElseThrow(() -> ApiException.unauthorized(UNAUTHORIZED));
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw ApiException.unauthorized("The token has expired.");
        }
        if (repo.isRevoked(claims.auditId())
                || repo.isRevokedByEvent(
                        claims.userId(), claims.projectId(), claims.issuedAt().toEpochMilli())) {
            throw ApiException.unauthorized("The token has been revoked.");
        }
        Optional<User> user = repo.user(claims.userId());
        if (user.isEmpty() || !user.get().enabled()) {
            throw ApiException.unauthorized(UNAUTHORIZED);
        }
        return claims;
    }

    /** Puts the token's audit id on the deny list until the token would have expired anyway. */
    public void revoke(TokenClaims claims) {
        repo.purgeRevoked(clock.instant().toEpochMilli());
        repo.revoke(claims.auditId(), claims.expiresAt().toEpochMilli());
    }

    /**
     * Revokes every token issued until now of {@code userId} (on any scope when {@code projectId} is null), or of
     * {@code projectId} (of any user when {@code userId} is null): Keystone's revocation events for a user disabled,
     * deleted or given a new password, a project disabled or deleted, a role assignment removed. The event lasts as
     * long as a token issued now would.
     */
    public void revokeIssuedUntilNow(@Nullable String userId, @Nullable String projectId) {
        if (userId == null && projectId == null) {
            throw new IllegalArgumentException("a revocation event names a user, a project or both");
        }
        long now = clock.instant().toEpochMilli();
        repo.purgeRevoked(now);
        repo.addRevocationEvent(new IdentityRepository.RevocationEvent(
                userId, projectId, now, now + properties.tokenTtl().toMillis()));
    }

    /** Current role names of the user on a scope (validation reports these, not the ones frozen in the token). */
    public List<String> roleNames(String userId, TokenClaims.Scope scope) {
        return repo.rolesOn(userId, scope.kind(), scope.id()).stream()
                .map(Role::name)
                .toList();
    }

    private User passwordUser(AuthRequest.NameRef ref, String password) {
        Optional<User> found = findUser(ref);
        User user = found.orElse(null);
        boolean ok = passwords.matches(password, user == null ? null : user.passwordHash());
        if (!ok || user == null || !user.enabled() || !domainEnabled(user.domainId())) {
            throw ApiException.unauthorized(UNAUTHORIZED);
        }
        return user;
    }

    private Optional<User> findUser(AuthRequest.NameRef ref) {
        if (ref.id() != null) {
            return repo.user(ref.id());
        }
        Optional<Domain> domain = findDomain(ref.domainId(), ref.domainName());
        return domain.flatMap(d -> repo.userByName(d.id(), Objects.requireNonNull(ref.name())));
    }

    private Optional<Domain> findDomain(@Nullable String id, @Nullable String name) {
        if (id != null) {
            return repo.domain(id);
        }
        if (name != null) {
            return repo.domainByName(name);
        }
        return Optional.empty();
    }

    private boolean domainEnabled(String domainId) {
        return repo.domain(domainId).map(Domain::enabled).orElse(false);
    }

    private TokenClaims.@Nullable Scope resolveScope(AuthRequest.@Nullable ScopeRef requested, User user) {
        if (requested == null) {
            String dflt = user.defaultProjectId();
            return dflt == null
                    ? null
                    : repo.project(dflt)
                            .filter(Project::enabled)
                            .map(TokenService::scopeOf)
                            .orElse(null);
        }
        AuthRequest.NameRef ref = requested.target();
        if (requested.kind() == TokenClaims.Kind.DOMAIN) {
            Domain d = findDomain(ref.id(), ref.name())
                    .filter(Domain::enabled)
                    .orElseThrow(() -> ApiException.unauthorized("Could not find the domain to scope to."));
            return new TokenClaims.Scope(TokenClaims.Kind.DOMAIN, d.id(), d.name(), d.id());
        }
        Optional<Project> project;
        if (ref.id() != null) {
            project = repo.project(ref.id());
        } else {
            project = findDomain(ref.domainId(), ref.domainName())
                    .flatMap(d -> repo.projectByName(d.id(), Objects.requireNonNull(ref.name())));
        }
        Project p = project.filter(Project::enabled)
                .orElseThrow(() -> ApiException.unauthorized("Could not find the project to scope to."));
        return scopeOf(p);
    }

    private static TokenClaims.Scope scopeOf(Project p) {
        return new TokenClaims.Scope(TokenClaims.Kind.PROJECT, p.id(), p.name(), p.domainId());
    }
}
