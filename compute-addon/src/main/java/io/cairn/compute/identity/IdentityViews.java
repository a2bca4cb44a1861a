package io.cairn.compute.identity;

import io.cairn.compute.identity.IdentityModel.Domain;
import io.cairn.compute.identity.IdentityModel.Project;
import io.cairn.compute.identity.IdentityModel.Role;
import io.cairn.compute.identity.IdentityModel.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON documents of Keystone v3 ({@code links.self} included, as clients and tempest read them). */
final class IdentityViews {
    private static final DateTimeFormatter KEYSTONE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final String v3;

    IdentityViews(String identityUrl) {
        this.v3 = identityUrl + "/v3";
    }

    static String time(Instant t) {
        return KEYSTONE_TIME.format(t);
    }

    Map<String, Object> domain(Domain d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.name());
        m.put("description", d.description());
        m.put("enabled", d.enabled());
        m.put("tags", List.of());
        m.put("options", Map.of());
        m.put("links", Map.of("self", v3 + "/domains/" + d.id()));
        return m;
    }

    Map<String, Object> project(Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("domain_id", p.domainId());
        m.put("description", p.description());
        m.put("enabled", p.enabled());
        m.put("parent_id", p.domainId());
        m.put("is_domain", false);
        m.put("tags", List.of());
        m.put("options", Map.of());
        m.put("links", Map.of("self", v3 + "/projects/" + p.id()));
        return m;
    }

    Map<String, Object> user(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("name", u.name());
        m.put("domain_id", u.domainId());
        m.put("enabled", u.enabled());
        m.put("description", u.description());
        if (u.email() != null) {
            m.put("email", u.email());
        }
        if (u.defaultProjectId() != null) {
            m.put("default_project_id", u.defaultProjectId());
        }
        m.put("password_expires_at", null);
        m.put("options", Map.of());
        m.put("links", Map.of("self", v3 + "/users/" + u.id()));
        return m;
    }

    Map<String, Object> role(Role r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("domain_id", null);
        m.put("description", null);
        m.put("options", Map.of());
        m.put("links", Map.of("self", v3 + "/roles/" + r.id()));
        return m;
    }

    Map<String, Object> list(String key, List<Map<String, Object>> items, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, items);
        Map<String, @Nullable Object> links = new LinkedHashMap<>();
        links.put("self", v3 + path);
        links.put("previous", null);
        links.put("next", null);
        m.put("links", links);
        return m;
    }

    static Map<String, Object> ref(String id, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        return m;
    }
}
