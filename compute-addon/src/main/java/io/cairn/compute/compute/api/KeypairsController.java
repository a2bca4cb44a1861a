package io.cairn.compute.compute.api;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.compute.KeypairRepository;
import io.cairn.compute.compute.QuotaRepository;
import io.cairn.compute.identity.RequestAuthenticator;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code /os-keypairs}: a user's key pairs. Create answers 200 at 2.1 and 201 from 2.2 (which adds {@code type});
 * delete 202 at 2.1 and 204 from 2.2; {@code user_id} (admin) from 2.10; no paging before 2.35's... (2.35 adds
 * {@code limit}/{@code marker}, accepted here).
 */
@RestController
@RequestMapping("/compute/v2.1/os-keypairs")
public class KeypairsController {
    private final KeypairRepository keypairs;
    private final QuotaRepository quotas;
    private final RequestAuthenticator auth;

    public KeypairsController(KeypairRepository keypairs, QuotaRepository quotas, RequestAuthenticator auth) {
        this.keypairs = keypairs;
        this.quotas = quotas;
        this.auth = auth;
    }

    private static String user(TokenClaims c, ServerWebExchange exchange, NovaVersion v) {
        String asked = exchange.getRequest().getQueryParams().getFirst("user_id");
        if (asked != null && v.atLeast(10) && !asked.equals(c.userId())) {
            if (!c.hasRole("admin")) {
                throw ApiException.forbidden("Policy doesn't allow os_compute_api:os-keypairs to be performed.");
            }
            return asked;
        }
        return c.userId();
    }

    private static Map<String, Object> brief(KeypairRepository.Keypair k, NovaVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fingerprint", k.fingerprint());
        m.put("name", k.name());
        m.put("public_key", k.publicKey());
        if (v.atLeast(2)) {
            m.put("type", k.type());
        }
        return m;
    }

    @GetMapping
    public Mono<Map<String, Object>> list(ServerWebExchange exchange) {
        NovaVersion v = NovaVersion.of(exchange);
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    List<Object> out = new ArrayList<>();
                    for (KeypairRepository.Keypair k : keypairs.list(user(c, exchange, v))) {
                        out.add(Map.of("keypair", brief(k, v)));
                    }
                    return Map.of("keypairs", out);
                }));
    }

    @GetMapping("/{name}")
    public Mono<Map<String, Object>> show(ServerWebExchange exchange, @PathVariable String name) {
        NovaVersion v = NovaVersion.of(exchange);
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    String user = user(c, exchange, v);
                    KeypairRepository.Keypair k = keypairs.find(user, name)
                            .orElseThrow(
                                    () -> ApiException.notFound("Keypair " + name + " not found for user " + user));
                    Map<String, @Nullable Object> m = new LinkedHashMap<>(brief(k, v));
                    m.put("created_at", NovaTime.micros(k.createdAt()));
                    m.put("deleted", false);
                    m.put("deleted_at", null);
                    m.put("id", k.id());
                    m.put("updated_at", null);
                    m.put("user_id", k.userId());
                    return Map.of("keypair", m);
                }));
    }

    @PostMapping
    public Mono<ResponseEntity<Map<String, Object>>> create(
            ServerWebExchange exchange, @RequestBody(required = false) @Nullable JsonNode body) {
        NovaVersion v = NovaVersion.of(exchange);
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    JsonNode k = Bodies.object(body, "keypair");
                    Bodies.only(
                            k,
                            v.atLeast(10)
                                    ? Set.of("name", "public_key", "type", "user_id")
                                    : v.atLeast(2)
                                            ? Set.of("name", "public_key", "type")
                                            : Set.of("name", "public_key"));
                    String name = Bodies.name(k, "name");
                    if (!name.matches("[a-zA-Z0-9 _\\-.@]+")) {
                        throw ApiException.badRequest(
                                "Keypair data is invalid: Keypair name contains unsafe characters");
                    }
                    String type = Bodies.string(k, "type", 10, false);
                    if (type != null && !type.equals("ssh") && !type.equals("x509")) {
                        throw Bodies.invalid("type", type, "'" + type + "' is not one of ['ssh', 'x509']");
                    }
                    String user = c.userId();
                    String given = Bodies.string(k, "public_key", 65535, false);
                    SshKeys.Generated generated = given == null ? SshKeys.generate("Generated-by-Cairn") : null;
                    String publicKey = generated == null ? String.valueOf(given).strip() : generated.publicKey();
                    String fingerprint = SshKeys.fingerprint(publicKey);
                    int limit = quotas.limit(ServerService.project(c), QuotaRepository.KEY_PAIRS);
                    switch (keypairs.insert(
                            user,
                            name,
                            publicKey,
                            fingerprint,
                            type == null ? "ssh" : type,
                            limit,
                            System.currentTimeMillis())) {
                        case EXISTS -> throw ApiException.conflict("Key pair '" + name + "' already exists.");
                        case OVER_QUOTA -> throw ApiException.forbidden("Quota exceeded, too many key pairs.");
                        case CREATED -> {
                            // fall through to the answer
                        }
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("fingerprint", fingerprint);
                    m.put("name", name);
                    m.put("public_key", publicKey);
                    if (generated != null) {
                        m.put("private_key", generated.privateKey());
                    }
                    m.put("user_id", user);
                    if (v.atLeast(2)) {
                        m.put("type", type == null ? "ssh" : type);
                    }
                    return ResponseEntity.status(v.atLeast(2) ? HttpStatus.CREATED : HttpStatus.OK)
                            .body(Map.<String, Object>of("keypair", m));
                }));
    }

    @DeleteMapping("/{name}")
    public Mono<ResponseEntity<Void>> delete(ServerWebExchange exchange, @PathVariable String name) {
        NovaVersion v = NovaVersion.of(exchange);
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.run(() -> {
                    String user = user(c, exchange, v);
                    if (!keypairs.delete(user, name)) {
                        throw ApiException.notFound("Keypair " + name + " not found for user " + user);
                    }
                }))
                .thenReturn(
                        v.atLeast(2)
                                ? ResponseEntity.noContent().build()
                                : ResponseEntity.accepted().build());
    }
}
