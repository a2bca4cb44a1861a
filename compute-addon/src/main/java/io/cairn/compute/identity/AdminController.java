package io.cairn.compute.identity;

import static io.cairn.compute.identity.AdminBodies.bool;
import static io.cairn.compute.identity.AdminBodies.name;
import static io.cairn.compute.identity.AdminBodies.orDefault;
import static io.cairn.compute.identity.AdminBodies.text;
import static io.cairn.compute.identity.AdminBodies.wrapped;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.identity.IdentityModel.Assignment;
import io.cairn.compute.identity.IdentityModel.Domain;
import io.cairn.compute.identity.IdentityModel.Project;
import io.cairn.compute.identity.IdentityModel.Role;
import io.cairn.compute.identity.IdentityModel.User;
import io.cairn.compute.system.ApiEndpoints;
import io.cairn.compute.system.ApiException;
import io.cairn.compute.system.Blocking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Admin CRUD (admin role required): domains, projects, users, roles, role assignments. */
@RestController
@RequestMapping("/identity/v3")
public class AdminController {
    private final IdentityRepository repo;
    private final PasswordHasher passwords;
    private final RequestAuthenticator auth;
    private final ApiEndpoints endpoints;
    private final TransactionTemplate tx;
    private final TokenService tokens;

    public AdminController(
            IdentityRepository repo,
            PasswordHasher passwords,
            RequestAuthenticator auth,
            ApiEndpoints endpoints,
            TransactionTemplate tx,
            TokenService tokens) {
        this.repo = repo;
        this.passwords = passwords;
        this.auth = auth;
        this.endpoints = endpoints;
        this.tx = tx;
        this.tokens = tokens;
    }

    private IdentityViews views() {
        return new IdentityViews(endpoints.identityUrl());
    }

    /** Runs {@code work} in a transaction off the loop, once the caller is known to be admin. */
    private <T> Mono<T> asAdmin(ServerHttpRequest request, Callable<T> work) {
        return auth.admin(request)
                .flatMap(c -> Blocking.call(() -> tx.execute(s -> {
                    try {
                        return work.call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })));
    }

    private static <T> ResponseEntity<T> created(T body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    private static ResponseEntity<Void> noContent() {
        return ResponseEntity.noContent().build();
    }

    // ---- domains

    @GetMapping("/domains")
    public Mono<Map<String, Object>> listDomains(ServerHttpRequest request, @RequestParam @Nullable String name) {
        return asAdmin(
                request,
                () -> views().list(
                                "domains",
                                repo.domains(name).stream().map(views()::domain).toList(),
                                "/domains"));
    }

    @GetMapping("/domains/{id}")
    public Mono<Map<String, Object>> getDomain(ServerHttpRequest request, @PathVariable String id) {
        return asAdmin(request, () -> Map.of("domain", views().domain(domain(id))));
    }

    @PostMapping("/domains")
    public Mono<ResponseEntity<Map<String, Object>>> createDomain(
            ServerHttpRequest request, @RequestBody @Nullable JsonNode body) {
        JsonNode d = wrapped(body, "domain");
        return asAdmin(request, () -> {
            String name = name(d, true, "");
            if (repo.domainByName(name).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store domain - Duplicate entry " + name);
            }
            Domain domain = new Domain(newId(), name, orDefault(text(d, "description"), ""), bool(d, "enabled", true));
            repo.insertDomain(domain);
            return created(Map.of("domain", views().domain(domain)));
        });
    }

    @PatchMapping("/domains/{id}")
    public Mono<Map<String, Object>> updateDomain(
            ServerHttpRequest request, @PathVariable String id, @RequestBody @Nullable JsonNode body) {
        JsonNode d = wrapped(body, "domain");
        return asAdmin(request, () -> {
            Domain old = domain(id);
            Domain updated = new Domain(
                    id,
                    name(d, false, old.name()),
                    orDefault(text(d, "description"), old.description()),
                    bool(d, "enabled", old.enabled()));
            repo.updateDomain(updated);
            return Map.of("domain", views().domain(updated));
        });
    }

    @DeleteMapping("/domains/{id}")
    public Mono<ResponseEntity<Void>> deleteDomain(ServerHttpRequest request, @PathVariable String id) {
        return asAdmin(request, () -> {
            Domain d = domain(id);
            if (d.enabled()) {
                throw ApiException.forbidden("Cannot delete a domain that is enabled, please disable it first.");
            }
            if (repo.countProjectsInDomain(id) > 0 || !repo.users(null, id).isEmpty()) {
                throw ApiException.forbidden("Cannot delete a domain that still has projects or users.");
            }
            repo.deleteDomain(id);
            return noContent();
        });
    }

    // ---- projects

    @GetMapping("/projects")
    public Mono<Map<String, Object>> listProjects(
            ServerHttpRequest request,
            @RequestParam @Nullable String name,
            @RequestParam(name = "domain_id", required = false) @Nullable String domainId) {
        return asAdmin(
                request,
                () -> views().list(
                                "projects",
                                repo.projects(name, domainId).stream()
                                        .map(views()::project)
                                        .toList(),
                                "/projects"));
    }

    @GetMapping("/projects/{id}")
    public Mono<Map<String, Object>> getProject(ServerHttpRequest request, @PathVariable String id) {
        return asAdmin(request, () -> Map.of("project", views().project(project(id))));
    }

    @PostMapping("/projects")
    public Mono<ResponseEntity<Map<String, Object>>> createProject(
            ServerHttpRequest request, @RequestBody @Nullable JsonNode body) {
        JsonNode p = wrapped(body, "project");
        return asAdmin(request, () -> {
            String domainId = orDefault(text(p, "domain_id"), IdentityModel.DEFAULT_DOMAIN_ID);
            domain(domainId);
            String name = name(p, true, "");
            if (repo.projectByName(domainId, name).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store project - Duplicate entry " + name);
            }
            Project project = new Project(
                    newId(), name, domainId, orDefault(text(p, "description"), ""), bool(p, "enabled", true));
            repo.insertProject(project);
            return created(Map.of("project", views().project(project)));
        });
    }

    @PatchMapping("/projects/{id}")
    public Mono<Map<String, Object>> updateProject(
            ServerHttpRequest request, @PathVariable String id, @RequestBody @Nullable JsonNode body) {
        JsonNode p = wrapped(body, "project");
        return asAdmin(request, () -> {
            Project old = project(id);
            String name = name(p, false, old.name());
            if (!name.equals(old.name())
                    && repo.projectByName(old.domainId(), name).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store project - Duplicate entry " + name);
            }
            Project updated = new Project(
                    id,
                    name,
                    old.domainId(),
                    orDefault(text(p, "description"), old.description()),
                    bool(p, "enabled", old.enabled()));
            repo.updateProject(updated);
            if (old.enabled() && !updated.enabled()) {
                tokens.revokeIssuedUntilNow(null, id);
            }
            return Map.of("project", views().project(updated));
        });
    }

    @DeleteMapping("/projects/{id}")
    public Mono<ResponseEntity<Void>> deleteProject(ServerHttpRequest request, @PathVariable String id) {
        return asAdmin(request, () -> {
            project(id);
            repo.deleteProject(id);
            tokens.revokeIssuedUntilNow(null, id);
            return noContent();
        });
    }

    // ---- users

    @GetMapping("/users")
    public Mono<Map<String, Object>> listUsers(
            ServerHttpRequest request,
            @RequestParam @Nullable String name,
            @RequestParam(name = "domain_id", required = false) @Nullable String domainId) {
        return asAdmin(
                request,
                () -> views().list(
                                "users",
                                repo.users(name, domainId).stream()
                                        .map(views()::user)
                                        .toList(),
                                "/users"));
    }

    @GetMapping("/users/{id}")
    public Mono<Map<String, Object>> getUser(ServerHttpRequest request, @PathVariable String id) {
        return asAdmin(request, () -> Map.of("user", views().user(user(id))));
    }

    @PostMapping("/users")
    public Mono<ResponseEntity<Map<String, Object>>> createUser(
            ServerHttpRequest request, @RequestBody @Nullable JsonNode body) {
        JsonNode u = wrapped(body, "user");
        return asAdmin(request, () -> {
            String domainId = orDefault(text(u, "domain_id"), IdentityModel.DEFAULT_DOMAIN_ID);
            domain(domainId);
            String name = name(u, true, "");
            if (repo.userByName(domainId, name).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store user - Duplicate entry " + name);
            }
            String defaultProject = text(u, "default_project_id");
            if (defaultProject != null) {
                project(defaultProject);
            }
            User user = new User(
                    newId(),
                    name,
                    domainId,
                    passwordHash(text(u, "password")),
                    bool(u, "enabled", true),
                    defaultProject,
                    orDefault(text(u, "description"), ""),
                    text(u, "email"));
            repo.insertUser(user);
            return created(Map.of("user", views().user(user)));
        });
    }

    @PatchMapping("/users/{id}")
    public Mono<Map<String, Object>> updateUser(
            ServerHttpRequest request, @PathVariable String id, @RequestBody @Nullable JsonNode body) {
        JsonNode u = wrapped(body, "user");
        return asAdmin(request, () -> {
            User old = user(id);
            String password = text(u, "password");
            User updated = new User(
                    id,
                    name(u, false, old.name()),
                    old.domainId(),
                    password == null ? old.passwordHash() : passwordHash(password),
                    bool(u, "enabled", old.enabled()),
                    u.has("default_project_id") ? text(u, "default_project_id") : old.defaultProjectId(),
                    orDefault(text(u, "description"), old.description()),
                    u.has("email") ? text(u, "email") : old.email());
            repo.updateUser(updated);
            if ((old.enabled() && !updated.enabled()) || password != null) {
                tokens.revokeIssuedUntilNow(id, null);
            }
            return Map.of("user", views().user(updated));
        });
    }

    @DeleteMapping("/users/{id}")
    public Mono<ResponseEntity<Void>> deleteUser(ServerHttpRequest request, @PathVariable String id) {
        return asAdmin(request, () -> {
            user(id);
            repo.deleteUser(id);
            tokens.revokeIssuedUntilNow(id, null);
            return noContent();
        });
    }

    private @Nullable String passwordHash(@Nullable String password) {
        if (password == null) {
            return null;
        }
        try {
            return passwords.hash(password);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid input for field 'password': " + e.getMessage());
        }
    }

    // ---- roles

    @GetMapping("/roles")
    public Mono<Map<String, Object>> listRoles(ServerHttpRequest request, @RequestParam @Nullable String name) {
        return asAdmin(
                request,
                () -> views().list(
                                "roles",
                                repo.roles(name).stream().map(views()::role).toList(),
                                "/roles"));
    }

    @GetMapping("/roles/{id}")
    public Mono<Map<String, Object>> getRole(ServerHttpRequest request, @PathVariable String id) {
        return asAdmin(request, () -> Map.of("role", views().role(role(id))));
    }

    @PostMapping("/roles")
    public Mono<ResponseEntity<Map<String, Object>>> createRole(
            ServerHttpRequest request, @RequestBody @Nullable JsonNode body) {
        JsonNode r = wrapped(body, "role");
        return asAdmin(request, () -> {
            String name = name(r, true, "");
            if (repo.roleByName(name).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store role - Duplicate entry " + name);
            }
            Role role = new Role(newId(), name);
            repo.insertRole(role);
            return created(Map.of("role", views().role(role)));
        });
    }

    @DeleteMapping("/roles/{id}")
    public Mono<ResponseEntity<Void>> deleteRole(ServerHttpRequest request, @PathVariable String id) {
        return asAdmin(request, () -> {
            role(id);
            repo.deleteRole(id);
            return noContent();
        });
    }

    // ---- role assignments

    @RequestMapping(
            value = "/{scope:projects|domains}/{scopeId}/users/{userId}/roles/{roleId}",
            method = {RequestMethod.PUT, RequestMethod.HEAD, RequestMethod.GET, RequestMethod.DELETE})
    public Mono<ResponseEntity<Void>> assignment(
            ServerHttpRequest request,
            @PathVariable String scope,
            @PathVariable String scopeId,
            @PathVariable String userId,
            @PathVariable String roleId) {
        String method = request.getMethod().name();
        return asAdmin(request, () -> {
            Assignment a = assignmentOf(scope, scopeId, userId, roleId);
            switch (method) {
                case "PUT" -> repo.assign(a);
                case "DELETE" -> {
                    if (repo.unassign(a) == 0) {
                        throw ApiException.notFound("Could not find role assignment.");
                    }
                    // tokens carry their roles: those issued with this one lose it only by revocation (a domain
                    // role's removal revokes the user's tokens on every scope: broader than Keystone's user+domain)
                    tokens.revokeIssuedUntilNow(userId, scope.equals("projects") ? scopeId : null);
                }
                default -> {
                    if (!repo.isAssigned(a)) {
                        throw ApiException.notFound("Could not find role assignment.");
                    }
                }
            }
            return noContent();
        });
    }

    @GetMapping("/{scope:projects|domains}/{scopeId}/users/{userId}/roles")
    public Mono<Map<String, Object>> rolesOfUser(
            ServerHttpRequest request,
            @PathVariable String scope,
            @PathVariable String scopeId,
            @PathVariable String userId) {
        TokenClaims.Kind kind = scope.equals("projects") ? TokenClaims.Kind.PROJECT : TokenClaims.Kind.DOMAIN;
        return asAdmin(
                request,
                () -> views().list(
                                "roles",
                                repo.rolesOn(userId, kind, scopeId).stream()
                                        .map(views()::role)
                                        .toList(),
                                "/" + scope + "/" + scopeId + "/users/" + userId + "/roles"));
    }

    @GetMapping("/role_assignments")
    public Mono<Map<String, Object>> listAssignments(
            ServerHttpRequest request,
            @RequestParam(name = "user.id", required = false) @Nullable String userId,
            @RequestParam(name = "scope.project.id", required = false) @Nullable String projectId,
            @RequestParam(name = "scope.domain.id", required = false) @Nullable String domainId,
            @RequestParam(name = "role.id", required = false) @Nullable String roleId) {
        String scopeId = projectId != null ? projectId : domainId;
        return asAdmin(request, () -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (Assignment a : repo.assignments(userId, scopeId, roleId)) {
                Map<String, Object> m = new LinkedHashMap<>();
                String key = a.scopeKind() == TokenClaims.Kind.PROJECT ? "project" : "domain";
                m.put("scope", Map.of(key, Map.of("id", a.scopeId())));
                m.put("role", Map.of("id", a.roleId()));
                m.put("user", Map.of("id", a.userId()));
                m.put(
                        "links",
                        Map.of(
                                "assignment",
                                endpoints.identityUrl() + "/v3/" + key + "s/" + a.scopeId() + "/users/" + a.userId()
                                        + "/roles/" + a.roleId()));
                items.add(m);
            }
            return views().list("role_assignments", items, "/role_assignments");
        });
    }

    private Assignment assignmentOf(String scope, String scopeId, String userId, String roleId) {
        TokenClaims.Kind kind;
        if (scope.equals("projects")) {
            project(scopeId);
            kind = TokenClaims.Kind.PROJECT;
        } else {
            domain(scopeId);
            kind = TokenClaims.Kind.DOMAIN;
        }
        user(userId);
        role(roleId);
        return new Assignment(userId, roleId, kind, scopeId);
    }

    private Domain domain(String id) {
        return repo.domain(id).orElseThrow(() -> ApiException.notFound("Could not find domain: " + id + "."));
    }

    private Project project(String id) {
        return repo.project(id).orElseThrow(() -> ApiException.notFound("Could not find project: " + id + "."));
    }

    private User user(String id) {
        return repo.user(id).orElseThrow(() -> ApiException.notFound("Could not find user: " + id + "."));
    }

    private Role role(String id) {
        return repo.role(id).orElseThrow(() -> ApiException.notFound("Could not find role: " + id + "."));
    }

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
