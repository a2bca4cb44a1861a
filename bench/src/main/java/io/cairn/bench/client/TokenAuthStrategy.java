package io.cairn.bench.client;

import io.netty.util.AsciiString;
import java.net.URI;

/** A storage URL and token given on the command line (no login). Immutable. */
public final class TokenAuthStrategy implements AuthStrategy {
    static final AsciiString X_AUTH_TOKEN = AsciiString.cached("x-auth-token");

    private final URI storageUrl;
    private final String token;

    public TokenAuthStrategy(URI storageUrl, String token) {
        this.storageUrl = storageUrl;
        this.token = token;
    }

    @Override
    public AuthSession authenticate() {
        return new AuthSession(storageUrl, tokenSigner(token));
    }

    /** A signer that sets {@code X-Auth-Token}. */
    static RequestSigner tokenSigner(String token) {
        AsciiString value = new AsciiString(token);
        return request -> request.headers().set(X_AUTH_TOKEN, value);
    }
}
