package io.cairn.compute.identity;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.system.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The parts of a {@code POST /v3/auth/tokens} body this service reads, checked for shape: which methods, the
 * password or token they carry, and the requested scope.
 */
record AuthRequest(
        List<String> methods,
        @Nullable NameRef passwordUser,
        @Nullable String password,
        @Nullable String token,
        @Nullable ScopeRef scope) {

    /** An object named by {@code id}, or by {@code name} within a domain (itself by id or name). */
    record NameRef(
            @Nullable String id,
            @Nullable String name,
            @Nullable String domainId,
            @Nullable String domainName) {}

    /** A requested scope: a project or a domain. */
    record ScopeRef(TokenClaims.Kind kind, NameRef target) {}

    static AuthRequest parse(@Nullable JsonNode body) {
        JsonNode identity = path(body, "auth", "identity");
        if (identity == null || !identity.isObject()) {
            throw ApiException.badRequest("Expecting to find identity in auth.");
        }
        JsonNode methodsNode = identity.get("methods");
        if (methodsNode == null || !methodsNode.isArray() || methodsNode.isEmpty()) {
            throw ApiException.badRequest("Expecting to find methods in identity: a non-empty list.");
        }
        List<String> methods = new ArrayList<>();
        for (JsonNode m : methodsNode) {
            if (!m.isString()) {
                throw ApiException.badRequest("identity.methods holds strings.");
            }
            methods.add(m.asString());
        }
        NameRef user = null;
        String password = null;
        String token = null;
        for (String method : methods) {
            switch (method) {
                case "password" -> {
                    JsonNode u = path(identity, "password", "user");
                    if (u == null || !u.isObject()) {
                        throw ApiException.badRequest("Expecting to find user in password.");
                    }
                    user = nameRef(u, "password.user");
                    password = text(u, "password");
                    if (password == null) {
                        throw ApiException.badRequest("Expecting to find password in password.user.");
                    }
                }
                case "token" -> {
                    token = text(path(identity, "token"), "id");
                    if (token == null) {
                        throw ApiException.badRequest("Expecting to find id in token.");
                    }
                }
                default -> throw ApiException.unauthorized("Unsupported authentication method: " + method);
            }
        }
        return new AuthRequest(methods, user, password, token, scope(path(body, "auth", "scope")));
    }

    private static @Nullable ScopeRef scope(@Nullable JsonNode scope) {
        if (scope == null
                || scope.isNull()
                || (scope.isString() && scope.asString().equals("unscoped"))) {
            return null;
        }
        if (!scope.isObject()) {
            throw ApiException.badRequest("auth.scope must be an object.");
        }
        JsonNode project = scope.get("project");
        if (project != null) {
            return new ScopeRef(TokenClaims.Kind.PROJECT, nameRef(project, "scope.project"));
        }
        JsonNode domain = scope.get("domain");
        if (domain != null) {
            NameRef d = nameRef(domain, "scope.domain");
            return new ScopeRef(TokenClaims.Kind.DOMAIN, new NameRef(d.id(), d.name(), null, null));
        }
        if (scope.has("system")) {
            throw ApiException.badRequest("System scope is not supported here; scope to a project or domain.");
        }
        throw ApiException.badRequest("auth.scope names neither a project nor a domain.");
    }

    private static NameRef nameRef(JsonNode node, String where) {
        String id = text(node, "id");
        String name = text(node, "name");
        JsonNode domain = node.get("domain");
        String domainId = domain == null ? null : text(domain, "id");
        String domainName = domain == null ? null : text(domain, "name");
        if (id == null && name == null) {
            throw ApiException.badRequest(where + " needs an id or a name.");
        }
        return new NameRef(id, name, domainId, domainName);
    }

    private static @Nullable String text(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw ApiException.badRequest(field + " must be a string.");
        }
        return v.asString();
    }

    private static @Nullable JsonNode path(@Nullable JsonNode node, String... fields) {
        JsonNode n = node;
        for (String f : fields) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(f);
        }
        return n;
    }
}
