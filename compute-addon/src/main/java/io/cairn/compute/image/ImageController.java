package io.cairn.compute.image;

import io.cairn.compute.identity.RequestAuthenticator;
import io.cairn.compute.system.ApiEndpoints;
import io.cairn.compute.system.ApiException;
import io.cairn.compute.system.Blocking;
import io.netty.buffer.ByteBuf;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Glance v2 routes under {@code /image}. */
@RestController
@RequestMapping("/image")
public class ImageController {
    /** Glance's header advertising the import methods on image creation. */
    static final String IMPORT_METHODS_HEADER = "OpenStack-image-import-methods";

    private final ImageService images;
    private final RequestAuthenticator auth;
    private final ApiEndpoints endpoints;
    private final JsonMapper json;

    public ImageController(ImageService images, RequestAuthenticator auth, ApiEndpoints endpoints, JsonMapper json) {
        this.images = images;
        this.auth = auth;
        this.endpoints = endpoints;
        this.json = json;
    }

    // ---- discovery and schemas (no token needed, as in Glance)

    @GetMapping({"", "/"})
    public ResponseEntity<Map<String, Object>> versions() {
        return ResponseEntity.status(HttpStatus.MULTIPLE_CHOICES).body(versionList());
    }

    @GetMapping({"/versions", "/v2", "/v2/"})
    public Map<String, Object> versionsOk() {
        return versionList();
    }

    private Map<String, Object> versionList() {
        List<Map<String, Object>> versions = new ArrayList<>();
        String href = endpoints.imageUrl() + "/v2/";
        for (String v : List.of("v2.9", "v2.8", "v2.7", "v2.6", "v2.5", "v2.4", "v2.3", "v2.2", "v2.1", "v2.0")) {
            versions.add(Map.of(
                    "id",
                    v,
                    "status",
                    v.equals("v2.9") ? "CURRENT" : "SUPPORTED",
                    "links",
                    List.of(Map.of("rel", "self", "href", href))));
        }
        return Map.of("versions", versions);
    }

    @GetMapping("/v2/schemas/image")
    public Map<String, Object> imageSchema() {
        return ImageSchemas.image();
    }

    @GetMapping("/v2/schemas/images")
    public Map<String, Object> imagesSchema() {
        return ImageSchemas.images();
    }

    // ---- images

    @PostMapping("/v2/images")
    public Mono<ResponseEntity<Map<String, @Nullable Object>>> create(
            ServerHttpRequest request, @RequestBody(required = false) @Nullable JsonNode body) {
        return auth.authenticate(request)
                .flatMap(c -> Blocking.call(() -> images.create(c, body)))
                .map(i -> ResponseEntity.created(URI.create(endpoints.imageUrl() + "/v2/images/" + i.id))
                        .header(IMPORT_METHODS_HEADER, String.join(",", ImageService.IMPORT_METHODS))
                        .body(ImageViews.document(i)));
    }

    @GetMapping("/v2/images")
    public Mono<Map<String, Object>> list(ServerHttpRequest request) {
        return auth.authenticate(request)
                .flatMap(c -> Blocking.call(() -> {
                    ImageQuery.Page page = images.list(c, request.getQueryParams());
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put(
                            "images",
                            page.images().stream().map(ImageViews::document).toList());
                    body.put("first", "/v2/images");
                    body.put("schema", "/v2/schemas/images");
                    if (page.next() != null) {
                        body.put("next", "/v2/images?" + page.next());
                    }
                    return body;
                }));
    }

    @GetMapping("/v2/images/{id}")
    public Mono<Map<String, @Nullable Object>> show(ServerHttpRequest request, @PathVariable String id) {
        return auth.authenticate(request).flatMap(c -> Blocking.call(() -> ImageViews.document(images.get(c, id))));
    }

    @PatchMapping(value = "/v2/images/{id}", consumes = MediaType.ALL_VALUE)
    public Mono<Map<String, @Nullable Object>> patch(ServerHttpRequest request, @PathVariable String id) {
        MediaType type = request.getHeaders().getContentType();
        String media = type == null ? "" : type.getType() + "/" + type.getSubtype();
        if (!media.equals(ImagePatch.V21) && !media.equals(ImagePatch.V20)) {
            return Mono.error(new ApiException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be " + ImagePatch.V21 + " or " + ImagePatch.V20 + ", got '" + media + "'."));
        }
        return auth.authenticate(request)
                .flatMap(c -> readJson(request, "patch")
                        .flatMap(body -> Blocking.call(() -> {
                            List<ImagePatch.Op> ops = ImagePatch.parse(body, media);
                            return ImageViews.document(images.patch(c, id, ops));
                        })));
    }

    /** The body as JSON; patch media types are not JSON to WebFlux's codecs, so read it here (it is small). */
    private Mono<JsonNode> readJson(ServerHttpRequest request, String what) {
        return org.springframework.core.io.buffer.DataBufferUtils.join(request.getBody(), 1 << 20)
                .map(buf -> {
                    try {
                        byte[] bytes = new byte[buf.readableByteCount()];
                        buf.read(bytes);
                        return json.readTree(bytes);
                    } catch (tools.jackson.core.JacksonException e) {
                        throw ApiException.badRequest("The " + what + " is not valid JSON: " + e.getOriginalMessage());
                    } finally {
                        org.springframework.core.io.buffer.DataBufferUtils.release(buf);
                    }
                })
                .switchIfEmpty(Mono.error(ApiException.badRequest("A JSON " + what + " body is required.")));
    }

    @DeleteMapping("/v2/images/{id}")
    public Mono<ResponseEntity<Void>> delete(ServerHttpRequest request, @PathVariable String id) {
        return auth.authenticate(request)
                .flatMap(c -> images.delete(c, id))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PutMapping("/v2/images/{id}/tags/{tag}")
    public Mono<ResponseEntity<Void>> addTag(
            ServerHttpRequest request, @PathVariable String id, @PathVariable String tag) {
        return auth.authenticate(request)
                .flatMap(c -> Blocking.run(() -> images.addTag(c, id, tag)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @DeleteMapping("/v2/images/{id}/tags/{tag}")
    public Mono<ResponseEntity<Void>> removeTag(
            ServerHttpRequest request, @PathVariable String id, @PathVariable String tag) {
        return auth.authenticate(request)
                .flatMap(c -> Blocking.run(() -> images.removeTag(c, id, tag)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/v2/images/{id}/actions/{action}")
    public Mono<ResponseEntity<Void>> action(
            ServerHttpRequest request, @PathVariable String id, @PathVariable String action) {
        if (!action.equals("deactivate") && !action.equals("reactivate")) {
            return Mono.error(ApiException.notFound("Unknown image action: " + action));
        }
        return auth.authenticate(request)
                .flatMap(c -> Blocking.run(() -> images.deactivate(c, id, action.equals("deactivate"))))
                .thenReturn(ResponseEntity.noContent().build());
    }

    // ---- data

    @PutMapping(value = "/v2/images/{id}/file", consumes = MediaType.ALL_VALUE)
    public Mono<ResponseEntity<Void>> upload(ServerHttpRequest request, @PathVariable String id) {
        return receive(request, id, false);
    }

    /** glance-direct's first step: the data, staged (in Cairn) until {@code import}. */
    @PutMapping(value = "/v2/images/{id}/stage", consumes = MediaType.ALL_VALUE)
    public Mono<ResponseEntity<Void>> stage(ServerHttpRequest request, @PathVariable String id) {
        return receive(request, id, true);
    }

    private Mono<ResponseEntity<Void>> receive(ServerHttpRequest request, String id, boolean stage) {
        MediaType type = request.getHeaders().getContentType();
        if (type != null && !type.isCompatibleWith(MediaType.APPLICATION_OCTET_STREAM)) {
            return Mono.error(new ApiException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Image data is sent as application/octet-stream, got " + type + "."));
        }
        long length = request.getHeaders().getContentLength();
        Flux<ByteBuf> body = request.getBody().map(NettyDataBufferFactory::toByteBuf);
        return auth.authenticate(request)
                .flatMap(c -> stage ? images.stage(c, id, body, length) : images.upload(c, id, body, length))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** Interoperable import: {@code {"method": {"name": "glance-direct"}}} of a staged image; 202 as Glance. */
    @PostMapping(value = "/v2/images/{id}/import", consumes = MediaType.ALL_VALUE)
    public Mono<ResponseEntity<Void>> importImage(ServerHttpRequest request, @PathVariable String id) {
        return auth.authenticate(request)
                .flatMap(c -> readJson(request, "import request")
                        .flatMap(body -> Blocking.run(() -> images.importImage(c, id, body))))
                .thenReturn(ResponseEntity.accepted().build());
    }

    /** The import methods ({@code GET /v2/info/import}, Glance's discovery document). */
    @GetMapping("/v2/info/import")
    public Mono<Map<String, Object>> importInfo(ServerHttpRequest request) {
        return auth.authenticate(request)
                .map(c -> Map.of(
                        "import-methods",
                        Map.of(
                                "description",
                                "Import methods available.",
                                "type",
                                "array",
                                "value",
                                ImageService.IMPORT_METHODS)));
    }

    @GetMapping("/v2/images/{id}/file")
    public Mono<Void> download(ServerHttpRequest request, ServerHttpResponse response, @PathVariable String id) {
        return auth.authenticate(request)
                .flatMap(c -> Blocking.call(() -> images.readable(c, id)))
                .flatMap(i -> {
                    Long size = i.size;
                    if (i.storeLayout == null || size == null) {
                        response.setStatusCode(HttpStatus.NO_CONTENT);
                        return response.setComplete();
                    }
                    HttpHeaders h = response.getHeaders();
                    h.setContentType(MediaType.APPLICATION_OCTET_STREAM);
                    h.set(HttpHeaders.ACCEPT_RANGES, "bytes");
                    ImageStore.ByteRange range =
                            ByteRanges.parse(request.getHeaders().getFirst(HttpHeaders.RANGE), size);
                    if (range == null) {
                        h.setContentLength(size);
                        if (i.checksum != null) {
                            h.set("Content-MD5", i.checksum);
                        }
                        response.setStatusCode(HttpStatus.OK);
                    } else {
                        h.setContentLength(range.length());
                        h.set(HttpHeaders.CONTENT_RANGE, "bytes " + range.first() + "-" + range.last() + "/" + size);
                        response.setStatusCode(HttpStatus.PARTIAL_CONTENT);
                    }
                    if (size == 0) {
                        return response.setComplete();
                    }
                    NettyDataBufferFactory factory = (NettyDataBufferFactory) response.bufferFactory();
                    Flux<DataBuffer> data = images.bytes(i, range).map(factory::wrap);
                    return response.writeWith(data);
                });
    }
}
