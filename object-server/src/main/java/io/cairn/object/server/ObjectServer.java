package io.cairn.object.server;

import io.cairn.common.concurrent.NamedThreadFactory;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.BackendClient;
import io.cairn.common.http.Transport;
import io.cairn.common.path.Constraints;
import io.cairn.common.path.ExpiringObjects;
import io.cairn.common.server.StorageServer;
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
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The object server: binds {@code bind_ip:bind_port} and serves Swift's backend object API over the given
 * storage. Built on the storage-server scaffold ({@link StorageServer}: event loops, device executors, access
 * log, recon, graceful stop), it supplies the object API, its backend client and SSYNC threads, and its own
 * pipeline stages ({@link ObjectServerStages}). Does not own the {@link DiskFileManager} (the caller built it,
 * and closes it after this server).
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
    /** Swift's {@code max_clients} default: the most requests one eventlet worker serves at once. */
    private static final int SWIFT_MAX_CLIENTS = 1024;

    private final ObjectServerConfig config;
    private final StorageServer server;
    private final ObjectApi api;

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
        this.server = new StorageServer(config.serverSettings(), transport, recon);
        BackendClient client = server.closeBeforeExecutors(
                new BackendClient(transport, server.workerGroup(), 64 * 1024, config.connTimeout()));
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
                server.executors(),
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
                server.executors(),
                new SsyncReceiverSettings(
                        config.clientTimeout(),
                        NETWORK_CHUNK_SIZE,
                        config.replicationFailureThreshold(),
                        config.replicationFailureRatio(),
                        config.replicationLockTimeout(),
                        settings.allowedHeaders()),
                config.replicationConcurrency());
        ThreadPoolExecutor ssyncThreads = ssyncPool(config.replicationConcurrency());
        server.closeBeforeExecutors(ssyncThreads::shutdownNow);
        this.api = new ObjectApi(diskFiles, server.executors(), updater, settings, ssync, ssyncThreads);
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
        server.start(true, new ObjectServerStages(api));
    }

    /** The bound port (after {@link #start}). */
    public int port() {
        return server.port();
    }

    /** The collaborators, for embedding (SAIO) and tests. */
    public ObjectApi api() {
        return api;
    }

    /**
     * Stops accepting, then stops the client, the SSYNC threads and the device executors (running disk work
     * finishes); the access log writes the lines of the requests served.
     */
    @Override
    public void close() {
        server.close();
    }
}
