package io.cairn.proxy.routing;

import io.cairn.ring.Ring;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The rings the proxy routes with: account, container, and one object ring per storage policy. Backed by
 * suppliers so a {@link io.cairn.ring.RingLoader} can swap a ring that changed on disk.
 *
 * <p>Thread-safe if the suppliers are.
 */
public final class ProxyRings {
    private final Supplier<Ring> account;
    private final Supplier<Ring> container;
    private final IntFunction<@Nullable Ring> objects;

    /** @param objects the object ring of a policy index, or null for an unknown policy */
    public ProxyRings(Supplier<Ring> account, Supplier<Ring> container, IntFunction<@Nullable Ring> objects) {
        this.account = account;
        this.container = container;
        this.objects = objects;
    }

    public Ring account() {
        return account.get();
    }

    public Ring container() {
        return container.get();
    }

    /** The object ring of {@code policyIndex}, or null if the proxy has none for it. */
    public @Nullable Ring object(int policyIndex) {
        return objects.apply(policyIndex);
    }
}
