package io.cairn.compute.compute.api;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.compute.ActionRepository;
import io.cairn.compute.compute.ImageClient;
import io.cairn.compute.compute.QuotaRepository;
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
import org.jspecify.annotations.Nullable;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code /servers/{id}/action}, {@code /servers/{id}/metadata[/{key}]}, {@code /servers/{id}/os-instance-actions}. */
@RestController
@RequestMapping("/compute/v2.1/servers/{id}")
public class ServerActionsController {
    private final ServerService service;
    private final ServerRepository servers;
    private final QuotaRepository quotas;
    private final ActionRepository actions;
    private final ImageClient images;
    private final ServersController serversController;
    private final RequestAuthenticator auth;
    private final ApiEndpoints endpoints;
    private final JsonMapper json;

    /** The collaborators, grouped (too many for one constructor otherwise). */
    public record Parts(
            ServerService service,
            ServerRepository servers,
            QuotaRepository quotas,
            ActionRepository actions,
            ImageClient images,
            ServersController serversController) {}

    public ServerActionsController(Parts parts, RequestAuthenticator auth, ApiEndpoints endpoints, JsonMapper json) {
        this.service = parts.service();
        this.servers = parts.servers();
        this.quotas = parts.quotas();
        this.actions = parts.actions();
        this.images = parts.images();
        this.serversController = parts.serversController();
        this.auth = auth;
        this.endpoints = endpoints;
        this.json = json;
    }

    @PostMapping("/action")
    public Mono<ResponseEntity<Object>> action(
            ServerWebExchange exchange,
            @PathVariable String id,
            @RequestBody(required = false) @Nullable JsonNode body) {
        NovaVersion v = NovaVersion.of(exchange);
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    if (body == null || !body.isObject() || body.size() != 1) {
                        throw ApiException.badRequest("An action body is one object with exactly one action.");
                    }
                    String name = body.propertyNames().iterator().next();
                    Server s = service.get(c, id);
                    return perform(c, s, name, body.get(name), exchange, v);
                }));
    }

    private ResponseEntity<Object> perform(
            TokenClaims c, Server s, String name, JsonNode arg, ServerWebExchange exchange, NovaVersion v)
            throws Exception {
        String token = ServersController.token(exchange);
        String req = ServersController.requestId(exchange);
        switch (name) {
            case "reboot" -> {
                String type = arg.path("type").asString("");
                if (!type.equalsIgnoreCase("SOFT") && !type.equalsIgnoreCase("HARD")) {
                    throw Bodies.invalid(
                            "reboot/type",
                            type,
                            "'" + type + "' is not one of ['HARD', 'Hard', 'hard'," + " 'SOFT', 'Soft', 'soft']");
                }
                boolean hard = type.equalsIgnoreCase("HARD");
                service.act(
                        c,
                        s,
                        hard ? ActionRule.REBOOT_HARD : ActionRule.REBOOT_SOFT,
                        Map.of("type", hard ? "HARD" : "SOFT"),
                        token,
                        req);
            }
            case "os-stop" -> service.act(c, s, ActionRule.STOP, Map.of(), token, req);
            case "os-start" -> service.act(c, s, ActionRule.START, Map.of(), token, req);
            case "pause" -> service.act(c, s, ActionRule.PAUSE, Map.of(), token, req);
            case "unpause" -> service.act(c, s, ActionRule.UNPAUSE, Map.of(), token, req);
            case "suspend" -> service.act(c, s, ActionRule.SUSPEND, Map.of(), token, req);
            case "resume" -> service.act(c, s, ActionRule.RESUME, Map.of(), token, req);
            case "rebuild" -> {
                return rebuild(c, s, arg, token, req, v);
            }
            case "createImage" -> {
                return createImage(c, s, arg, token, req);
            }
            case "os-getConsoleOutput" -> {
                int length = arg.isObject()
                                && arg.has("length")
                                && !arg.get("length").isNull()
                        ? Bodies.integer(arg, "length", -1, -1, Integer.MAX_VALUE)
                        : -1;
                return ResponseEntity.ok(Map.of("output", service.console(s, length, token, req)));
            }
            default -> throw ApiException.badRequest("There is no such action: " + name);
        }
        return ResponseEntity.accepted().build();
    }

    private ResponseEntity<Object> rebuild(
            TokenClaims c, Server s, JsonNode arg, String token, String req, NovaVersion v) throws Exception {
        if (!arg.isObject()) {
            throw Bodies.invalid("rebuild", arg, arg + " is not of type 'object'");
        }
        String imageRef = Bodies.ref(arg, "imageRef", true);
        String imageId = Bodies.lastSegment(imageRef == null ? "" : imageRef);
        JsonNode image = images.show(token, imageId)
                .orElseThrow(() -> ApiException.badRequest(
                        "Cannot find requested image " + imageId + ": Image " + imageId + " could not be found."));
        if (!"active".equals(image.path("status").asString(""))) {
            throw ApiException.badRequest("Image " + imageId + " is not active.");
        }
        if (arg.has("name")) {
            s.name = Bodies.name(arg, "name");
        }
        if (arg.has("metadata")) {
            servers.replaceMetadata(s.id, Bodies.metadata(arg, "metadata"));
        }
        service.act(c, s, ActionRule.REBUILD, Map.of("image", imageId), token, req);
        // only the columns the user changes: the agent may already be writing the states
        s.imageId = imageId;
        s.updatedAt = System.currentTimeMillis();
        servers.updateAttributes(s);
        Map<String, Object> view = new LinkedHashMap<>(serversController.view(c, v, s.id));
        @SuppressWarnings("unchecked")
        Map<String, Object> server = new LinkedHashMap<>((Map<String, Object>) view.get("server"));
        server.put("adminPass", "");
        return ResponseEntity.accepted().body(Map.of("server", server));
    }

    private ResponseEntity<Object> createImage(TokenClaims c, Server s, JsonNode arg, String token, String req)
            throws Exception {
        if (!arg.isObject()) {
            throw Bodies.invalid("createImage", arg, arg + " is not of type 'object'");
        }
        String name = Bodies.name(arg, "name");
        Map<String, String> meta = Bodies.metadata(arg, "metadata");
        ObjectNode doc = json.createObjectNode();
        doc.put("name", name);
        doc.put("instance_uuid", s.id);
        doc.put("base_image_ref", s.imageId);
        doc.put("image_type", "snapshot");
        meta.forEach(doc::put);
        // Nova creates the image record first (the client gets its id at once); the agent uploads the bytes
        String imageId = images.create(token, doc);
        try {
            service.act(c, s, ActionRule.CREATE_IMAGE, Map.of("image", imageId), token, req);
        } catch (ApiException e) {
            images.delete(token, imageId);
            throw e;
        }
        return ResponseEntity.accepted()
                .header("Location", endpoints.imageUrl() + "/v2/images/" + imageId)
                .build();
    }

    // ---- metadata

    @GetMapping("/metadata")
    public Mono<Map<String, Object>> metadata(ServerWebExchange exchange, @PathVariable String id) {
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> Map.of("metadata", service.get(c, id).metadata)));
    }

    @PutMapping("/metadata")
    public Mono<Map<String, Object>> replaceMetadata(
            ServerWebExchange exchange,
            @PathVariable String id,
            @RequestBody(required = false) @Nullable JsonNode body) {
        return writeMetadata(exchange, id, body, true);
    }

    @PostMapping("/metadata")
    public Mono<Map<String, Object>> mergeMetadata(
            ServerWebExchange exchange,
            @PathVariable String id,
            @RequestBody(required = false) @Nullable JsonNode body) {
        return writeMetadata(exchange, id, body, false);
    }

    private Mono<Map<String, Object>> writeMetadata(
            ServerWebExchange exchange, String id, @Nullable JsonNode body, boolean replace) {
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    if (body == null || !body.isObject() || !body.has("metadata")) {
                        throw Bodies.invalid("metadata", null, "'metadata' is a required property");
                    }
                    Map<String, String> meta = Bodies.metadata(body, "metadata");
                    Server s = service.get(c, id);
                    Map<String, String> result = new LinkedHashMap<>(replace ? Map.of() : s.metadata);
                    result.putAll(meta);
                    checkMetadataQuota(s, result.size());
                    if (replace) {
                        servers.replaceMetadata(id, meta);
                    } else {
                        servers.mergeMetadata(id, meta);
                    }
                    return Map.of("metadata", service.get(c, id).metadata);
                }));
    }

    private void checkMetadataQuota(Server s, int count) {
        int limit = quotas.limit(s.projectId, QuotaRepository.METADATA_ITEMS);
        if (limit >= 0 && count > limit) {
            throw ApiException.forbidden("Quota exceeded for metadata_items: Requested " + count
                    + ", but already used 0 of " + limit + " metadata_items");
        }
    }

    @GetMapping("/metadata/{key}")
    public Mono<Map<String, Object>> metadataItem(
            ServerWebExchange exchange, @PathVariable String id, @PathVariable String key) {
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    String value = service.get(c, id).metadata.get(key);
                    if (value == null) {
                        throw ApiException.notFound("Metadata item was not found");
                    }
                    return Map.of("meta", Map.of(key, value));
                }));
    }

    @PutMapping("/metadata/{key}")
    public Mono<Map<String, Object>> putMetadataItem(
            ServerWebExchange exchange,
            @PathVariable String id,
            @PathVariable String key,
            @RequestBody(required = false) @Nullable JsonNode body) {
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    if (body == null || !body.isObject() || !body.has("meta")) {
                        throw Bodies.invalid("meta", null, "'meta' is a required property");
                    }
                    Map<String, String> meta = Bodies.metadata(body, "meta");
                    if (meta.size() != 1) {
                        throw ApiException.badRequest("Request body contains too many items");
                    }
                    if (!meta.containsKey(key)) {
                        throw ApiException.badRequest("Request body and URI mismatch");
                    }
                    Server s = service.get(c, id);
                    Map<String, String> result = new LinkedHashMap<>(s.metadata);
                    result.putAll(meta);
                    checkMetadataQuota(s, result.size());
                    servers.mergeMetadata(id, meta);
                    return Map.of("meta", meta);
                }));
    }

    @DeleteMapping("/metadata/{key}")
    public Mono<ResponseEntity<Void>> deleteMetadataItem(
            ServerWebExchange exchange, @PathVariable String id, @PathVariable String key) {
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.run(() -> {
                    service.get(c, id);
                    if (!servers.deleteMetadata(id, key)) {
                        throw ApiException.notFound("Metadata item was not found");
                    }
                }))
                .thenReturn(ResponseEntity.noContent().build());
    }

    // ---- os-instance-actions

    @GetMapping("/os-instance-actions")
    public Mono<Map<String, Object>> instanceActions(ServerWebExchange exchange, @PathVariable String id) {
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    checkActionsVisible(c, id, NovaVersion.of(exchange));
                    List<Object> out = new ArrayList<>();
                    for (ActionRepository.Action a : actions.list(id)) {
                        out.add(actionView(a));
                    }
                    return Map.of("instanceActions", out);
                }));
    }

    @GetMapping("/os-instance-actions/{requestId}")
    public Mono<Map<String, Object>> instanceAction(
            ServerWebExchange exchange, @PathVariable String id, @PathVariable String requestId) {
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    checkActionsVisible(c, id, NovaVersion.of(exchange));
                    ActionRepository.Action a = actions.list(id).stream()
                            .filter(x -> x.requestId().equals(requestId))
                            .findFirst()
                            .orElseThrow(() -> ApiException.notFound("Action " + requestId + " could not be found."));
                    Map<String, @Nullable Object> view = actionView(a);
                    if (c.hasRole("admin")) {
                        List<Object> events = new ArrayList<>();
                        for (ActionRepository.Event e : actions.events(id, requestId)) {
                            Map<String, @Nullable Object> ev = new LinkedHashMap<>();
                            ev.put("event", e.event());
                            ev.put("start_time", NovaTime.micros(e.startTime()));
                            ev.put("finish_time", NovaTime.micros(e.finishTime()));
                            ev.put("result", e.result());
                            ev.put("traceback", e.traceback());
                            events.add(ev);
                        }
                        view.put("events", events);
                    }
                    return Map.of("instanceAction", view);
                }));
    }

    /** A live server the caller may see, or (as Nova ≥ 2.21) a deleted one of the caller's project. */
    private void checkActionsVisible(TokenClaims c, String id, NovaVersion v) {
        if (servers.find(id).isPresent() || !v.atLeast(21)) {
            service.get(c, id);
            return;
        }
        List<ActionRepository.Action> list = actions.list(id);
        boolean mine = !list.isEmpty()
                && (c.hasRole("admin") || list.get(0).projectId().equals(c.projectId()));
        if (!mine) {
            throw ApiException.notFound("Instance " + id + " could not be found.");
        }
    }

    private static Map<String, @Nullable Object> actionView(ActionRepository.Action a) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("action", a.action());
        m.put("instance_uuid", a.serverId());
        m.put("message", a.message());
        m.put("project_id", a.projectId());
        m.put("request_id", a.requestId());
        m.put("start_time", NovaTime.micros(a.startTime()));
        m.put("user_id", a.userId());
        return m;
    }
}
