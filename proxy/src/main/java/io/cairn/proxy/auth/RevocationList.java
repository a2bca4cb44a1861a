package io.cairn.proxy.auth;

import io.cairn.common.codec.Json;
import io.cairn.common.concurrent.NamedThreadFactory;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The identity service's token deny list as the proxy knows it: the audit ids of revoked tokens, fetched every
 * {@code revocation_cache_time} from Keystone's {@code GET /v3/OS-REVOKE/events} with a token of the {@code
 * [filter:authtoken]} service user (keystonemiddleware's {@code auth_url}, {@code username}, {@code password},
 * {@code project_name}, domains). Tokens are still validated locally, with no call per request; only this poll
 * talks to the identity service, so a revoked token is refused on the Swift API within one period (plus the fetch).
 *
 * <p>When a fetch fails the last list stays in force (and the failure is logged): the identity service being down
 * must not stop storage, and a list only ever loses entries when their tokens expire. Without {@code auth_url}
 * ({@link #none}) nothing is polled and revoked tokens stay valid here until they expire.
 *
 * <p>Thread-safe: the list is swapped whole by the one polling thread and read by any event loop.
 */
public final class RevocationList implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RevocationList.class.getName());
    private static final Duration RELOGIN_BEFORE_EXPIRY = Duration.ofMinutes(5);

    /**
     * Where and as whom to poll.
     *
     * @param authUrl the identity service's v3 URL ({@code http://host:port/identity/v3})
     * @param period {@code revocation_cache_time}: the longest a revoked token is still accepted here, plus a fetch
     */
    public record Source(
            URI authUrl,
            String username,
            String password,
            String userDomainName,
            String projectName,
            String projectDomainName,
            Duration period) {}

    private final @Nullable Source source;
    private final @Nullable HttpClient http;
    private final @Nullable ScheduledExecutorService poller;
    private final Clock clock;
    private volatile Set<String> revoked = Set.of();
    private volatile @Nullable Instant lastFetch;
    private @Nullable String serviceToken;
    private Instant serviceTokenExpires = Instant.EPOCH;
    private boolean failing;

    private RevocationList(@Nullable Source source, Clock clock) {
        this.source = source;
        this.clock = clock;
        this.http = source == null
                ? null
                : HttpClient.newBuilder()
                        .connectTimeout(timeout(source))
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
        this.poller = source == null
                ? null
                : Executors.newSingleThreadScheduledExecutor(NamedThreadFactory.single("authtoken-revocations"));
    }

    /** Nothing revoked, nothing polled: revoked tokens are valid here until they expire. */
    public static RevocationList none() {
        return new RevocationList(null, Clock.systemUTC());
    }

    /** Polls {@code source} from now on, every {@code source.period()}, first at once; {@link #close} stops it. */
    public static RevocationList polling(Source source, Clock clock) {
        RevocationList list = new RevocationList(source, clock);
        ScheduledExecutorService p = list.poller;
        if (p != null) {
            p.scheduleWithFixedDelay(list::refresh, 0, source.period().toMillis(), TimeUnit.MILLISECONDS);
        }
        return list;
    }

    /** Whether a token with this audit id was revoked (as of the last successful fetch). */
    public boolean isRevoked(String auditId) {
        return revoked.contains(auditId);
    }

    /** When the list was last fetched, or null before the first success (status output, tests). */
    public @Nullable Instant lastFetch() {
        return lastFetch;
    }

    /** Whether a source is polled. */
    public boolean polls() {
        return source != null;
    }

    private static Duration timeout(Source s) {
        Duration tenSeconds = Duration.ofSeconds(10);
        return s.period().compareTo(tenSeconds) < 0 ? tenSeconds : s.period();
    }

    /** One poll: runs on the polling thread only. */
    private void refresh() {
        Source s = source;
        HttpClient h = http;
        if (s == null || h == null) {
            return;
        }
        try {
            String token = serviceToken(s, h);
            HttpResponse<String> r = h.send(
                    HttpRequest.newBuilder(URI.create(s.authUrl() + "/OS-REVOKE/events"))
                            .timeout(timeout(s))
                            .header("X-Auth-Token", token)
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 401) {
                serviceToken = null; // revoked or expired early: log in again next time
            }
            if (r.statusCode() != 200) {
                throw new IOException("GET " + s.authUrl() + "/OS-REVOKE/events answered " + r.statusCode());
            }
            revoked = auditIds(r.body());
            lastFetch = clock.instant();
            if (failing) {
                LOG.log(Level.INFO, "authtoken: revocation events fetched again from {0}", s.authUrl());
                failing = false;
            }
        } catch (IOException | RuntimeException | Json.JsonException e) {
            if (!failing) {
                LOG.log(
                        Level.WARNING,
                        "authtoken: cannot fetch revocation events from {0} ({1}); the last list ({2} tokens) stays"
                                + " in force",
                        s.authUrl(),
                        String.valueOf(e),
                        revoked.size());
                failing = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String serviceToken(Source s, HttpClient h) throws IOException, InterruptedException, Json.JsonException {
        String current = serviceToken;
        if (current != null && clock.instant().plus(RELOGIN_BEFORE_EXPIRY).isBefore(serviceTokenExpires)) {
            return current;
        }
        String body = Json.write(Map.of(
                "auth",
                Map.of(
                        "identity",
                        Map.of(
                                "methods",
                                List.of("password"),
                                "password",
                                Map.of(
                                        "user",
                                        Map.of(
                                                "name",
                                                s.username(),
                                                "domain",
                                                Map.of("name", s.userDomainName()),
                                                "password",
                                                s.password()))),
                        "scope",
                        Map.of(
                                "project",
                                Map.of("name", s.projectName(), "domain", Map.of("name", s.projectDomainName()))))));
        HttpResponse<String> r = h.send(
                HttpRequest.newBuilder(URI.create(s.authUrl() + "/auth/tokens"))
                        .timeout(timeout(s))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String token = r.headers().firstValue("X-Subject-Token").orElse(null);
        if (r.statusCode() != 201 || token == null) {
            throw new IOException("login as " + s.username() + " at " + s.authUrl() + " answered " + r.statusCode());
        }
        serviceToken = token;
        serviceTokenExpires = expiresAt(r.body());
        return token;
    }

    /** {@code token.expires_at} of a token body; if absent or unreadable, log in again on the next poll. */
    private Instant expiresAt(String body) throws Json.JsonException {
        if (Json.parse(body) instanceof Map<?, ?> doc
                && doc.get("token") instanceof Map<?, ?> token
                && token.get("expires_at") instanceof String at) {
            try {
                return Instant.parse(at);
            } catch (DateTimeParseException e) {
                return Instant.EPOCH;
            }
        }
        return Instant.EPOCH;
    }

    /** The {@code audit_id}s of {@code {"events": [{"audit_id": ...}, ...]}}. */
    static Set<String> auditIds(String body) throws Json.JsonException {
        Set<String> ids = new HashSet<>();
        if (!(Json.parse(body) instanceof Map<?, ?> doc) || !(doc.get("events") instanceof List<?> events)) {
            throw new Json.JsonException("no \"events\" list in the revocation events");
        }
        for (Object e : events) {
            if (e instanceof Map<?, ?> event && event.get("audit_id") instanceof String id) {
                ids.add(id);
            }
        }
        return Set.copyOf(ids);
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
