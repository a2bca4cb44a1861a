package io.cairn.compute.compute.api;

import io.cairn.compute.system.NovaErrors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every response gets {@code x-openstack-request-id} ({@code req-<uuid>}); compute responses also get {@code
 * x-compute-request-id}. Under {@code /compute/v2.1} the microversion is read from {@code OpenStack-API-Version:
 * compute X} or {@code X-OpenStack-Nova-API-Version: X} (default 2.1, {@code latest} = the maximum), echoed in both
 * headers with {@code Vary}; a malformed version is 400 and one outside 2.1..max is 406, as Nova answers.
 */
@Component
@Order(-100)
public final class NovaRequestFilter implements WebFilter {
    public static final String REQUEST_ID = "cairn.request-id";
    static final String LEGACY_HEADER = "X-OpenStack-Nova-API-Version";
    static final String HEADER = "OpenStack-API-Version";

    private final JsonMapper json;

    public NovaRequestFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = "req-" + UUID.randomUUID();
        exchange.getAttributes().put(REQUEST_ID, requestId);
        HttpHeaders out = exchange.getResponse().getHeaders();
        out.set("x-openstack-request-id", requestId);
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!NovaErrors.isCompute(path)) {
            return chain.filter(exchange);
        }
        out.set("x-compute-request-id", requestId);
        if (!path.startsWith("/compute/v2.1")) {
            return chain.filter(exchange);
        }
        String asked = requested(exchange.getRequest().getHeaders());
        NovaVersion version;
        try {
            version = asked == null ? NovaVersion.MIN : NovaVersion.parse(asked);
        } catch (IllegalArgumentException e) {
            return refuse(
                    exchange.getResponse(),
                    HttpStatus.BAD_REQUEST,
                    "API Version String " + asked + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
        if (!version.supported()) {
            return refuse(
                    exchange.getResponse(),
                    HttpStatus.NOT_ACCEPTABLE,
                    "Version " + version
                            + " is not supported by the API. Minimum is " + NovaVersion.MIN + " and maximum is "
                            + NovaVersion.MAX + ".");
        }
        exchange.getAttributes().put(NovaVersion.ATTRIBUTE, version);
        out.set(HEADER, "compute " + version);
        out.set(LEGACY_HEADER, version.toString());
        out.set(HttpHeaders.VARY, HEADER + ", " + LEGACY_HEADER);
        return chain.filter(exchange);
    }

    /** The version asked for: the new header's {@code compute X} wins over the legacy header, as in Nova. */
    private static @Nullable String requested(HttpHeaders headers) {
        for (String value : headers.getOrEmpty(HEADER)) {
            for (String part : value.split(",")) {
                List<String> words = List.of(part.strip().split("\\s+"));
                if (words.size() == 2 && words.get(0).equalsIgnoreCase("compute")) {
                    return words.get(1);
                }
            }
        }
        String legacy = headers.getFirst(LEGACY_HEADER);
        return legacy == null || legacy.isBlank() ? null : legacy.strip();
    }

    private Mono<Void> refuse(ServerHttpResponse response, HttpStatus status, String message) {
        byte[] body = json.writeValueAsString(NovaErrors.body(status.value(), message))
                .getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
