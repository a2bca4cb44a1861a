package io.cairn.container.server;

import io.cairn.common.concurrent.NamedThreadFactory;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.daemon.ReconDocuments;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.AccessLogSink;
import io.cairn.common.http.BackendClient;
import io.cairn.common.http.HttpServerHost;
import io.cairn.common.http.Transport;
import io.cairn.common.io.DeviceExecutors;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.path.NameValidator;
import io.cairn.container.commit.ObjectRowCommitter;
import io.cairn.container.http.AccountUpdater;
import io.cairn.container.http.ContainerBrokers;
import io.cairn.container.http.ContainerContext;
import io.cairn.container.http.PolicyIndexes;
import io.cairn.ring.Ring;
import io.cairn.ring.RingLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Swift's container server on Netty: binds {@code bind_ip:bind_port} (0 = any free port), serves the
 * backend container protocol over the DBs under {@code devices}, and on {@link #close} stops accepting,
 * drains the group-commit ring, stops the device executors and closes the DBs.
 *
 * <p>Thread-safety: {@link #start} and {@link #close} from the owner thread; {@link #port} and
 * {@link #committer} are safe after {@code start}.
 */
public final class ContainerServer implements AutoCloseable {
    private static final Logger LOG = System.getLogger(ContainerServer.class.getName());

    private final ContainerServerConfig config;
    private final Transport transport;
    private @Nullable HttpServerHost host;
    private @Nullable DeviceExecutors executors;
    private @Nullable ObjectRowCommitter committer;
    private @Nullable ContainerBrokers brokers;
    private @Nullable BackendClient backendClient;
    private final @Nullable ReconRegistry recon;
    private @Nullable ExecutorService reconExecutor;
    private @Nullable AccessLogSink accessLog;

    public ContainerServer(ContainerServerConfig config, Transport transport) {
        this(config, transport, null);
    }

    /** @param recon the node's daemons' passes and gauges, served at {@code /recon/*}; null serves no recon */
    public ContainerServer(ContainerServerConfig config, Transport transport, @Nullable ReconRegistry recon) {
        this.config = config;
        this.transport = transport;
        this.recon = recon;
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

    /** Starts serving; reports unknown config keys. */
    public void start() throws InterruptedException {
        for (String key : config.unknownKeys()) {
            LOG.log(Level.WARNING, "container-server.conf: unknown key '" + key + "' is ignored");
        }
        SwiftConf swiftConf = SwiftConf.load(config.swiftDir());
        HttpServerHost h = HttpServerHost.withOwnGroups(transport, config.workers(), "container");
        host = h;
        DeviceExecutors ex = new DeviceExecutors(config.deviceThreads(), config.deviceQueue(), "container");
        executors = ex;
        ObjectRowCommitter c = new ObjectRowCommitter(
                ex, config.groupCommitRingSize(), config.groupCommitMaxBatch(), config.pendingFoldDelay());
        committer = c;
        ContainerBrokers b = new ContainerBrokers(Clock.systemUTC(), config.maxOpenDbs());
        brokers = b;
        BackendClient client = new BackendClient(transport, h.workerGroup(), 64 * 1024, config.connTimeout());
        backendClient = client;
        String autoCreate = config.autoCreateAccountPrefix().isEmpty()
                ? swiftConf.constraints().autoCreateAccountPrefix()
                : config.autoCreateAccountPrefix();
        List<String> saveHeaders = new ArrayList<>(
                List.of("x-container-read", "x-container-write", "x-container-sync-key", "x-container-sync-to"));
        if (config.allowVersions()) {
            saveHeaders.add("x-versions-location");
        }
        ContainerContext.Settings settings = new ContainerContext.Settings(
                saveHeaders,
                autoCreate,
                swiftConf.constraints().containerListingLimit(),
                config.listingChunkSize(),
                config.replicationServer(),
                policies(swiftConf),
                new NameValidator(swiftConf.constraints()),
                Set.copyOf(config.allowedSyncHosts()));
        ContainerContext context = new ContainerContext(
                new DeviceRoot(config.devices(), config.mountCheck()),
                ex,
                b,
                c,
                new AccountUpdater(client, config.nodeTimeout(), accountRing(config.swiftDir()), swiftConf.hashPath()),
                swiftConf.hashPath(),
                settings);
        AccessLogSink access = AccessLogSink.toLogger("io.cairn.container.access");
        accessLog = access;
        ReconRegistry registry = recon;
        ExecutorService reconThread = registry == null
                ? null
                : Executors.newSingleThreadExecutor(NamedThreadFactory.single("container-server-recon"));
        reconExecutor = reconThread;
        h.start(
                config.bindIp(),
                config.bindPort(),
                new ContainerServerInitializer(
                        context,
                        config.clientTimeout(),
                        config.maxRequestBytes(),
                        access,
                        registry == null ? null : new ReconDocuments(registry, config.devices()),
                        reconThread));
        LOG.log(
                Level.INFO,
                "container-server listening on " + config.bindIp() + ":" + h.port() + " (" + transport + ")");
    }

    /** The storage policies of {@code swift.conf}: {@code [storage-policy:N]} sections, default flagged. */
    static PolicyIndexes policies(SwiftConf swiftConf) {
        Set<Integer> known = new HashSet<>();
        int defaultIndex = -1;
        for (String name : swiftConf.ini().sectionNames()) {
            if (!name.startsWith("storage-policy:")) {
                continue;
            }
            int index =
                    Integer.parseInt(name.substring("storage-policy:".length()).strip());
            known.add(index);
            ConfigSection s = swiftConf.ini().section(name);
            if (s.getString("default", "no").toLowerCase(Locale.ROOT).matches("true|1|yes|on|t|y")) {
                defaultIndex = index;
            }
        }
        if (known.isEmpty()) {
            return PolicyIndexes.legacy();
        }
        if (defaultIndex < 0) {
            defaultIndex = known.size() == 1 ? known.iterator().next() : 0;
        }
        return new PolicyIndexes(known, defaultIndex);
    }

    /** The bound port (after {@link #start}). */
    public int port() {
        HttpServerHost h = host;
        return h == null ? -1 : h.port();
    }

    /** The object-row committer (its counters show the group commit at work). */
    public ObjectRowCommitter committer() {
        ObjectRowCommitter c = committer;
        if (c == null) {
            throw new IllegalStateException("not started");
        }
        return c;
    }

    @Override
    public void close() {
        HttpServerHost h = host;
        if (h != null) {
            h.close();
        }
        AccessLogSink access = accessLog;
        if (access != null) {
            access.close(); // after the event loops stopped: every line logged is written
            accessLog = null;
        }
        ExecutorService r = reconExecutor;
        if (r != null) {
            r.shutdownNow();
        }
        BackendClient client = backendClient;
        if (client != null) {
            client.close();
        }
        ObjectRowCommitter c = committer;
        if (c != null) {
            c.close();
        }
        DeviceExecutors ex = executors;
        if (ex != null) {
            ex.close();
        }
        ContainerBrokers b = brokers;
        if (b != null) {
            b.close();
        }
    }
}
