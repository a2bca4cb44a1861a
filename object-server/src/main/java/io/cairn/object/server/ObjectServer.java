package io.cairn.object.server;

import io.cairn.common.concurrent.NamedThreadFactory;
import io.cairn.common.daemon.ReconDocuments;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.AccessLogSink;
import io.cairn.common.http.BackendClient;
import io.cairn.common.http.HttpServerHost;
import io.cairn.common.http.Transport;
import io.cairn.common.io.DeviceExecutors;
import io.cairn.common.path.Constraints;
import io.cairn.common.path.ExpiringObjects;
import io.cairn.object.diskfile.DiskFileManager;
import io.cairn.object.http.ObjectApi;
import io.cairn.object.http.ObjectApiSettings;
import io.cairn.object.ssync.SsyncReceiver;
import io.cairn.object.ssync.SsyncReceiverSettings;
import io.cairn.object.update.ContainerUpdater;
import io.cairn.object.update.ExpirerQueue;
import io.cairn.ring.policy.StoragePolicies;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The object server: binds {@code bind_ip:bind_port} and serves Swift's backend object API over the given
 * storage. Owns its event loops, device executors and backend client; does not own the
 * {@link DiskFileManager} (the caller built it, and closes it after this server).
 *
 * <p>{@code workers} sets the number of event-loop threads (default one per core): one process with that many
 * event loops and one executor per device replaces Swift's forked workers.
 *
 * <p>Thread-safety: {@link #start} and {@link #close} are called by the owner thread; {@link #port} is
 * safe after {@code start}.
 */
public final class ObjectServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ObjectServer.class.getName());
    /** Swift's {@code network_chunk_size}: longest SSYNC line and largest body piece read at once. */
    private static final int NETWORK_CHUNK_SIZE = 65536;

    private final ObjectServerConfig config;
    private final HttpServerHost host;
    private final DeviceExecutors executors;
    private final BackendClient client;
    private final ObjectApi api;
    private final @Nullable ReconDocuments recon;
    private final @Nullable ExecutorService reconExecutor;
    /** Swift's {@code max_clients} default: the most requests one eventlet worker serves at once. */
    private static final int SWIFT_MAX_CLIENTS = 1024;

    private final ExecutorService ssyncThreads;
    private @Nullable AccessLogSink accessLog;

    /**
     * @param policies swift.conf's storage policies ({@code StoragePolicies.fromSwiftConf}); a request
     *     naming another index answers 503
     * @param constraints swift.conf's constraints
     */
    public ObjectServer(
            ObjectServerConfig config,
            DiskFileManager diskFiles,
            Transport transport,
            StoragePolicies policies,
            Constraints constraints,
            Clock clock) {
        this(config, diskFiles, transport, policies, constraints, clock, null);
    }

    /**
     * @param recon the node's daemons' passes and gauges, served at {@code /recon/*} (Swift's recon
     *     middleware); null serves no recon
     */
    public ObjectServer(
            ObjectServerConfig config,
            DiskFileManager diskFiles,
            Transport transport,
            StoragePolicies policies,
            Constraints constraints,
            Clock clock,
            @Nullable ReconRegistry recon) {
        this.config = config;
        this.recon = recon == null ? null : new ReconDocuments(recon, config.devices());
        this.reconExecutor = recon == null
                ? null
                : Executors.newSingleThreadExecutor(NamedThreadFactory.single("object-server-recon"));
        this.host = HttpServerHost.withOwnGroups(transport, config.workers(), "object-server");
        this.executors = new DeviceExecutors(config.deviceThreads(), config.deviceQueue(), "object");
        this.client = new BackendClient(transport, host.workerGroup(), 64 * 1024, config.connTimeout());
        IntPredicate policyExists = index -> policies.byIndex(index) != null;
        ObjectApiSettings settings = new ObjectApiSettings(
                        Set.copyOf(config.allowedHeaders()),
                        constraints,
                        config.maxUploadTime(),
                        config.replicationServer(),
                        policyExists,
                        clock,
                        config.etagValidateMaxBytes())
                .withDiskChunkSize(config.diskChunkSize());
        ContainerUpdater updater = new ContainerUpdater(
                client,
                diskFiles,
                executors,
                config.connTimeout().plus(config.nodeTimeout()),
                config.containerUpdateTimeout(),
                ProcessHandle.current().pid(),
                new ExpirerQueue(
                        ExpiringObjects.account(
                                config.autoCreateAccountPrefix().isEmpty()
                                        ? constraints.autoCreateAccountPrefix()
                                        : config.autoCreateAccountPrefix(),
                                config.expiringObjectsAccountName()),
                        config.expiringObjectsContainerDivisor()));
        SsyncReceiver ssync = new SsyncReceiver(
                diskFiles,
                executors,
                new SsyncReceiverSettings(
                        config.clientTimeout(),
                        NETWORK_CHUNK_SIZE,
                        config.replicationFailureThreshold(),
                        config.replicationFailureRatio(),
                        config.replicationLockTimeout(),
                        settings.allowedHeaders()),
                config.replicationConcurrency());
        this.ssyncThreads = ssyncPool(config.replicationConcurrency());
        this.api = new ObjectApi(diskFiles, executors, updater, settings, ssync, ssyncThreads);
    }

    /**
     * The threads SSYNC sessions block on. Bounded even at {@code replication_concurrency = 0} (Swift's
     * "unlimited", where eventlet's {@code max_clients} still caps a worker at 1,024 requests): a flood of
     * sessions must not grow threads without limit. Past the receiver's semaphore a session still needs a
     * thread to answer its 503, hence twice the concurrency; past the pool the connection is closed.
     */
    static ThreadPoolExecutor ssyncPool(int replicationConcurrency) {
        int limit = replicationConcurrency > 0 ? 2 * replicationConcurrency : SWIFT_MAX_CLIENTS;
        return new ThreadPoolExecutor(
                0, limit, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), NamedThreadFactory.numbered("object-ssync"));
    }

    /** Binds and starts serving; reports ignored and unknown config keys. */
    public void start() throws InterruptedException {
        if (!config.ignoredKeys().isEmpty()) {
            LOG.log(Level.INFO, "object-server: accepted but not acted on: " + config.ignoredKeys());
        }
        if (!config.unknownKeys().isEmpty()) {
            LOG.log(Level.WARNING, "object-server: unknown config keys (typos?): " + config.unknownKeys());
        }
        Consumer<String> access = line -> {};
        if (config.logRequests()) {
            AccessLogSink sink = AccessLogSink.toLogger("io.cairn.object.access");
            accessLog = sink;
            access = sink;
        }
        host.start(
                config.bindIp(),
                config.bindPort(),
                new ObjectServerInitializer(
                        api, config.maxHeaderSize(), config.clientTimeout(), access, recon, reconExecutor));
        LOG.log(Level.INFO, "object-server listening on " + config.bindIp() + ":" + host.port());
    }

    /** The bound port (after {@link #start}). */
    public int port() {
        return host.port();
    }

    /** The collaborators, for embedding (SAIO) and tests. */
    public ObjectApi api() {
        return api;
    }

    /**
     * Stops accepting, then stops the client and the device executors (running disk work finishes); the access
     * log writes the lines of the requests served.
     */
    @Override
    public void close() {
        host.close();
        AccessLogSink sink = accessLog;
        if (sink != null) {
            sink.close(); // after the event loops stopped: every line logged is written
            accessLog = null;
        }
        client.close();
        ssyncThreads.shutdownNow();
        executors.close();
        if (reconExecutor != null) {
            reconExecutor.shutdownNow();
        }
    }
}
