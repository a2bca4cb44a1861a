package io.cairn.proxy.pipeline;

import io.cairn.common.token.TokenClaims;
import io.cairn.common.token.TokenCodec;
import io.cairn.proxy.auth.AuthDecision;
import io.cairn.proxy.auth.AuthRequest;
import io.cairn.proxy.auth.AuthTokenConfig;
import io.cairn.proxy.auth.KeystoneAuthorizer;
import io.cairn.proxy.auth.KeystoneIdentity;
import io.cairn.proxy.auth.RevocationList;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import java.net.SocketAddress;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code authtoken} + {@code keystoneauth} pair over the identity service's signed tokens: a token is checked
 * locally with the shared signing key ({@link AuthTokenConfig}: signature and expiry, no call per request) and
 * authorized by {@link KeystoneAuthorizer} (keystoneauth's rules: operator roles own {@code AUTH_<project id>}).
 *
 * <p>With tempauth in the same pipeline ({@code fallback}), requests are routed by their token: one in the identity
 * service's format ({@link TokenCodec#PREFIX}) is keystoneauth's, any other token and anonymous requests are
 * tempauth's, and tempauth's token requests ({@code /auth/v1.0}) are answered by it. Swift itself would let the
 * filter that runs last decide for accounts both claim (tempauth takes over {@code AUTH_} accounts for any token not
 * its own); Cairn routes by token so that both kinds of user work on the same accounts ({@code cairn cloud}'s image
 * service writes through tempauth, OpenStack users through Keystone tokens).
 *
 * <p>Revocation: the deny list lives in the identity service's database; {@link RevocationList} polls it every
 * {@code revocation_cache_time} (with {@code auth_url} set in {@code [filter:authtoken]}) and a token whose audit id
 * it lists is invalid here. Without it, a revoked token stays valid on the Swift API until it expires (see
 * proxy/README.md).
 *
 * <p>Thread-safe (immutable; the revocation list is swapped whole by its poller).
 */
public final class KeystoneAccess implements AccessPolicy {
    private final AuthTokenConfig authToken;
    private final KeystoneAuthorizer authorizer;
    private final @Nullable AccessPolicy fallback;
    private final RevocationList revocations;
    private final Clock clock;

    /**
     * @param fallback the pipeline's tempauth, or null when keystoneauth is the only auth filter
     * @param revocations revoked tokens' audit ids (closed with this policy)
     */
    public KeystoneAccess(
            AuthTokenConfig authToken,
            KeystoneAuthorizer authorizer,
            @Nullable AccessPolicy fallback,
            RevocationList revocations,
            Clock clock) {
        this.revocations = revocations;
        this.authToken = authToken;
        this.authorizer = authorizer;
        this.fallback = fallback;
        this.clock = clock;
    }

    /** What the request's tokens are to keystoneauth. */
    private enum TokenKind {
        /** A valid identity token (and a valid or no service token). */
        VALID,
        /** An identity-format token that is forged, garbled or expired (or such a service token). */
        INVALID,
        /** No token, or another auth system's. */
        OTHER
    }

    private record Tokens(TokenKind kind, @Nullable KeystoneIdentity identity) {}

    private Tokens tokens(HttpHeaders h) {
        String token = h.get("X-Auth-Token");
        if (token == null) {
            token = h.get("X-Storage-Token");
        }
        if (token == null || !token.startsWith(TokenCodec.PREFIX)) {
            return new Tokens(TokenKind.OTHER, null);
        }
        TokenClaims user = valid(token);
        String serviceToken = h.get("X-Service-Token");
        TokenClaims service = serviceToken == null ? null : valid(serviceToken);
        if (user == null || (serviceToken != null && service == null)) {
            // authtoken marks the request X-Identity-Status (or X-Service-Identity-Status) Invalid: anonymous
            return new Tokens(TokenKind.INVALID, null);
        }
        return new Tokens(TokenKind.VALID, KeystoneIdentity.of(user, service));
    }

    private @Nullable TokenClaims valid(String token) {
        TokenClaims claims = authToken.codec().decode(token).orElse(null);
        if (claims == null || !clock.instant().isBefore(claims.expiresAt()) || revocations.isRevoked(claims)) {
            return null;
        }
        return claims;
    }

    @Override
    public @Nullable FullHttpResponse answerEarly(HttpRequest request, @Nullable SocketAddress local) {
        Tokens t = tokens(request.headers());
        if (t.kind() == TokenKind.VALID) {
            return null;
        }
        if (!authToken.delayAuthDecision()) {
            // authtoken without delay_auth_decision refuses any request it cannot confirm
            return SwiftResponses.standard(401);
        }
        if (t.kind() == TokenKind.OTHER && fallback != null) {
            return fallback.answerEarly(request, local);
        }
        return null;
    }

    @Override
    public Decision authorize(Request r) {
        Tokens t = tokens(r.headers());
        if (t.kind() == TokenKind.OTHER && fallback != null) {
            return fallback.authorize(r);
        }
        KeystoneIdentity identity = t.identity();
        AuthRequest request = AuthRequest.builder(r.method(), r.account())
                .container(r.container())
                .object(r.object())
                .referer(r.headers().get("Referer"))
                .containerAcls(r.readAcl(), r.writeAcl())
                .build();
        AuthDecision d = authorizer.authorize(identity, request, r.accountSysmeta());
        if (d.allowed()) {
            return Decision.allow(d.swiftOwner(), isReseller(identity));
        }
        return new Decision(d.outcome().status(), false, false, "");
    }

    @Override
    public void close() {
        revocations.close();
        if (fallback != null) {
            fallback.close();
        }
    }

    private boolean isReseller(@Nullable KeystoneIdentity identity) {
        return identity != null && identity.roles().contains(authorizer.config().resellerAdminRole());
    }

    @Override
    public @Nullable S3User s3User(String accessKey) {
        return fallback == null ? null : fallback.s3User(accessKey);
    }

    @Override
    public String authPrefix() {
        return fallback == null ? AccessPolicy.super.authPrefix() : fallback.authPrefix();
    }

    @Override
    public boolean isResellerRequest(HttpHeaders headers) {
        Tokens t = tokens(headers);
        if (t.kind() == TokenKind.OTHER && fallback != null) {
            return fallback.isResellerRequest(headers);
        }
        return isReseller(t.identity());
    }

    @Override
    public boolean isAuthenticated(HttpHeaders headers) {
        Tokens t = tokens(headers);
        if (t.kind() == TokenKind.OTHER && fallback != null) {
            return fallback.isAuthenticated(headers);
        }
        return t.identity() != null;
    }

    @Override
    public boolean allowsOverrides() {
        return authorizer.config().allowOverrides() && (fallback == null || fallback.allowsOverrides());
    }

    @Override
    public boolean isTempAuth() {
        return fallback != null && fallback.isTempAuth();
    }
}
