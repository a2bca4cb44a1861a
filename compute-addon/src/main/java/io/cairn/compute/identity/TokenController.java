package io.cairn.compute.identity;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.identity.IdentityModel.Domain;
import io.cairn.compute.identity.IdentityModel.Project;
import io.cairn.compute.identity.IdentityModel.Role;
import io.cairn.compute.identity.IdentityModel.User;
import io.cairn.compute.system.ApiEndpoints;
import io.cairn.compute.system.ApiException;
import io.cairn.compute.system.Blocking;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Version documents and {@code /v3/auth/*}: issue, validate, check, revoke; catalog; projects of a token. */
@RestController
@RequestMapping("/identity")
public class TokenController {
    static final String SUBJECT_TOKEN = "X-Subject-Token";
    /** Keystone's role for service users (the proxy's authtoken polling revocation events). */
    static final String SERVICE_ROLE = "service";

    private final TokenService tokens;
    private final IdentityRepository repo;
    private final Catalog catalog;
    private final RequestAuthenticator auth;
    private final ApiEndpoints endpoints;
    private final Clock clock;

    public TokenController(
            TokenService tokens,
            IdentityRepository repo,
            Catalog catalog,
            RequestAuthenticator auth,
            ApiEndpoints endpoints,
            Clock clock) {
        this.clock = clock;
        this.tokens = tokens;
        this.repo = repo;
        this.catalog = catalog;
        this.auth = auth;
        this.endpoints = endpoints;
    }

    @GetMapping({"", "/"})
    public ResponseEntity<Map<String, Object>> versions() {
        return ResponseEntity.status(HttpStatus.MULTIPLE_CHOICES)
                .body(Map.of("versions", Map.of("values", List.of(version()))));
    }

    @GetMapping({"/v3", "/v3/"})
    public Map<String, Object> v3() {
        return Map.of("version", version());
    }

    private Map<String, Object> version() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "v3.14");
        v.put("status", "stable");
        v.put("updated", "2020-04-07T00:00:00Z");
        v.put("links", List.of(Map.of("rel", "self", "href", endpoints.identityUrl() + "/v3/")));
        v.put(
                "media-types",
                List.of(Map.of("base", "application/json", "type", "application/vnd.openstack.identity-v3+json")));
        return v;
    }

    @PostMapping(value = "/v3/auth/tokens", consumes = MediaType.ALL_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> issue(@RequestBody(required = false) @Nullable JsonNode body) {
        AuthRequest request = AuthRequest.parse(body);
        return Blocking.call(() -> {
            TokenService.Issued issued = tokens.authenticate(request);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .header(SUBJECT_TOKEN, issued.token())
                    .body(tokenDocument(issued.claims(), issued.claims().roles()));
        });
    }

    @RequestMapping(
            value = "/v3/auth/tokens",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    public Mono<ResponseEntity<Map<String, Object>>> validate(ServerHttpRequest request) {
        String subject = request.getHeaders().getFirst(SUBJECT_TOKEN);
        boolean head = request.getMethod().name().equals("HEAD");
        return subjectOf(request, subject)
                .flatMap(c -> Blocking.call(() -> {
                    List<String> roles = c.scope() == null ? List.of() : tokens.roleNames(c.userId(), c.scope());
                    Map<String, Object> body = tokenDocument(c, roles);
                    ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(SUBJECT_TOKEN, String.valueOf(subject));
                    return head ? ok.<Map<String, Object>>build() : ok.body(body);
                }));
    }

    @DeleteMapping("/v3/auth/tokens")
    public Mono<ResponseEntity<Void>> revoke(ServerHttpRequest request) {
        String subject = request.getHeaders().getFirst(SUBJECT_TOKEN);
        return subjectOf(request, subject)
                .flatMap(c -> Blocking.call(() -> {
                    tokens.revoke(c);
                    return ResponseEntity.noContent().<Void>build();
                }));
    }

    /**
     * Keystone's {@code GET /v3/OS-REVOKE/events} (admin or {@code service} role, as Keystone's policy): the deny list,
     * one event per revoked token still unexpired — {@code audit_id}, and {@code expires_at} (Cairn's: when the
     * event can be forgotten) — then the events that revoke every token of a user, a project or a user on a project
     * issued until {@code issued_before} ({@code user_id}, {@code project_id}, {@code issued_before}, {@code
     * revoked_at}, {@code expires_at}). Proxies poll it ({@code [filter:authtoken]} {@code revocation_cache_time}) to refuse
     * revoked tokens they otherwise validate locally.
     */
    @GetMapping("/v3/OS-REVOKE/events")
    public Mono<Map<String, Object>> revocationEvents(ServerHttpRequest request) {
        return auth.authenticate(request).flatMap(caller -> {
            if (!caller.hasRole(RequestAuthenticator.ADMIN_ROLE) && !caller.hasRole(SERVICE_ROLE)) {
                return Mono.error(ApiException.forbidden(
                        "You are not authorized to perform the requested action: identity:list_revoke_events."));
            }
            return Blocking.call(() -> {
                List<Map<String, Object>> events = new ArrayList<>();
                for (IdentityRepository.RevokedToken r : repo.revokedTokens(clock.millis())) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("audit_id", r.auditId());
                    e.put(
                            "expires_at",
                            Instant.ofEpochMilli(r.expiresAtMillis()).toString());
                    events.add(e);
                }
                for (IdentityRepository.RevocationEvent r : repo.revocationEvents(clock.millis())) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    if (r.userId() != null) {
                        e.put("user_id", r.userId());
                    }
                    if (r.projectId() != null) {
                        e.put("project_id", r.projectId());
                    }
                    String at = Instant.ofEpochMilli(r.issuedBeforeMillis()).toString();
                    e.put("issued_before", at);
                    e.put("revoked_at", at);
                    e.put(
                            "expires_at",
                            Instant.ofEpochMilli(r.expiresAtMillis()).toString());
                    events.add(e);
                }
                return Map.<String, Object>of("events", events);
            });
        });
    }

    /** The subject token's claims, when the caller may see them: its own token, or the caller is admin. */
    private Mono<TokenClaims> subjectOf(ServerHttpRequest request, @Nullable String subject) {
        if (subject == null || subject.isEmpty()) {
            return Mono.error(ApiException.badRequest("X-Subject-Token is required."));
        }
        return auth.authenticate(request)
                .flatMap(caller -> Blocking.call(() -> {
                    TokenClaims c;
                    try {
                        c = tokens.validate(subject.strip());
                    } catch (ApiException invalid) {
                        throw ApiException.notFound("Could not find token: " + invalid.getMessage());
                    }
                    if (!caller.userId().equals(c.userId()) && !caller.hasRole(RequestAuthenticator.ADMIN_ROLE)) {
                        throw ApiException.forbidden("You are not authorized to validate another user's token.");
                    }
                    return c;
                }));
    }

    @GetMapping("/v3/auth/catalog")
    public Mono<Map<String, Object>> catalog(ServerHttpRequest request) {
        return auth.authenticate(request).map(c -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("catalog", catalog.entries(c.projectId()));
            body.put("links", Map.of("self", endpoints.identityUrl() + "/v3/auth/catalog"));
            return body;
        });
    }

    @GetMapping({"/v3/auth/projects", "/v3/users/{userId}/projects"})
    public Mono<Map<String, Object>> projects(ServerHttpRequest request) {
        IdentityViews views = new IdentityViews(endpoints.identityUrl());
        return auth.authenticate(request)
                .flatMap(c -> Blocking.call(() -> {
                    String path = request.getPath().value();
                    String userId = c.userId();
                    if (path.contains("/v3/users/")) {
                        userId = path.substring(path.indexOf("/v3/users/") + 10, path.lastIndexOf("/projects"));
                        if (!userId.equals(c.userId()) && !c.hasRole(RequestAuthenticator.ADMIN_ROLE)) {
                            throw ApiException.forbidden("You are not authorized to list another user's projects.");
                        }
                    }
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (Project p : repo.projectsOfUser(userId)) {
                        items.add(views.project(p));
                    }
                    return views.list("projects", items, path.substring(path.indexOf("/v3") + 3));
                }));
    }

    /** Keystone's token body: methods, user, scope, roles, catalog, times, audit ids. */
    Map<String, Object> tokenDocument(TokenClaims c, List<String> roleNames) {
        User user = repo.user(c.userId()).orElseThrow(() -> ApiException.notFound("Could not find user."));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("methods", c.methods());
        Map<String, Object> u = IdentityViews.ref(user.id(), user.name());
        u.put("domain", domainRef(user.domainId()));
        u.put("password_expires_at", null);
        t.put("user", u);
        t.put("audit_ids", List.of(c.auditId()));
        t.put("expires_at", IdentityViews.time(c.expiresAt()));
        t.put("issued_at", IdentityViews.time(c.issuedAt()));
        TokenClaims.Scope scope = c.scope();
        if (scope != null && scope.kind() == TokenClaims.Kind.PROJECT) {
            Project p = repo.project(scope.id()).orElseThrow(() -> ApiException.notFound("Could not find project."));
            Map<String, Object> pm = IdentityViews.ref(p.id(), p.name());
            pm.put("domain", domainRef(p.domainId()));
            t.put("project", pm);
            t.put("is_domain", false);
        } else if (scope != null) {
            t.put("domain", domainRef(scope.id()));
        }
        if (scope != null) {
            List<Map<String, Object>> roles = new ArrayList<>();
            for (String name : roleNames) {
                Role r = repo.roleByName(name).orElse(new Role(name, name));
                roles.add(IdentityViews.ref(r.id(), r.name()));
            }
            t.put("roles", roles);
            t.put("catalog", catalog.entries(c.projectId()));
        }
        return Map.of("token", t);
    }

    private Map<String, Object> domainRef(String domainId) {
        String name = repo.domain(domainId).map(Domain::name).orElse(domainId);
        return IdentityViews.ref(domainId, name);
    }
}
