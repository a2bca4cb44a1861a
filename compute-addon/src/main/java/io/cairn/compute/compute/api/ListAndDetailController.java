package io.cairn.compute.compute.api;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The two listing routes a Nova collection answers: {@code GET <collection>} (the short view of each item) and
 * {@code GET <collection>/detail} (the full view), both one page of the same selection. A collection's controller
 * extends it and says how a page is built; Spring maps the inherited routes under the subclass's own
 * {@code @RequestMapping}.
 *
 * <p>Thread-safety: stateless; subclasses are Spring singletons.
 */
abstract class ListAndDetailController {
    @GetMapping
    public Mono<Map<String, Object>> list(ServerWebExchange exchange) {
        return page(exchange, false);
    }

    @GetMapping("/detail")
    public Mono<Map<String, Object>> detail(ServerWebExchange exchange) {
        return page(exchange, true);
    }

    /** One page of the collection as the request's query selects it; {@code detail}: the full view of each item. */
    abstract Mono<Map<String, Object>> page(ServerWebExchange exchange, boolean detail);
}
