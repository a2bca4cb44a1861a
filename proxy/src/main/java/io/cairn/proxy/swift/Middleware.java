package io.cairn.proxy.swift;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One filter of {@code [pipeline:main]} implemented on the application seam (Swift's WSGI middleware, e.g.
 * {@code slo}, {@code dlo}): for each exchange it either returns {@code next.operationFor(exchange)}
 * unchanged — the pass-through, which must stay a cheap check of the method, path or a header — or an
 * operation of its own that serves the exchange, typically with subrequests to {@code next}. The chain runs
 * for every request below the server-side copy ({@code copy} sits above the large-object filters in Swift's
 * pipeline, so a copy's source read and destination write go through them), in pipeline order.
 *
 * <p>Implementations are immutable and thread-safe; their operations are confined to the exchange's event
 * loop.
 */
public interface Middleware {
    /** Serves {@code exchange}, or passes it on to {@code next}. */
    @Nullable
    Operation operationFor(Exchange exchange, SwiftApp next);

    /**
     * Whether this filter sits above server-side copy in Swift's pipeline (e.g. {@code tempurl}, which must see
     * a COPY before it becomes a GET and a PUT); the chain above copy runs for every client request, in
     * pipeline order, before the one below it.
     */
    default boolean aboveCopy() {
        return false;
    }

    /**
     * Whether this filter sits after the auth filter in Swift's pipeline (everything below copy, and
     * {@code staticweb}); {@code tempurl} and {@code domain_remap} sit before it. Only the order of {@code /info}'s
     * sections depends on it: authorization itself is delayed to the operations, as Swift's.
     */
    default boolean afterAuth() {
        return !aboveCopy();
    }

    /** Adds this filter's section to {@code /info} (Swift's {@code register_swift_info}); none by default. */
    default void registerInfo(Map<String, Object> info) {}
}
