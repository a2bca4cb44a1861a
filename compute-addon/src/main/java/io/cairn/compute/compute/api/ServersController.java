package io.cairn.compute.compute.api;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.compute.Server;
import io.cairn.compute.compute.ServerRepository;
import io.cairn.compute.identity.RequestAuthenticator;
import io.cairn.compute.system.ApiEndpoints;
import io.cairn.compute.system.ApiException;
import io.cairn.compute.system.Blocking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** {@code /compute/v2.1/servers}: create, list, detail, show, update, delete. */
@RestController
@RequestMapping("/compute/v2.1/servers")
public class ServersController extends ListAndDetailController {
    private final ServerService service;
    private final ServerRepository servers;
    private final ServerViews views;
    private final RequestAuthenticator auth;
    private final ApiEndpoints endpoints;

    public ServersController(
            ServerService service,
            ServerRepository servers,
            ServerViews views,
            RequestAuthenticator auth,
            ApiEndpoints endpoints) {
        this.service = service;
        this.servers = servers;
        this.views = views;
        this.auth = auth;
        this.endpoints = endpoints;
    }

    static String token(ServerWebExchange exchange) {
        String t = exchange.getRequest().getHeaders().getFirst(RequestAuthenticator.AUTH_TOKEN);
        return t == null ? "" : t.strip();
    }

    static String requestId(ServerWebExchange exchange) {
        String id = exchange.getAttribute(NovaRequestFilter.REQUEST_ID);
        return id == null ? "req-unknown" : id;
    }

    @PostMapping
    public Mono<ResponseEntity<Map<String, Object>>> create(
            ServerWebExchange exchange, @RequestBody(required = false) @Nullable JsonNode body) {
        NovaVersion v = NovaVersion.of(exchange);
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    CreateRequest r = CreateRequest.parse(body, v);
                    ServerService.Created made = service.create(c, token(exchange), requestId(exchange), r);
                    if (r.returnReservationId()) {
                        return ResponseEntity.accepted()
                                .body(Map.<String, Object>of(
                                        "reservation_id", made.servers().get(0).reservationId));
                    }
                    Server first = made.servers().get(0);
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("id", first.id);
                    s.put("links", views.links("servers", first.id));
                    s.put("OS-DCF:diskConfig", first.diskConfig);
                    s.put("security_groups", List.of(Map.of("name", "default")));
                    s.put("adminPass", made.adminPass());
                    return ResponseEntity.accepted()
                            .header("Location", endpoints.computeUrl() + "/servers/" + first.id)
                            .body(Map.<String, Object>of("server", s));
                }));
    }

    @Override
    Mono<Map<String, Object>> page(ServerWebExchange exchange, boolean detail) {
        NovaVersion v = NovaVersion.of(exchange);
        var q = exchange.getRequest().getQueryParams();
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    boolean admin = c.hasRole("admin");
                    boolean allTenants = admin
                            && q.containsKey("all_tenants")
                            && !List.of("0", "false", "False").contains(q.getFirst("all_tenants"));
                    String project =
                            q.getFirst("project_id") != null ? q.getFirst("project_id") : q.getFirst("tenant_id");
                    ServerQuery.Page page =
                            ServerQuery.page(servers, allTenants ? project : ServerService.project(c), q, admin);
                    List<Object> out = new ArrayList<>();
                    for (Server s : page.servers()) {
                        out.add(
                                detail
                                        ? views.detail(s, new ServerViews.Viewer(v, admin), service.hostStatus(s))
                                        : views.brief(s));
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("servers", out);
                    if (page.more()) {
                        String last = page.servers().get(page.servers().size() - 1).id;
                        String href = endpoints.computeUrl() + "/servers" + (detail ? "/detail" : "") + "?limit="
                                + page.servers().size() + "&marker=" + last;
                        body.put("servers_links", List.of(Map.of("rel", "next", "href", href)));
                    }
                    return body;
                }));
    }

    @GetMapping("/{id}")
    public Mono<Map<String, Object>> show(ServerWebExchange exchange, @PathVariable String id) {
        NovaVersion v = NovaVersion.of(exchange);
        return auth.authenticate(exchange.getRequest()).flatMap(c -> Blocking.call(() -> view(c, v, id)));
    }

    Map<String, Object> view(TokenClaims c, NovaVersion v, String id) {
        Server s = service.get(c, id);
        return Map.of("server", views.detail(s, new ServerViews.Viewer(v, c.hasRole("admin")), service.hostStatus(s)));
    }

    private static final Set<String> UPDATABLE = Set.of("name", "accessIPv4", "accessIPv6", "OS-DCF:diskConfig");

    @PutMapping("/{id}")
    public Mono<Map<String, Object>> update(
            ServerWebExchange exchange,
            @PathVariable String id,
            @RequestBody(required = false) @Nullable JsonNode body) {
        NovaVersion v = NovaVersion.of(exchange);
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    JsonNode u = Bodies.object(body, "server");
                    Set<String> allowed = new java.util.HashSet<>(UPDATABLE);
                    if (v.atLeast(19)) {
                        allowed.add("description");
                    }
                    Bodies.only(u, allowed);
                    Server s = service.get(c, id);
                    if (u.has("name")) {
                        s.name = Bodies.name(u, "name");
                    }
                    String ip4 = Bodies.string(u, "accessIPv4", 64, false);
                    String ip6 = Bodies.string(u, "accessIPv6", 64, false);
                    s.accessIpv4 = ip4 == null ? s.accessIpv4 : ip4;
                    s.accessIpv6 = ip6 == null ? s.accessIpv6 : ip6;
                    if (u.has("description")) {
                        s.description = Bodies.string(u, "description", 255, false);
                    }
                    String dc = Bodies.string(u, "OS-DCF:diskConfig", 10, false);
                    if (dc != null) {
                        if (!dc.equals("AUTO") && !dc.equals("MANUAL")) {
                            throw Bodies.invalid(
                                    "OS-DCF:diskConfig", dc, "'" + dc + "' is not one of ['AUTO', 'MANUAL']");
                        }
                        s.diskConfig = dc;
                    }
                    s.updatedAt = System.currentTimeMillis();
                    servers.updateAttributes(s);
                    return view(c, v, id);
                }));
    }

    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(ServerWebExchange exchange, @PathVariable String id) {
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.run(() -> service.delete(c, id, token(exchange), requestId(exchange))))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** Refuses ids that cannot be servers early (an OSC by-name lookup tries the name as an id first). */
    static void checkId(String id) {
        if (id.length() > 255) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Instance " + id + " could not be found.");
        }
    }
}
