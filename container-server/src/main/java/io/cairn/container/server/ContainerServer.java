package io.cairn.container.server;

import io.cairn.common.config.SwiftConf;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.BackendClient;
import io.cairn.common.http.Transport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.path.NameValidator;
import io.cairn.common.server.StorageServer;
import io.cairn.container.commit.ObjectRowCommitter;
import io.cairn.container.http.AccountUpdater;
import io.cairn.container.http.ContainerBrokers;
import io.cairn.container.http.ContainerContext;
import io.cairn.container.http.PolicyIndexes;
import io.cairn.ring.Ring;
import io.cairn.ring.RingLoader;
import io.cairn.ring.policy.StoragePolicies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Swift's container server on Netty: binds {@code bind_ip:bind_port} (0 = any free port) and serves the backend
 * container protocol over the DBs under {@code devices}. Built on the storage-server scaffold ({@link
 * StorageServer}: event loops, device executors, access log, recon, graceful stop), it supplies the container
 * context (brokers, group-commit ring, account updater) and its own pipeline stages ({@link
 * ContainerServerStages}). {@link #close} stops accepting, drains the group-commit ring, stops the device
 * executors and closes the DBs.
 *
 * <p>Thread-safety: {@link #start} and {@link #close} from the owner thread; {@link #port} and
 * {@link #committer} are safe after {@code start}.
 */
public final class ContainerServer implements AutoCloseable {
    private final ContainerServerConfig config;
    private final StorageServer server;
    private final ObjectRowCommitter committer;
    private final ContainerContext context;

    /** A server reading {@code swift_dir/swift.conf}, on the system clock, serving no recon (tools, tests). */
    public ContainerServer(ContainerServerConfig config, Transport transport) {
        this(config, SwiftConf.load(config.swiftDir()), transport, Clock.systemUTC(), null);
    }

    /**
     * @param swiftConf {@code swift.conf}: hash path, constraints and storage policies (read by {@link
     *     StoragePolicies}, as every server reads them)
     * @param clock the brokers' time source
     * @param recon the node's daemons' passes and gauges, served at {@code /recon/*}; null serves no recon
     * @throws io.cairn.ring.policy.PolicyException if swift.conf's policies are invalid
     */
    public ContainerServer(
            ContainerServerConfig config,
            SwiftConf swiftConf,
            Transport transport,
            Clock clock,
            @Nullable ReconRegistry recon) {
        this.config = config;
        ContainerContext.Settings settings = settings(config, swiftConf, policies(swiftConf));
        this.server = new StorageServer(config.serverSettings(), transport, recon);
        BackendClient client = server.closeBeforeExecutors(
                new BackendClient(transport, server.workerGroup(), 64 * 1024, config.connTimeout()));
        this.committer = server.closeBeforeExecutors(new ObjectRowCommitter(
                server.executors(),
                config.groupCommitRingSize(),
                config.groupCommitMaxBatch(),
                config.pendingFoldDelay()));
        ContainerBrokers brokers = server.closeAfterExecutors(new ContainerBrokers(clock, config.maxOpenDbs()));
        this.context = new ContainerContext(
                new DeviceRoot(config.devices(), config.mountCheck()),
                server.executors(),
                brokers,
                committer,
                new AccountUpdater(client, config.nodeTimeout(), accountRing(config.swiftDir()), swiftConf.hashPath()),
                swiftConf.hashPath(),
                settings);
    }

    private static ContainerContext.Settings settings(
            ContainerServerConfig config, SwiftConf swiftConf, PolicyIndexes policies) {
        String autoCreate = config.autoCreateAccountPrefix().isEmpty()
                ? swiftConf.constraints().autoCreateAccountPrefix()
                : config.autoCreateAccountPrefix();
        List<String> saveHeaders = new ArrayList<>(
                List.of("x-container-read", "x-container-write", "x-container-sync-key", "x-container-sync-to"));
        if (config.allowVersions()) {
            saveHeaders.add("x-versions-location");
        }
        return new ContainerContext.Settings(
                saveHeaders,
                autoCreate,
                swiftConf.constraints().containerListingLimit(),
                config.listingChunkSize(),
                config.replicationServer(),
                policies,
                new NameValidator(swiftConf.constraints()),
                Set.copyOf(config.allowedSyncHosts()));
    }

    /**
     * The account ring of {@code swift_dir}, loaded on first use and reloaded when it changes; null while there is
     * none (a container server alone, tests).
     */
    private static Supplier<@Nullable Ring> accountRing(Path swiftDir) {
        AtomicReference<@Nullable RingLoader> loader = new AtomicReference<>();
        return () -> {
            RingLoader current = loader.get();
            if (current == null) {
                Path file = swiftDir.resolve("account.ring.gz");
                if (!Files.isRegularFile(file)) {
                    return null;
                }
                try {
                    current = RingLoader.open(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                loader.compareAndSet(null, current);
            }
            return current.ring();
        };
    }

    /** Binds and starts serving; reports unknown config keys. */
    public void start() throws InterruptedException {
        server.start(false, new ContainerServerStages(context, config.clientTimeout(), config.maxRequestBytes()));
    }

    /** The storage policy indexes of {@code swift.conf} and the default one, as {@link StoragePolicies} reads them. */
    static PolicyIndexes policies(SwiftConf swiftConf) {
        StoragePolicies policies = StoragePolicies.fromSwiftConf(swiftConf.ini());
        return new PolicyIndexes(
                policies.namesByIndex().keySet(), policies.defaultPolicy().index());
    }

    /** The bound port (after {@link #start}); -1 before. */
    public int port() {
        return server.port();
    }

    /** The object-row committer (its counters show the group commit at work). */
    public ObjectRowCommitter committer() {
        return committer;
    }

    /** Stops accepting, drains the group-commit ring, stops the device executors, then closes the DBs. */
    @Override
    public void close() {
        server.close();
    }
}
