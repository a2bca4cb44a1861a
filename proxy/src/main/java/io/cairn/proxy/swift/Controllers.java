package io.cairn.proxy.swift;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code get_controller} plus the controllers' allowed methods (reference §4.1): picks the
 * operation for a resource and verb, or answers 405 with {@code Allow}.
 *
 * <p>Thread-safety: stateless.
 */
final class Controllers {
    private Controllers() {}

    /**
     * The operation for the exchange, or null after answering it (405): OPTIONS and server-side copy (above
     * the middleware in Swift's pipeline) here, everything else through the pipeline's middleware ({@link
     * ProxyServices#app}) down to {@link #base}.
     */
    static @Nullable Operation operationFor(Exchange ex) {
        if (ex.method().name().equals("OPTIONS") && !(ex.request() instanceof ForeignRequest)) {
            return new OptionsOperation(ex);
        }
        return ex.services().top().operationFor(ex);
    }

    /** Server-side copy, else the application below it ({@link ProxyServices#app}). */
    static @Nullable Operation copyOrBelow(Exchange ex) {
        SwiftPath p = ex.path();
        String m = ex.method().name();
        if (p.object() != null
                && (m.equals("COPY") || (m.equals("PUT") && ex.headers().contains("X-Copy-From")))) {
            return m.equals("COPY") ? ObjectCopyOperation.fromCopy(ex) : ObjectCopyOperation.fromPut(ex);
        }
        return ex.services().app().operationFor(ex);
    }

    /** The proxy application itself, below every middleware (Swift's {@code proxy-server} app). */
    static @Nullable Operation base(Exchange ex) {
        SwiftPath p = ex.path();
        String m = ex.method().name();
        if (p.container() == null) {
            return account(ex, m);
        }
        if (p.object() == null) {
            return container(ex, m);
        }
        return object(ex, m);
    }

    private static @Nullable Operation account(Exchange ex, String m) {
        boolean manage = ex.services().config().allowAccountManagement();
        switch (m) {
            case "GET", "HEAD" -> {
                return new AccountReadOperation(ex);
            }
            case "POST" -> {
                return new AccountPostOperation(ex);
            }
            case "PUT", "DELETE" -> {
                if (manage) {
                    return new AccountManageOperation(ex);
                }
                return notAllowed(ex, manage ? "DELETE, GET, HEAD, OPTIONS, POST, PUT" : "GET, HEAD, OPTIONS, POST");
            }
            default -> {
                return notAllowed(ex, manage ? "DELETE, GET, HEAD, OPTIONS, POST, PUT" : "GET, HEAD, OPTIONS, POST");
            }
        }
    }

    private static @Nullable Operation container(Exchange ex, String m) {
        return switch (m) {
            case "GET", "HEAD" -> new ContainerReadOperation(ex);
            case "PUT" -> new ContainerPutOperation(ex);
            case "POST" -> new ContainerPostOperation(ex);
            case "DELETE" -> new ContainerDeleteOperation(ex);
            default -> notAllowed(ex, "DELETE, GET, HEAD, OPTIONS, POST, PUT");
        };
    }

    private static @Nullable Operation object(Exchange ex, String m) {
        return switch (m) {
            case "GET", "HEAD" -> new ObjectGetOperation(ex);
            case "PUT" -> ObjectPutOperation.fromClient(ex);
            case "POST" -> new ObjectPostOperation(ex);
            case "DELETE" -> new ObjectDeleteOperation(ex);
            default -> notAllowed(ex, "COPY, DELETE, GET, HEAD, OPTIONS, POST, PUT");
        };
    }

    private static @Nullable Operation notAllowed(Exchange ex, String allow) {
        FullHttpResponse r = SwiftResponses.standard(405);
        r.headers().set("Allow", allow);
        return new BodilessOperation(ex) {
            @Override
            protected void run() {
                ex.respond(r);
            }
        };
    }

    /** Whether the method is one that reads (for ACL choice). */
    static boolean isRead(HttpMethod method) {
        return method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
    }
}
