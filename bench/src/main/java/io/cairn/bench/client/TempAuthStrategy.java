package io.cairn.bench.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Swift tempauth (and Cairn's): {@code GET /auth/v1.0} with {@code X-Auth-User}/{@code X-Auth-Key} answers {@code
 * X-Storage-Url} and {@code X-Auth-Token}. Uses the JDK client once per run. Immutable and thread-safe.
 */
public final class TempAuthStrategy implements AuthStrategy {
    private final URI authUrl;
    private final String user;
    private final String key;

    public TempAuthStrategy(URI authUrl, String user, String key) {
        this.authUrl = authUrl;
        this.user = user;
        this.key = key;
    }

    @Override
    public AuthSession authenticate() throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(authUrl)
                .timeout(Duration.ofSeconds(30))
                .header("X-Auth-User", user)
                .header("X-Auth-Key", key)
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("tempauth login at " + authUrl + " as " + user + " answered " + response.statusCode()
                    + ": " + response.body().strip());
        }
        String storage = response.headers().firstValue("X-Storage-Url").orElse(null);
        String token = response.headers().firstValue("X-Auth-Token").orElse(null);
        if (storage == null || token == null) {
            throw new IOException("tempauth login at " + authUrl + " answered " + response.statusCode()
                    + " without X-Storage-Url or X-Auth-Token");
        }
        return new AuthSession(URI.create(storage), TokenAuthStrategy.tokenSigner(token));
    }
}
