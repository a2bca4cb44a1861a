package io.cairn.proxy.server;

import io.cairn.common.config.SwiftConf;
import io.cairn.common.http.BackendClient;
import io.cairn.common.http.HttpServerHost;
import io.cairn.common.http.Transport;
import io.cairn.common.path.NameValidator;
import io.cairn.proxy.backend.BackendConnector;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.routing.ProxyRings;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.ProxyServices;
import io.cairn.ring.policy.StoragePolicies;
import io.netty.channel.EventLoopGroup;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The proxy server: binds {@code bind_ip:bind_port} with {@link ProxyServerInitializer}'s pipeline and owns
 * the backend clients. Rings and policies are passed in (a {@code cairn saio} builds them, {@code cairn
 * proxy} loads them from {@code swift_dir}).
 *
 * <p>Thread-safety: {@link #start} and {@link #close} from one owner thread; {@link #port} after start.
 */
public final class ProxyServer implements AutoCloseable {
    private static final Logger LOG = System.getLogger(ProxyServer.class.getName());

    private final ProxyConfig config;
    private final HttpServerHost host;
    private final BackendClient backendClient;
    private final ProxyServices services;
    private final AccessPolicy access;
    private final Consumer<String> accessLog;

    /**
     * @param workerGroup event loops shared by the listening socket's connections and their backend channels
     * @param accessLog where access-log lines go
     */
    /**
     * The cluster the proxy fronts.
     *
     * @param swiftConf hash prefix/suffix and constraints
     */
    public record Cluster(SwiftConf swiftConf, StoragePolicies policies, ProxyRings rings) {}

    /**
     * The filters of {@code [pipeline:main]} the proxy runs.
     *
     * @param access the auth filter's decisions
     * @param middlewares the filters on the application seam, in pipeline order
     */
    public record Filters(AccessPolicy access, List<Middleware> middlewares) {
        public Filters {
            middlewares = List.copyOf(middlewares);
        }
    }

    /** A proxy without middleware (tests). */
    public ProxyServer(
            ProxyConfig config,
            Cluster cluster,
            AccessPolicy access,
            Transport transport,
            EventLoopGroup bossGroup,
            EventLoopGroup workerGroup,
            Consumer<String> accessLog) {
        this(config, cluster, new Filters(access, List.of()), transport, bossGroup, workerGroup, accessLog);
    }

    public ProxyServer(
            ProxyConfig config,
            Cluster cluster,
            Filters filters,
            Transport transport,
            EventLoopGroup bossGroup,
            EventLoopGroup workerGroup,
            Consumer<String> accessLog) {
        AccessPolicy access = filters.access();
        this.config = config;
        this.access = access;
        this.accessLog = accessLog;
        this.host = new HttpServerHost(transport, bossGroup, workerGroup, false);
        this.backendClient = new BackendClient(transport, workerGroup, 64 << 20, config.connTimeout());
        SwiftConf swiftConf = cluster.swiftConf();
        this.services = new ProxyServices(
                config,
                new ProxyServices.Cluster(
                        cluster.rings(),
                        swiftConf.hashPath(),
                        cluster.policies(),
                        new NameValidator(swiftConf.constraints())),
                new ProxyServices.Backends(
                        backendClient, new BackendConnector(transport, config.connTimeout()), workerGroup),
                access,
                Clock.systemUTC(),
                filters.middlewares());
        for (String key : config.unknownKeys()) {
            LOG.log(Level.WARNING, "proxy-server.conf: unknown key {0} (ignored)", key);
        }
    }

    /** Binds and starts serving. */
    public void start() throws InterruptedException {
        host.start(config.bindIp(), config.bindPort(), new ProxyServerInitializer(config, services, access, accessLog));
    }

    /** The bound port (after {@link #start}). */
    public int port() {
        return host.port();
    }

    /** The shared services (info cache, error limiter) — for tests and the SAIO's status output. */
    public ProxyServices services() {
        return services;
    }

    @Override
    public void close() {
        host.close();
        backendClient.close();
        access.close();
    }
}
