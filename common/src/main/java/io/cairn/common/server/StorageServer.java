package io.cairn.common.server;

import io.cairn.common.concurrent.NamedThreadFactory;
import io.cairn.common.daemon.ReconDocuments;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.AccessLogSink;
import io.cairn.common.http.HttpServerHost;
import io.cairn.common.http.Transport;
import io.cairn.common.io.DeviceExecutors;
import io.netty.channel.EventLoopGroup;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle every storage server repeats, in one place: the listening socket and its event loops ({@link
 * HttpServerHost}), one executor per device ({@link DeviceExecutors}), the access-log sink, the thread recon
 * documents are built on, and a graceful stop in one order. A server builds its own collaborators on {@link
 * #executors()} and {@link #workerGroup()}, hands what it owns to {@link #closeBeforeExecutors} or {@link
 * #closeAfterExecutors}, and {@link #start starts} with its own pipeline stages.
 *
 * <p>{@link #close} stops accepting and shuts the event loops down, closes the access-log sink (every line of the
 * requests served is written), stops the recon thread, closes what must finish while the device executors still
 * run (a group-commit ring drains into them, a client's callbacks run on them), closes the device executors
 * (running disk work finishes), then closes what that disk work used (the DB brokers).
 *
 * <p>Thread-safety: built, started and closed by the owner thread; {@link #port} is safe after {@code start}.
 */
public final class StorageServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StorageServer.class.getName());

    private final StorageServerSettings settings;
    private final Transport transport;
    private final HttpServerHost host;
    private final DeviceExecutors executors;
    private final @Nullable ReconDocuments recon;
    private final @Nullable ExecutorService reconExecutor;
    private final List<AutoCloseable> beforeExecutors = new ArrayList<>();
    private final List<AutoCloseable> afterExecutors = new ArrayList<>();
    private @Nullable AccessLogSink accessLog;

    /**
     * Creates the event loops and the device executors (threads start on first use); binds nothing yet.
     *
     * @param recon the node's daemons' passes and gauges, served at {@code /recon/*} (Swift's recon middleware);
     *     null serves no recon
     */
    public StorageServer(StorageServerSettings settings, Transport transport, @Nullable ReconRegistry recon) {
        this.settings = settings;
        this.transport = transport;
        this.host = HttpServerHost.withOwnGroups(transport, settings.workers(), settings.name());
        this.executors = new DeviceExecutors(settings.deviceThreads(), settings.deviceQueue(), settings.name());
        this.recon = recon == null ? null : new ReconDocuments(recon, settings.devices());
        this.reconExecutor = recon == null
                ? null
                : Executors.newSingleThreadExecutor(NamedThreadFactory.single(settings.serverName() + "-recon"));
    }

    /** The per-device executors the server's disk and DB work runs on. */
    public DeviceExecutors executors() {
        return executors;
    }

    /** The event loops serving connections (a backend client may share them). */
    public EventLoopGroup workerGroup() {
        return host.workerGroup();
    }

    /**
     * Closes {@code resource} on {@link #close} while the device executors still run, after the resources added
     * before it.
     *
     * @return {@code resource}
     */
    public <T extends AutoCloseable> T closeBeforeExecutors(T resource) {
        beforeExecutors.add(resource);
        return resource;
    }

    /**
     * Closes {@code resource} on {@link #close} once the device executors stopped, after the resources added
     * before it.
     *
     * @return {@code resource}
     */
    public <T extends AutoCloseable> T closeAfterExecutors(T resource) {
        afterExecutors.add(resource);
        return resource;
    }

    /**
     * Warns of unknown config keys, opens the access-log sink (if {@code log_requests}) and binds {@code
     * bind_ip:bind_port} with the shared stages around {@code stages}.
     *
     * @param keepAliveStage whether the pipeline has Netty's keep-alive stage (see {@link StorageServerInitializer})
     * @throws InterruptedException if interrupted while binding
     * @throws RuntimeException (Netty's bind exception) if the bind fails, e.g. the port is in use
     */
    public void start(boolean keepAliveStage, ServerStages stages) throws InterruptedException {
        if (!settings.unknownKeys().isEmpty()) {
            LOG.log(Level.WARNING, settings.serverName() + ": unknown config keys (typos?): " + settings.unknownKeys());
        }
        Consumer<String> access = line -> {};
        if (settings.logRequests()) {
            AccessLogSink sink = AccessLogSink.toLogger(settings.accessLogger());
            accessLog = sink;
            access = sink;
        }
        host.start(
                settings.bindIp(),
                settings.bindPort(),
                new StorageServerInitializer(settings, access, keepAliveStage, recon, reconExecutor, stages));
        LOG.log(
                Level.INFO,
                settings.serverName() + " listening on " + settings.bindIp() + ":" + host.port() + " (" + transport
                        + ")");
    }

    /** The bound port (after {@link #start}); -1 before. */
    public int port() {
        return host.port();
    }

    /** Stops the server in the order the class comment gives. Idempotent for the scaffold's own resources. */
    @Override
    public void close() {
        host.close();
        AccessLogSink sink = accessLog;
        if (sink != null) {
            sink.close(); // after the event loops stopped: every line logged is written
            accessLog = null;
        }
        if (reconExecutor != null) {
            reconExecutor.shutdownNow();
        }
        closeAll(beforeExecutors);
        executors.close();
        closeAll(afterExecutors);
    }

    private void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, settings.serverName() + ": closing " + r + " failed", e);
            }
        }
        resources.clear();
    }
}
