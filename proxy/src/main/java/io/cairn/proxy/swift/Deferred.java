package io.cairn.proxy.swift;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Holds a request while a filter looks something up (TempURL the account's and container's keys, the quotas the
 * container's or account's usage), then serves it with the operation the decision gives. The client's body is
 * not read meanwhile (chunks already read wait here, in order).
 *
 * <p>Confined to the exchange's event loop.
 */
public final class Deferred extends HoldingOperation {
    private final Exchange exchange;
    private final CompletableFuture<?> lookups;
    private final Supplier<@Nullable Operation> decision;

    /**
     * The operation {@code decision} gives once {@code lookups} complete: at once when they already have (a cached
     * lookup: no hop through the event loop, and a refusal is answered before the client can go away), else a
     * {@code Deferred} holding the request meanwhile.
     */
    public static @Nullable Operation when(
            Exchange exchange, CompletableFuture<?> lookups, Supplier<@Nullable Operation> decision) {
        return lookups.isDone() ? decision.get() : new Deferred(exchange, lookups, decision);
    }

    /**
     * A finished lookup's value, as {@link #when}'s decision reads it; null when the lookup failed (the request then
     * goes on and fails further down, as Swift's does when its info lookup fails).
     */
    public static <T> @Nullable T resultOf(CompletableFuture<T> lookup) {
        return lookup.isCompletedExceptionally() ? null : lookup.getNow(null);
    }

    private Deferred(Exchange exchange, CompletableFuture<?> lookups, Supplier<@Nullable Operation> decision) {
        this.exchange = exchange;
        this.lookups = lookups;
        this.decision = decision;
    }

    @Override
    public void start() {
        // a subrequest's body comes from its parent operation (a copy's source), not from the client's channel
        if (!exchange.isSubrequest()) {
            exchange.channel().config().setAutoRead(false);
        }
        lookups.whenComplete((v, failure) -> exchange.eventLoop().execute(this::decide));
    }

    private void decide() {
        // reading resumes before the real operation starts, so it can pause reading again for its own reasons
        if (!exchange.isSubrequest()) {
            exchange.channel().config().setAutoRead(true);
        }
        if (closed()) {
            releaseEarly();
            return;
        }
        serveWith(decision.get());
    }
}
