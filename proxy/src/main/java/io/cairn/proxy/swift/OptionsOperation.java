package io.cairn.proxy.swift;

import io.cairn.proxy.info.ContainerInfo;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * OPTIONS and CORS preflight (Swift's {@code Controller.OPTIONS}, reference §10.3): without {@code
 * Origin} → 200 with {@code Allow}; on an account → the same; otherwise the origin must be allowed by the
 * container's {@code X-Container-Meta-Access-Control-Allow-Origin} or the proxy's {@code
 * cors_allow_origin} and the requested method must be allowed, else 401; the answer carries the
 * {@code Access-Control-Allow-*} headers.
 *
 * <p>Confined to the client channel's event loop.
 */
final class OptionsOperation extends BodilessOperation {
    private static final String OBJECT_METHODS = "COPY, DELETE, GET, HEAD, OPTIONS, POST, PUT";
    private static final String CONTAINER_METHODS = "DELETE, GET, HEAD, OPTIONS, POST, PUT";

    OptionsOperation(Exchange exchange) {
        super(exchange);
    }

    @Override
    protected void run() {
        SwiftPath p = exchange.path();
        String allow = p.container() == null
                ? (exchange.services().config().allowAccountManagement()
                        ? "DELETE, GET, HEAD, OPTIONS, POST, PUT"
                        : "GET, HEAD, OPTIONS, POST")
                : p.object() == null ? CONTAINER_METHODS : OBJECT_METHODS;
        String origin = exchange.headers().get("Origin");
        if (origin == null || origin.isEmpty() || p.container() == null) {
            exchange.respond(allowResponse(200, allow));
            return;
        }
        OnLoop.then(
                exchange,
                exchange.services().infoCache().container(p.account(), p.container()),
                info -> exchange.respond(preflight(info, origin, allow)));
    }

    private FullHttpResponse preflight(ContainerInfo info, String origin, String allow) {
        String method = exchange.headers().get("Access-Control-Request-Method");
        List<String> allowed = List.of(allow.split(", "));
        if (!Cors.originAllowed(exchange.services().config(), info, origin)
                || method == null
                || !allowed.contains(method)) {
            // the copy middleware adds COPY to Allow on successful answers only
            return allowResponse(401, allow.replace("COPY, ", ""));
        }
        FullHttpResponse r = allowResponse(200, allow);
        // Swift's preflight answer is a bare Response: no Content-Type
        r.headers().remove("Content-Type");
        String vary = null;
        if (info.corsAllowOrigin() != null && info.corsAllowOrigin().trim().equals("*")) {
            r.headers().set("Access-Control-Allow-Origin", "*");
        } else {
            r.headers().set("Access-Control-Allow-Origin", origin);
            vary = "Origin";
        }
        if (info.corsMaxAge() != null) {
            r.headers().set("Access-Control-Max-Age", info.corsMaxAge());
        }
        r.headers().set("Access-Control-Allow-Methods", allow);
        Set<String> requested = new LinkedHashSet<>();
        for (String h :
                exchange.headers().get("Access-Control-Request-Headers", "").split(",")) {
            if (!h.trim().isEmpty()) {
                requested.add(h.trim());
            }
        }
        if (!requested.isEmpty()) {
            r.headers().set("Access-Control-Allow-Headers", String.join(", ", requested));
            vary = vary == null ? "Access-Control-Request-Headers" : vary + ", Access-Control-Request-Headers";
        }
        if (vary != null) {
            r.headers().set("Vary", vary);
        }
        return r;
    }

    private static FullHttpResponse allowResponse(int status, String allow) {
        FullHttpResponse r = SwiftResponses.standard(status);
        r.headers().set("Allow", allow);
        return r;
    }
}
