package io.cairn.compute.compute.api;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.compute.ImageClient;
import io.cairn.compute.compute.QuotaRepository;
import io.cairn.compute.identity.RequestAuthenticator;
import io.cairn.compute.system.ApiEndpoints;
import io.cairn.compute.system.ApiException;
import io.cairn.compute.system.Blocking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Nova's image proxy, {@code /compute/v2.1/images} (deprecated: microversions 2.1–2.35 only, 404 from 2.36 as
 * Nova's {@code MAX_PROXY_API_SUPPORT_VERSION}): list, detail, show and delete images, and their metadata (the
 * image's extra properties), all through the image API with the caller's token ({@link ImageClient}), as Nova goes
 * through Glance. What a user may see or change is the image API's decision.
 */
@RestController
@RequestMapping("/compute/v2.1/images")
public class ImagesController extends ListAndDetailController {
    /** The last microversion that has the proxy. */
    static final int MAX_PROXY_MINOR = 35;

    private final ImageClient images;
    private final QuotaRepository quotas;
    private final RequestAuthenticator auth;
    private final ImageViews views;

    public ImagesController(
            ImageClient images, QuotaRepository quotas, RequestAuthenticator auth, ApiEndpoints endpoints) {
        this.images = images;
        this.quotas = quotas;
        this.auth = auth;
        this.views = new ImageViews(endpoints);
    }

    /**
     * Authenticates (first, as Nova's auth middleware runs before its router: no token is 401 at any version), refuses
     * microversions past the proxy's, then runs {@code work} off the event loop.
     */
    private <T> Mono<T> proxied(ServerWebExchange exchange, Work<T> work) {
        boolean gone = NovaVersion.of(exchange).atLeast(MAX_PROXY_MINOR + 1);
        String token = ServersController.token(exchange);
        return auth.authenticate(exchange.getRequest()).flatMap(c -> {
            if (gone) {
                return Mono.error(ApiException.notFound("The resource could not be found."));
            }
            return Blocking.call(() -> work.run(c, token));
        });
    }

    private interface Work<T> {
        T run(TokenClaims claims, String token) throws Exception;
    }

    @Override
    Mono<Map<String, Object>> page(ServerWebExchange exchange, boolean detail) {
        var params = exchange.getRequest().getQueryParams();
        return proxied(exchange, (c, token) -> {
            ImageViews.Page page = ImageViews.select(images.list(token), params);
            List<Object> out = new ArrayList<>();
            for (JsonNode i : page.images()) {
                out.add(detail ? views.detail(i) : views.basic(i));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("images", out);
            if (page.full()) {
                String last =
                        page.images().get(page.images().size() - 1).path("id").asString();
                String href = views.next(detail ? "images/detail" : "images", params, last);
                body.put("images_links", List.of(Map.of("rel", "next", "href", href)));
            }
            return body;
        });
    }

    @GetMapping("/{id}")
    public Mono<Map<String, Object>> show(ServerWebExchange exchange, @PathVariable String id) {
        return proxied(exchange, (c, token) -> Map.of("image", views.detail(image(token, id))));
    }

    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(ServerWebExchange exchange, @PathVariable String id) {
        return proxied(exchange, (c, token) -> {
            int status = id.matches("[A-Za-z0-9-]{1,64}") ? images.delete(token, id) : 404;
            return switch (status) {
                case 204, 200 -> ResponseEntity.noContent().<Void>build();
                case 404 -> throw ApiException.notFound("Image not found.");
                case 403 -> throw ApiException.forbidden("You are not allowed to delete the image.");
                default -> throw refused(status, id);
            };
        });
    }

    // ---- metadata (nova/api/openstack/compute/image_metadata.py)

    @GetMapping("/{id}/metadata")
    public Mono<Map<String, Object>> metadata(ServerWebExchange exchange, @PathVariable String id) {
        return proxied(exchange, (c, token) -> Map.of("metadata", ImageViews.metadata(image(token, id))));
    }

    @GetMapping("/{id}/metadata/{key}")
    public Mono<Map<String, Object>> metadataItem(
            ServerWebExchange exchange, @PathVariable String id, @PathVariable String key) {
        return proxied(exchange, (c, token) -> {
            Object value = ImageViews.metadata(image(token, id)).get(key);
            if (value == null) {
                throw ApiException.notFound("The resource could not be found.");
            }
            return Map.of("meta", Map.of(key, value));
        });
    }

    /** {@code POST}: merges the given items into the image's metadata; answers the whole metadata. */
    @PostMapping("/{id}/metadata")
    public Mono<Map<String, Object>> mergeMetadata(
            ServerWebExchange exchange,
            @PathVariable String id,
            @RequestBody(required = false) @Nullable JsonNode body) {
        return proxied(exchange, (c, token) -> Map.of("metadata", merge(c, token, id, required(body, "metadata"))));
    }

    /** Merges {@code items} into the image's metadata (POST and PUT of one key); answers the whole result. */
    private Map<String, Object> merge(TokenClaims c, String token, String id, Map<String, String> items)
            throws Exception {
        Map<String, Object> old = ImageViews.metadata(image(token, id));
        Map<String, Object> result = new LinkedHashMap<>(old);
        result.putAll(items);
        write(c, token, id, old, result);
        return result;
    }

    /** {@code PUT}: replaces the image's metadata with the given items. */
    @PutMapping("/{id}/metadata")
    public Mono<Map<String, Object>> replaceMetadata(
            ServerWebExchange exchange,
            @PathVariable String id,
            @RequestBody(required = false) @Nullable JsonNode body) {
        return proxied(exchange, (c, token) -> {
            Map<String, String> given = required(body, "metadata");
            Map<String, Object> old = ImageViews.metadata(image(token, id));
            write(c, token, id, old, new LinkedHashMap<>(given));
            return Map.of("metadata", given);
        });
    }

    @PutMapping("/{id}/metadata/{key}")
    public Mono<Map<String, Object>> putMetadataItem(
            ServerWebExchange exchange,
            @PathVariable String id,
            @PathVariable String key,
            @RequestBody(required = false) @Nullable JsonNode body) {
        return proxied(exchange, (c, token) -> {
            Map<String, String> meta = required(body, "meta");
            if (meta.size() != 1) {
                JsonNode given = body == null ? null : body.get("meta");
                throw Bodies.invalid(
                        "meta",
                        given,
                        given + (meta.isEmpty() ? " does not have enough properties" : " has too many properties"));
            }
            if (!meta.containsKey(key)) {
                throw ApiException.badRequest("Request body and URI mismatch");
            }
            merge(c, token, id, meta);
            return Map.of("meta", meta);
        });
    }

    @DeleteMapping("/{id}/metadata/{key}")
    public Mono<ResponseEntity<Void>> deleteMetadataItem(
            ServerWebExchange exchange, @PathVariable String id, @PathVariable String key) {
        return proxied(exchange, (c, token) -> {
            Map<String, Object> old = ImageViews.metadata(image(token, id));
            if (!old.containsKey(key)) {
                throw ApiException.notFound("Invalid metadata key");
            }
            Map<String, Object> result = new LinkedHashMap<>(old);
            result.remove(key);
            write(c, token, id, old, result);
            return ResponseEntity.noContent().<Void>build();
        });
    }

    private JsonNode image(String token, String id) throws Exception {
        return images.show(token, id).orElseThrow(() -> ApiException.notFound("Image not found."));
    }

    private static Map<String, String> required(@Nullable JsonNode body, String field) {
        if (body == null || !body.isObject() || !body.has(field)) {
            throw Bodies.invalid(field, null, "'" + field + "' is a required property");
        }
        Bodies.only(body, java.util.Set.of(field));
        return Bodies.metadata(body, field);
    }

    /**
     * Moves the image's extra properties from {@code old} to {@code result} with one JSON patch (removals, then
     * additions; {@code add} replaces an existing key), after the metadata-items quota (403, Nova's text).
     */
    private void write(TokenClaims c, String token, String id, Map<String, Object> old, Map<String, Object> result)
            throws Exception {
        int limit = quotas.limit(ServerService.project(c), QuotaRepository.METADATA_ITEMS);
        if (limit >= 0 && result.size() > limit) {
            throw ApiException.forbidden("Image metadata limit exceeded");
        }
        List<Map<String, Object>> ops = new ArrayList<>();
        for (String key : old.keySet()) {
            if (!result.containsKey(key)) {
                ops.add(Map.of("op", "remove", "path", pointer(key)));
            }
        }
        for (var e : result.entrySet()) {
            if (!e.getValue().equals(old.get(e.getKey()))) {
                ops.add(Map.of("op", "add", "path", pointer(e.getKey()), "value", e.getValue()));
            }
        }
        if (ops.isEmpty()) {
            return;
        }
        int status = images.patch(token, id, ops);
        switch (status) {
            case 200 -> {}
            case 404 -> throw ApiException.notFound("Image not found.");
            case 403 -> throw ApiException.forbidden("Not authorized for image " + id + ".");
            default -> throw refused(status, id);
        }
    }

    private static String pointer(String key) {
        return "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** What the image API refused otherwise: its 4xx as a 400/409, anything else as Nova's 500-class fault. */
    private static ApiException refused(int status, String id) {
        if (status == 409) {
            return ApiException.conflict("The image service refused the change to image " + id + " (409).");
        }
        if (status >= 400 && status < 500) {
            return ApiException.badRequest(
                    "The image service refused the request for image " + id + " (" + status + ").");
        }
        return new ApiException(
                HttpStatus.INTERNAL_SERVER_ERROR, "The image service answered " + status + " for image " + id + ".");
    }
}
