package io.cairn.cli;

import io.cairn.ring.Ring;
import io.cairn.ring.RingLoader;
import io.cairn.ring.policy.StoragePolicies;
import io.cairn.ring.policy.StoragePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The rings of a cluster from {@code swift_dir}: {@code account.ring.gz}, {@code container.ring.gz} and one
 * {@code object[-N].ring.gz} per storage policy. Each file is loaded on first use and then reloaded when it
 * changes ({@link RingLoader}, Swift's 15 s check), so a storage node that never needs a ring never requires it.
 *
 * <p>Thread-safety: thread-safe (loaders are created under a concurrent map, and are themselves thread-safe).
 */
final class NodeRings {
    private final Path swiftDir;
    private final StoragePolicies policies;
    private final Map<String, RingLoader> loaders = new ConcurrentHashMap<>();

    NodeRings(Path swiftDir, StoragePolicies policies) {
        this.swiftDir = swiftDir;
        this.policies = policies;
    }

    /** The account ring. @throws UncheckedIOException if it is missing or invalid */
    Ring account() {
        return ring(ServerType.ACCOUNT.id() + ".ring.gz");
    }

    /** The container ring. @throws UncheckedIOException if it is missing or invalid */
    Ring container() {
        return ring(ServerType.CONTAINER.id() + ".ring.gz");
    }

    /** The ring of {@code type}; objects: the ring of policy 0. */
    Ring ring(ServerType type) {
        return switch (type) {
            case ACCOUNT -> account();
            case CONTAINER -> container();
            case OBJECT -> objectOrThrow(0);
        };
    }

    /** The object ring of a policy, or null when swift.conf has no such (supported) policy. */
    @Nullable
    Ring object(int policyIndex) {
        StoragePolicy policy = policies.byIndex(policyIndex);
        if (policy == null || !policy.isSupported()) {
            return null;
        }
        return ring(policy.ringFileName());
    }

    private Ring objectOrThrow(int policyIndex) {
        Ring ring = object(policyIndex);
        if (ring == null) {
            throw new IllegalStateException("swift.conf has no storage policy " + policyIndex);
        }
        return ring;
    }

    /** Loads every ring now; the proxy refuses to start without all of them, as Swift's does. */
    void loadAll() throws IOException {
        try {
            account();
            container();
            for (StoragePolicy p : policies.all()) {
                if (p.isSupported()) {
                    object(p.index());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Ring ring(String fileName) {
        return loaders.computeIfAbsent(fileName, this::open).ring();
    }

    private RingLoader open(String fileName) {
        Path file = swiftDir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("no ring " + file + " (build it with ./cairn ring "
                    + fileName.replace(".ring.gz", ".builder") + " create|add|rebalance)"));
        }
        try {
            return RingLoader.open(file);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read ring " + file + ": " + e.getMessage(), e));
        }
    }
}
