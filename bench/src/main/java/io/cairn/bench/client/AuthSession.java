package io.cairn.bench.client;

import java.net.URI;

/**
 * What a login yields: the storage URL ({@code http://host:port/v1/AUTH_test}) and the signer that adds credentials to
 * every request. Immutable.
 */
public record AuthSession(URI storageUrl, RequestSigner signer) {
    public AuthSession {
        if (!"http".equals(storageUrl.getScheme()) || storageUrl.getHost() == null) {
            throw new IllegalArgumentException("storage URL must be http://host:port/...: " + storageUrl);
        }
    }

    /** The port, defaulting to 80. */
    public int port() {
        return storageUrl.getPort() < 0 ? 80 : storageUrl.getPort();
    }

    /** The path without a trailing slash ({@code /v1/AUTH_test}). */
    public String basePath() {
        String p = storageUrl.getRawPath() == null ? "" : storageUrl.getRawPath();
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
