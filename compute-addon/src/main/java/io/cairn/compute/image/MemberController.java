package io.cairn.compute.image;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.identity.RequestAuthenticator;
import io.cairn.compute.image.MemberRepository.Member;
import io.cairn.compute.system.ApiException;
import io.cairn.compute.system.Blocking;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Glance's image members ({@code visibility=shared}): the owner adds and removes projects; each member project
 * accepts or rejects; an accepted shared image is listed for the member, any shared-with member can read it.
 */
@RestController
@RequestMapping("/image/v2")
public class MemberController {
    static final Set<String> STATUSES = Set.of("pending", "accepted", "rejected");

    private final ImageService images;
    private final MemberRepository members;
    private final RequestAuthenticator auth;
    private final Clock clock;

    public MemberController(ImageService images, MemberRepository members, RequestAuthenticator auth, Clock clock) {
        this.images = images;
        this.members = members;
        this.auth = auth;
        this.clock = clock;
    }

    @GetMapping("/schemas/member")
    public Map<String, Object> memberSchema() {
        return ImageSchemas.member();
    }

    @GetMapping("/schemas/members")
    public Map<String, Object> membersSchema() {
        return Map.of(
                "name",
                "members",
                "properties",
                Map.of(
                        "members", Map.of("type", "array", "items", ImageSchemas.member()),
                        "schema", Map.of("type", "string")),
                "links",
                List.of(Map.of("rel", "describedby", "href", "{schema}")));
    }

    @GetMapping("/images/{id}/members")
    public Mono<Map<String, Object>> list(ServerHttpRequest request, @PathVariable String id) {
        return auth.authenticate(request)
                .flatMap(c -> Blocking.call(() -> {
                    Image image = images.get(c, id);
                    boolean owner = isOwnerOrAdmin(c, image);
                    List<Map<String, Object>> docs = members.ofImage(id).stream()
                            .filter(m -> owner || m.memberId().equals(c.projectId()))
                            .map(MemberController::document)
                            .toList();
                    return Map.of("members", docs, "schema", "/v2/schemas/members");
                }));
    }

    @PostMapping("/images/{id}/members")
    public Mono<Map<String, Object>> add(
            ServerHttpRequest request,
            @PathVariable String id,
            @RequestBody(required = false) @Nullable JsonNode body) {
        JsonNode memberNode = body == null ? null : body.get("member");
        if (memberNode == null
                || !memberNode.isString()
                || memberNode.asString().isBlank()) {
            return Mono.error(ApiException.badRequest("The body needs {\"member\": \"<project id>\"}."));
        }
        String memberId = memberNode.asString();
        return auth.authenticate(request)
                .flatMap(c -> Blocking.call(() -> {
                    Image image = images.modifiable(c, id);
                    if (!image.visibility.equals("shared")) {
                        throw ApiException.forbidden("Only shared images have members.");
                    }
                    if (memberId.equals(image.owner)) {
                        throw ApiException.badRequest("The owner of an image cannot be one of its members.");
                    }
                    if (members.find(id, memberId).isPresent()) {
                        throw ApiException.conflict("Member " + memberId + " already exists on image " + id + ".");
                    }
                    long now = clock.millis();
                    Member m = new Member(id, memberId, "pending", now, now);
                    members.insert(m);
                    return document(m);
                }));
    }

    @GetMapping("/images/{id}/members/{member}")
    public Mono<Map<String, Object>> show(
            ServerHttpRequest request, @PathVariable String id, @PathVariable String member) {
        return auth.authenticate(request)
                .flatMap(c -> Blocking.call(() -> {
                    Image image = images.get(c, id);
                    if (!isOwnerOrAdmin(c, image) && !member.equals(c.projectId())) {
                        throw ApiException.notFound("Member " + member + " not found on image " + id + ".");
                    }
                    return document(find(id, member));
                }));
    }

    @PutMapping("/images/{id}/members/{member}")
    public Mono<Map<String, Object>> answer(
            ServerHttpRequest request,
            @PathVariable String id,
            @PathVariable String member,
            @RequestBody(required = false) @Nullable JsonNode body) {
        JsonNode statusNode = body == null ? null : body.get("status");
        if (statusNode == null || !statusNode.isString() || !STATUSES.contains(statusNode.asString())) {
            return Mono.error(ApiException.badRequest(
                    "The body needs {\"status\": \"accepted\"|\"rejected\"|" + "\"pending\"}."));
        }
        String status = statusNode.asString();
        return auth.authenticate(request)
                .flatMap(c -> Blocking.call(() -> {
                    images.get(c, id);
                    find(id, member);
                    // only the member project answers for itself (Glance: the owner cannot accept on its behalf)
                    if (!member.equals(c.projectId())) {
                        throw ApiException.forbidden("Only the member project can accept or reject a shared image.");
                    }
                    long now = clock.millis();
                    members.updateStatus(id, member, status, now);
                    return document(find(id, member));
                }));
    }

    @DeleteMapping("/images/{id}/members/{member}")
    public Mono<ResponseEntity<Void>> remove(
            ServerHttpRequest request, @PathVariable String id, @PathVariable String member) {
        return auth.authenticate(request)
                .flatMap(c -> Blocking.call(() -> {
                    images.modifiable(c, id);
                    if (members.delete(id, member) == 0) {
                        throw ApiException.notFound("Member " + member + " not found on image " + id + ".");
                    }
                    return ResponseEntity.noContent().<Void>build();
                }));
    }

    private Member find(String id, String member) {
        return members.find(id, member)
                .orElseThrow(() -> ApiException.notFound("Member " + member + " not found on image " + id + "."));
    }

    private static boolean isOwnerOrAdmin(TokenClaims c, Image image) {
        return ImageService.isAdmin(c) || Objects.equals(image.owner, c.projectId());
    }

    static Map<String, Object> document(Member m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("created_at", ImageViews.time(m.createdAt()));
        d.put("image_id", m.imageId());
        d.put("member_id", m.memberId());
        d.put("schema", "/v2/schemas/member");
        d.put("status", m.status());
        d.put("updated_at", ImageViews.time(m.updatedAt()));
        return d;
    }
}
