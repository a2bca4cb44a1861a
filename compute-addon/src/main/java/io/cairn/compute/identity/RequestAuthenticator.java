package io.cairn.compute.identity;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.system.ApiException;
import io.cairn.compute.system.Blocking;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Who sent a request: the claims of its {@code X-Auth-Token}, validated; 401 without a valid one. */
@Component
public class RequestAuthenticator {
    public static final String AUTH_TOKEN = "X-Auth-Token";
    /** The role that sees and manages everything, as Keystone's and Glance's default policies have it. */
    public static final String ADMIN_ROLE = "admin";

    private final TokenService tokens;

    public RequestAuthenticator(TokenService tokens) {
        this.tokens = tokens;
    }

    public Mono<TokenClaims> authenticate(ServerHttpRequest request) {
        String token = request.getHeaders().getFirst(AUTH_TOKEN);
        if (token == null || token.isEmpty()) {
            return Mono.error(ApiException.unauthorized(TokenService.UNAUTHORIZED));
        }
        return Blocking.call(() -> tokens.validate(token.strip()));
    }

    /** As {@link #authenticate}, and the token must carry the admin role (403 otherwise). */
    public Mono<TokenClaims> admin(ServerHttpRequest request) {
        return authenticate(request).map(claims -> {
            if (!claims.hasRole(ADMIN_ROLE)) {
                throw ApiException.forbidden("You are not authorized to perform the requested action: admin required.");
            }
            return claims;
        });
    }
}
