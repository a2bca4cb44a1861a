package io.cairn.compute.compute.api;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.compute.Flavor;
import io.cairn.compute.compute.FlavorRepository;
import io.cairn.compute.identity.RequestAuthenticator;
import io.cairn.compute.system.ApiException;
import io.cairn.compute.system.Blocking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code /flavors}: list, detail, show (the 2.1 view: no {@code description} before 2.55, no {@code extra_specs}
 * before 2.61), admin create/delete, {@code os-extra_specs}, {@code os-flavor-access} and its action.
 */
@RestController
@RequestMapping("/compute/v2.1/flavors")
public class FlavorsController extends ListAndDetailController {
    private final FlavorRepository flavors;
    private final ServerViews views;
    private final RequestAuthenticator auth;

    public FlavorsController(FlavorRepository flavors, ServerViews views, RequestAuthenticator auth) {
        this.flavors = flavors;
        this.views = views;
        this.auth = auth;
    }

    private Map<String, Object> view(Flavor f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("name", f.name());
        m.put("ram", f.ram());
        m.put("vcpus", f.vcpus());
        m.put("disk", f.disk());
        m.put("OS-FLV-EXT-DATA:ephemeral", f.ephemeral());
        m.put("swap", f.swap() == 0 ? "" : f.swap());
        m.put("rxtx_factor", f.rxtxFactor());
        m.put("os-flavor-access:is_public", f.isPublic());
        m.put("OS-FLV-DISABLED:disabled", f.disabled());
        m.put("links", views.links("flavors", f.id()));
        return m;
    }

    /** Flavors the caller may list: public ones, and private ones shared with the project (admins: all). */
    private List<Flavor> visible(TokenClaims c, MultiValueMap<String, String> q) {
        boolean admin = c.hasRole("admin");
        String isPublic = q.getFirst("is_public");
        List<Flavor> out = new ArrayList<>();
        for (Flavor f : flavors.all()) {
            boolean show = admin ? publicFilter(isPublic, f) : f.isPublic() || flavors.canUse(f, c.projectId());
            if (show
                    && numberAtLeast(q.getFirst("minRam"), f.ram())
                    && numberAtLeast(q.getFirst("minDisk"), f.disk())) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean publicFilter(@Nullable String isPublic, Flavor f) {
        if (isPublic == null || isPublic.equalsIgnoreCase("none")) {
            return isPublic != null || f.isPublic();
        }
        return Boolean.parseBoolean(isPublic) == f.isPublic()
                || (!isPublic.equalsIgnoreCase("true") && !isPublic.equalsIgnoreCase("false"));
    }

    private static boolean numberAtLeast(@Nullable String min, int value) {
        if (min == null) {
            return true;
        }
        try {
            return value >= Integer.parseInt(min);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid min filter '" + min + "'");
        }
    }

    @Override
    Mono<Map<String, Object>> page(ServerWebExchange exchange, boolean detail) {
        var q = exchange.getRequest().getQueryParams();
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    List<Flavor> all = visible(c, q);
                    String marker = q.getFirst("marker");
                    int start = 0;
                    if (marker != null) {
                        start = -1;
                        for (int i = 0; i < all.size(); i++) {
                            if (all.get(i).id().equals(marker)) {
                                start = i + 1;
                            }
                        }
                        if (start < 0) {
                            throw ApiException.badRequest("marker [" + marker + "] not found");
                        }
                    }
                    int limit = q.getFirst("limit") == null ? 1000 : Math.min(1000, parseLimit(q.getFirst("limit")));
                    List<Object> out = new ArrayList<>();
                    for (Flavor f : all.subList(start, Math.min(all.size(), start + limit))) {
                        out.add(detail ? view(f) : brief(f));
                    }
                    return Map.of("flavors", out);
                }));
    }

    private static int parseLimit(@Nullable String l) {
        try {
            int n = Integer.parseInt(String.valueOf(l));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw Bodies.invalid("limit", l, "'" + l + "' does not match '^[0-9]*$'");
        }
    }

    private Map<String, Object> brief(Flavor f) {
        return Map.of("id", f.id(), "name", f.name(), "links", views.links("flavors", f.id()));
    }

    private Flavor find(TokenClaims c, String id) {
        return flavors.find(id)
                .filter(f -> c.hasRole("admin") || flavors.canUse(f, c.projectId()))
                .orElseThrow(() -> ApiException.notFound("Flavor " + id + " could not be found."));
    }

    @GetMapping("/{id}")
    public Mono<Map<String, Object>> show(ServerWebExchange exchange, @PathVariable String id) {
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> Map.of("flavor", view(find(c, id)))));
    }

    private static final Set<String> CREATE_FIELDS = Set.of(
            "name",
            "id",
            "ram",
            "vcpus",
            "disk",
            "OS-FLV-EXT-DATA:ephemeral",
            "swap",
            "rxtx_factor",
            "os-flavor-access:is_public");

    @PostMapping
    public Mono<Map<String, Object>> create(
            ServerWebExchange exchange, @RequestBody(required = false) @Nullable JsonNode body) {
        return auth.admin(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    JsonNode f = Bodies.object(body, "flavor");
                    Bodies.only(f, CREATE_FIELDS);
                    String name = Bodies.name(f, "name");
                    String id = Bodies.ref(f, "id", false);
                    if (id == null || id.equalsIgnoreCase("auto")) {
                        id = UUID.randomUUID().toString();
                    } else if (!id.matches("[a-zA-Z0-9_.\\- ]{1,255}")
                            || !id.strip().equals(id)) {
                        throw Bodies.invalid("id", id, "'" + id + "' does not match '^(?! )[a-zA-Z0-9. _-]+(?<! )$'");
                    }
                    JsonNode pub = f.get("os-flavor-access:is_public");
                    if (pub != null && !pub.isBoolean()) {
                        throw Bodies.invalid("os-flavor-access:is_public", pub, pub + " is not of type 'boolean'");
                    }
                    double rxtx = f.has("rxtx_factor") ? f.get("rxtx_factor").asDouble(1.0) : 1.0;
                    Flavor made = new Flavor(
                            id,
                            name,
                            Bodies.integer(f, "ram", -1, 1, Integer.MAX_VALUE),
                            Bodies.integer(f, "vcpus", -1, 1, Integer.MAX_VALUE),
                            Bodies.integer(f, "disk", -1, 0, Integer.MAX_VALUE),
                            Bodies.integer(f, "OS-FLV-EXT-DATA:ephemeral", 0, 0, Integer.MAX_VALUE),
                            f.has("swap") && f.get("swap").asString("").isEmpty()
                                    ? 0
                                    : Bodies.integer(f, "swap", 0, 0, Integer.MAX_VALUE),
                            rxtx,
                            pub == null || pub.asBoolean(),
                            false,
                            Map.of());
                    for (String required : List.of("ram", "vcpus", "disk")) {
                        if (!f.has(required)) {
                            throw Bodies.invalid(required, null, "'" + required + "' is a required property");
                        }
                    }
                    if (flavors.exists(id, name)) {
                        throw ApiException.conflict("Flavor with "
                                + (flavors.find(id).isPresent() ? "ID " + id : "name " + name) + " already exists.");
                    }
                    flavors.insert(made, System.currentTimeMillis());
                    return Map.of("flavor", view(made));
                }));
    }

    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(ServerWebExchange exchange, @PathVariable String id) {
        return auth.admin(exchange.getRequest())
                .flatMap(c -> Blocking.run(() -> {
                    if (!flavors.delete(id)) {
                        throw ApiException.notFound("Flavor " + id + " could not be found.");
                    }
                }))
                .thenReturn(ResponseEntity.accepted().build());
    }

    // ---- extra specs

    @GetMapping("/{id}/os-extra_specs")
    public Mono<Map<String, Object>> specs(ServerWebExchange exchange, @PathVariable String id) {
        return auth.authenticate(exchange.getRequest())
                .flatMap(c ->
                        Blocking.call(() -> Map.of("extra_specs", find(c, id).extraSpecs())));
    }

    @PostMapping("/{id}/os-extra_specs")
    public Mono<Map<String, Object>> addSpecs(
            ServerWebExchange exchange,
            @PathVariable String id,
            @RequestBody(required = false) @Nullable JsonNode body) {
        return auth.admin(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    find(c, id);
                    if (body == null || !body.isObject() || !body.has("extra_specs")) {
                        throw Bodies.invalid("extra_specs", null, "'extra_specs' is a required property");
                    }
                    Map<String, String> specs = Bodies.metadata(body, "extra_specs");
                    flavors.putSpecs(id, specs);
                    return Map.of("extra_specs", specs);
                }));
    }

    @GetMapping("/{id}/os-extra_specs/{key}")
    public Mono<Map<String, Object>> spec(
            ServerWebExchange exchange, @PathVariable String id, @PathVariable String key) {
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    String v = find(c, id).extraSpecs().get(key);
                    if (v == null) {
                        throw ApiException.notFound("Flavor " + id + " has no extra specs with key " + key + ".");
                    }
                    return Map.of(key, v);
                }));
    }

    @PutMapping("/{id}/os-extra_specs/{key}")
    public Mono<Map<String, Object>> putSpec(
            ServerWebExchange exchange,
            @PathVariable String id,
            @PathVariable String key,
            @RequestBody(required = false) @Nullable JsonNode body) {
        return auth.admin(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    find(c, id);
                    if (body == null || !body.isObject() || body.size() != 1 || !body.has(key)) {
                        throw ApiException.badRequest("Request body and URI mismatch");
                    }
                    Map<String, String> spec = Map.of(key, body.get(key).asString());
                    flavors.putSpecs(id, spec);
                    return Map.copyOf(spec);
                }));
    }

    @DeleteMapping("/{id}/os-extra_specs/{key}")
    public Mono<ResponseEntity<Void>> deleteSpec(
            ServerWebExchange exchange, @PathVariable String id, @PathVariable String key) {
        return auth.admin(exchange.getRequest())
                .flatMap(c -> Blocking.run(() -> {
                    find(c, id);
                    if (!flavors.deleteSpec(id, key)) {
                        throw ApiException.notFound("Flavor " + id + " has no extra specs with key " + key + ".");
                    }
                }))
                .thenReturn(ResponseEntity.accepted().build());
    }

    // ---- access

    @GetMapping("/{id}/os-flavor-access")
    public Mono<Map<String, Object>> access(ServerWebExchange exchange, @PathVariable String id) {
        return auth.admin(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    Flavor f = find(c, id);
                    if (f.isPublic()) {
                        throw ApiException.notFound("Access list not available for public flavors.");
                    }
                    return accessList(id);
                }));
    }

    private Map<String, Object> accessList(String id) {
        List<Object> out = new ArrayList<>();
        for (String p : flavors.projects(id)) {
            out.add(Map.of("flavor_id", id, "tenant_id", p));
        }
        return Map.of("flavor_access", out);
    }

    @PostMapping("/{id}/action")
    public Mono<Map<String, Object>> accessAction(
            ServerWebExchange exchange,
            @PathVariable String id,
            @RequestBody(required = false) @Nullable JsonNode body) {
        return auth.admin(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    Flavor f = find(c, id);
                    boolean add = body != null && body.has("addTenantAccess");
                    boolean remove = body != null && body.has("removeTenantAccess");
                    if (body == null || add == remove) {
                        throw ApiException.badRequest("Expected addTenantAccess or removeTenantAccess.");
                    }
                    String tenant = Bodies.string(
                            body.get(add ? "addTenantAccess" : "removeTenantAccess"), "tenant", 255, true);
                    if (f.isPublic()) {
                        throw ApiException.conflict("Can not add access to a public flavor.");
                    }
                    String t = String.valueOf(tenant);
                    if (add && !flavors.addProject(id, t)) {
                        throw ApiException.conflict("Flavor access already exists for flavor " + id + " and project "
                                + t + " combination.");
                    }
                    if (remove && !flavors.removeProject(id, t)) {
                        throw ApiException.notFound("Flavor access not found for " + id + " / " + t + " combination.");
                    }
                    return accessList(id);
                }));
    }
}
