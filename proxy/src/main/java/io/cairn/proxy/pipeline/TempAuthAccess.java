package io.cairn.proxy.pipeline;

import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.auth.AuthDecision;
import io.cairn.proxy.auth.AuthRequest;
import io.cairn.proxy.auth.Authentication;
import io.cairn.proxy.auth.Identity;
import io.cairn.proxy.auth.TempAuth;
import io.cairn.proxy.auth.TokenResponse;
import io.cairn.proxy.swift.SwiftResponses;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Adapts tempauth ({@link TempAuth}, pure logic in {@code io.cairn.proxy.auth}) to the proxy: token
 * requests under {@code auth_prefix} are answered here, a request carrying an invalid token of ours gets
 * 401 with {@code Www-Authenticate} before any backend request, and each operation's authorization is
 * {@link TempAuth#authorize} with the request's identities and the cached ACLs.
 *
 * <p>Thread-safe (immutable).
 */
public final class TempAuthAccess implements AccessPolicy {
    private final TempAuth tempAuth;
    private final Clock clock;

    public TempAuthAccess(TempAuth tempAuth, Clock clock) {
        this.tempAuth = tempAuth;
        this.clock = clock;
    }

    @Override
    public @Nullable FullHttpResponse answerEarly(HttpRequest request, @Nullable SocketAddress local) {
        String uri = request.uri();
        int q = uri.indexOf('?');
        // as WSGI's PATH_INFO: percent-unquoted, a '+' kept (it means a space in form fields only)
        String path = PercentCoding.unquote(q < 0 ? uri : uri.substring(0, q));
        HttpHeaders h = request.headers();
        if (tempAuth.isAuthPath(path)) {
            String localHostPort = local instanceof InetSocketAddress isa
                    ? isa.getHostString() + ":" + isa.getPort()
                    : "localhost:8080";
            String hostUrl = TempAuth.hostUrl("http", h.get("Host"), localHostPort);
            TokenResponse t = tempAuth.getToken(request.method().name(), path, h::get, hostUrl, clock.instant());
            FullHttpResponse r =
                    t.status() == 200 ? SwiftResponses.withPlain(200, "") : SwiftResponses.standard(t.status());
            for (Map.Entry<String, String> e : t.headers().entrySet()) {
                r.headers().set(e.getKey(), e.getValue());
            }
            return r;
        }
        Authentication auth = authenticate(h);
        if (auth.status() == Authentication.Status.REJECTED) {
            // Www-Authenticate is added on the way out (ResponseHeadersHandler), as swob adds it to any 401
            return SwiftResponses.standard(401);
        }
        return null;
    }

    private Authentication authenticate(HttpHeaders h) {
        String token = h.get("X-Auth-Token");
        if (token == null) {
            token = h.get("X-Storage-Token");
        }
        return tempAuth.authenticate(token, h.get("X-Service-Token"), clock.instant());
    }

    @Override
    public Decision authorize(Request r) {
        HttpHeaders h = r.headers();
        Authentication auth = authenticate(h);
        AuthRequest request = AuthRequest.builder(r.method(), r.account())
                .container(r.container())
                .object(r.object())
                .referer(h.get("Referer"))
                .identity(auth.identity(), auth.service())
                .containerAcls(r.readAcl(), r.writeAcl())
                .storedAccountAcl(r.storedAccountAcl())
                .requestAccountAcl(h.get("X-Account-Access-Control"))
                .build();
        AuthDecision d = tempAuth.authorize(request);
        if (d.allowed()) {
            Identity identity = auth.identity();
            boolean reseller = identity != null && identity.groups().contains(".reseller_admin");
            return Decision.allow(d.swiftOwner(), reseller);
        }
        String body = d.body();
        return new Decision(d.outcome().status(), false, false, body == null ? "" : body);
    }

    @Override
    public @Nullable S3User s3User(String accessKey) {
        TempAuth.S3Principal p = tempAuth.s3Principal(accessKey, clock.instant());
        return p == null ? null : new S3User(p.secret(), p.accountId(), p.token());
    }

    @Override
    public String authPrefix() {
        return tempAuth.config().authPrefix();
    }

    @Override
    public boolean isAuthenticated(HttpHeaders headers) {
        return authenticate(headers).identity() != null;
    }

    @Override
    public boolean isResellerRequest(HttpHeaders headers) {
        Identity identity = authenticate(headers).identity();
        return identity != null && identity.groups().contains(".reseller_admin");
    }

    @Override
    public boolean allowsOverrides() {
        return tempAuth.config().allowOverrides();
    }

    @Override
    public boolean isTempAuth() {
        return true;
    }
}
