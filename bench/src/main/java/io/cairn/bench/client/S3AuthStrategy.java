package io.cairn.bench.client;

import java.net.URI;

/**
 * S3 access keys: no login (SigV4 needs none); the session's storage URL is the endpoint's origin ({@code
 * http://host:port/}, path-style buckets under it) and its signer a {@link SigV4Signer}. With tempauth behind s3api the
 * access key is {@code account:user} and the secret the user's key. Immutable and thread-safe.
 */
public final class S3AuthStrategy implements AuthStrategy {
    private final URI endpoint;
    private final String accessKey;
    private final String secret;
    private final String region;

    /**
     * @param endpoint any URL on the S3 endpoint; only its scheme, host and port are used
     * @param accessKey the access key ({@code test:tester})
     * @param secret the secret ({@code testing})
     * @param region the SigV4 scope's region ({@code us-east-1})
     */
    public S3AuthStrategy(URI endpoint, String accessKey, String secret, String region) {
        if (endpoint.getHost() == null) {
            throw new IllegalArgumentException("S3 endpoint must be http://host:port: " + endpoint);
        }
        this.endpoint = URI.create(endpoint.getScheme() + "://" + endpoint.getHost()
                + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort()) + "/");
        this.accessKey = accessKey;
        this.secret = secret;
        this.region = region;
    }

    @Override
    public AuthSession authenticate() {
        return new AuthSession(endpoint, new SigV4Signer(accessKey, secret, region, System::currentTimeMillis));
    }
}
