package io.cairn.proxy.auth;

import io.cairn.common.codec.Json;
import io.cairn.common.concurrent.NamedThreadFactory;
import io.cairn.common.token.TokenClaims;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The identity service's token deny list as the proxy knows it: the audit ids of revoked tokens and the events that
 * revoke every token of a user, a project or a user on a project issued until a time, fetched every
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
    private volatile Revoked revoked = Revoked.NOTHING;
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

    /**
     * Whether the token was revoked as of the last successful fetch: by its audit id, or by an event covering its
     * user, its project or both that was recorded at or after the token was issued (a user disabled, deleted or given
     * a new password, a project disabled or deleted, a role assignment removed).
     */
    public boolean isRevoked(TokenClaims token) {
        return revoked.covers(token);
    }

    /**
     * An event revoking every token of {@code userId} (any project when {@code projectId} is null) or of {@code
     * projectId} (any user when {@code userId} is null) issued at or before {@code issuedBefore}.
     */
    record Event(@Nullable String userId, @Nullable String projectId, Instant issuedBefore) {
        boolean covers(TokenClaims t) {
            return (userId == null || userId.equals(t.userId()))
                    && (projectId == null || projectId.equals(t.projectId()))
                    && !t.issuedAt().isAfter(issuedBefore);
        }
    }

    /** One fetch's deny list: revoked tokens' audit ids and the wider events. Immutable. */
    record Revoked(Set<String> auditIds, List<Event> events) {
        static final Revoked NOTHING = new Revoked(Set.of(), List.of());

        Revoked {
            auditIds = Set.copyOf(auditIds);
            events = List.copyOf(events);
        }

        boolean covers(TokenClaims token) {
            if (auditIds.contains(token.auditId())) {
                return true;
            }
            for (Event e : events) {
                if (e.covers(token)) {
                    return true;
                }
            }
            return false;
        }
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
            revoked = parse(r.body());
            lastFetch = clock.instant();
            if (failing) {
                LOG.log(Level.INFO, "authtoken: revocation events fetched again from {0}", s.authUrl());
                failing = false;
            }
        } catch (IOException | RuntimeException | Json.JsonException e) {
            if (!failing) {
                LOG.log(
                        Level.WARNING,
                        "authtoken: cannot fetch revocation events from {0} ({1}); the last list ({2} events) stays"
                                + " in force",
                        s.authUrl(),
                        String.valueOf(e),
                        revoked.auditIds().size() + revoked.events().size());
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

    /**
     * {@code {"events": [...]}}: events with an {@code audit_id} revoke that token; events with a {@code user_id}
     * and/or {@code project_id} and an {@code issued_before} revoke every token they cover. Other events (Keystone
     * also has role, domain and trust events, which Cairn's identity service does not write) are ignored.
     */
    static Revoked parse(String body) throws Json.JsonException {
        Set<String> ids = new HashSet<>();
        List<Event> wider = new ArrayList<>();
        if (!(Json.parse(body) instanceof Map<?, ?> doc) || !(doc.get("events") instanceof List<?> events)) {
            throw new Json.JsonException("no \"events\" list in the revocation events");
        }
        for (Object e : events) {
            if (!(e instanceof Map<?, ?> event)) {
                continue;
            }
            if (event.get("audit_id") instanceof String id) {
                ids.add(id);
                continue;
            }
            String user = event.get("user_id") instanceof String u ? u : null;
            String project = event.get("project_id") instanceof String p ? p : null;
            if ((user != null || project != null) && event.get("issued_before") instanceof String before) {
                try {
                    wider.add(new Event(user, project, Instant.parse(before)));
                } catch (DateTimeParseException bad) {
                    throw new Json.JsonException("revocation event with issued_before " + before + ": " + bad);
                }
            }
        }
        return new Revoked(ids, wider);
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
