package io.cairn.bench.client;

import java.io.IOException;

/**
 * How the generator gets credentials for an endpoint: Swift tempauth ({@link TempAuthStrategy}), a preset storage URL
 * and token ({@link TokenAuthStrategy}) or, later, S3 access keys (whose {@link RequestSigner} computes SigV4 per
 * request). Implementations are thread-safe; {@link #authenticate} is called once per run, before the load starts.
 */
public interface AuthStrategy {
    /**
     * Logs in.
     *
     * @throws IOException when the endpoint cannot be reached or refuses the credentials (message says which)
     */
    AuthSession authenticate() throws IOException, InterruptedException;
}
