package io.cairn.compute.system;

import io.cairn.compute.config.ApiProperties;
import io.cairn.compute.config.ComputeProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers 404 (OpenStack's error body) for the API a process does not serve ({@link ApiProperties}, {@code
 * cairn.compute.enabled}), so a {@code cairn image-api} behind a load balancer never hands out tokens, a {@code cairn
 * identity-api} never takes image data, and neither accepts servers it has no scheduler for.
 *
 * <p>Thread-safe (immutable).
 */
@Component
@Order(-200)
public final class ServedApisFilter implements WebFilter {
    private final ApiProperties apis;
    private final boolean compute;

    public ServedApisFilter(ApiProperties apis, ComputeProperties compute) {
        this.apis = apis;
        this.compute = compute.enabled();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if ((!apis.identity() && under(path, "/identity"))
                || (!apis.image() && under(path, "/image"))
                || (!compute && under(path, "/compute"))) {
            return Mono.error(ApiException.notFound("This process does not serve " + path.split("/", 3)[1] + "."));
        }
        return chain.filter(exchange);
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
