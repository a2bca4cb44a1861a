package io.cairn.proxy.swift;

import io.cairn.common.http.BackendClient;
import io.cairn.common.path.HashPath;
import io.cairn.common.path.NameValidator;
import io.cairn.proxy.backend.BackendConnector;
import io.cairn.proxy.info.AccountInfo;
import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.info.InfoCache;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.routing.BackendHeaders;
import io.cairn.proxy.routing.ErrorLimiter;
import io.cairn.proxy.routing.NodeIterator;
import io.cairn.proxy.routing.ProxyRings;
import io.cairn.proxy.routing.QuorumCollector;
import io.cairn.proxy.routing.SequentialReader;
import io.cairn.proxy.server.ProxyConfig;
import io.cairn.ring.Ring;
import io.cairn.ring.policy.StoragePolicies;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Everything the operations share: configuration, rings and policies, the error limiter, the backend
 * clients (pooled for small requests, raw channels for streamed bodies), the info cache and the access
 * policy. Built once by {@code ProxyServer}.
 *
 * <p>Thread-safe: every member is.
 */
public final class ProxyServices {
    private final ProxyConfig config;
    private final ProxyRings rings;
    private final HashPath hashPath;
    private final StoragePolicies policies;
    private final NameValidator validator;
    private final ErrorLimiter errorLimiter;
    private final QuorumCollector collector;
    private final SequentialReader reader;
    private final BackendConnector connector;
    private final InfoCache infoCache;
    private final AccessPolicy access;
    private final Clock clock;
    private final List<Middleware> middlewares;
    private final SwiftApp app;
    private final SwiftApp top;
    private final ContentTypes contentTypes = ContentTypes.system();

    /**
     * The cluster as the proxy sees it.
     *
     * @param hashPath the cluster's hash prefix and suffix
     * @param validator name and metadata limits from {@code swift.conf}
     */
    public record Cluster(ProxyRings rings, HashPath hashPath, StoragePolicies policies, NameValidator validator) {}

    /**
     * How the proxy reaches storage nodes.
     *
     * @param client pooled client for small requests
     * @param connector raw channels for streamed bodies
     * @param scheduler timers (post-quorum waits)
     */
    public record Backends(BackendClient client, BackendConnector connector, ScheduledExecutorService scheduler) {}

    public ProxyServices(ProxyConfig config, Cluster cluster, Backends backends, AccessPolicy access, Clock clock) {
        this(config, cluster, backends, access, clock, List.of());
    }

    /**
     * @param middlewares the pipeline's filters implemented on the application seam, in pipeline order (the
     *     first sees a request first)
     */
    public ProxyServices(
            ProxyConfig config,
            Cluster cluster,
            Backends backends,
            AccessPolicy access,
            Clock clock,
            List<Middleware> middlewares) {
        BackendClient client = backends.client();
        ScheduledExecutorService scheduler = backends.scheduler();
        BackendConnector connector = backends.connector();
        this.config = config;
        this.rings = cluster.rings();
        this.hashPath = cluster.hashPath();
        this.policies = cluster.policies();
        this.validator = cluster.validator();
        this.errorLimiter =
                new ErrorLimiter(config.errorSuppressionLimit(), config.errorSuppressionInterval(), System::nanoTime);
        this.collector =
                new QuorumCollector(client, errorLimiter, config.nodeTimeout(), config.postQuorumTimeout(), scheduler);
        this.reader = new SequentialReader(client, errorLimiter, config.nodeTimeout());
        this.connector = connector;
        this.access = access;
        this.clock = clock;
        this.middlewares = List.copyOf(middlewares);
        this.app = chain(this.middlewares, false, Controllers::base);
        this.top = chain(this.middlewares, true, Controllers::copyOrBelow);
        this.infoCache = new InfoCache(
                new BackendInfoSource(),
                config.recheckAccountExistence(),
                config.recheckContainerExistence(),
                System::nanoTime);
    }

    /** The middlewares above ({@code aboveCopy}) or below copy, in pipeline order, over {@code bottom}. */
    private static SwiftApp chain(List<Middleware> middlewares, boolean aboveCopy, SwiftApp bottom) {
        SwiftApp app = bottom;
        for (int i = middlewares.size() - 1; i >= 0; i--) {
            Middleware m = middlewares.get(i);
            if (m.aboveCopy() == aboveCopy) {
                SwiftApp below = app;
                app = ex -> m.operationFor(ex, below);
            }
        }
        return app;
    }

    /** The whole application a client request enters: the filters above copy, copy, then {@link #app}. */
    public SwiftApp top() {
        return top;
    }

    /** The pipeline's middleware, in order. */
    public List<Middleware> middlewares() {
        return middlewares;
    }

    /** The application below server-side copy: every middleware, then the proxy's controllers. */
    public SwiftApp app() {
        return app;
    }

    public ProxyConfig config() {
        return config;
    }

    public ProxyRings rings() {
        return rings;
    }

    public HashPath hashPath() {
        return hashPath;
    }

    public StoragePolicies policies() {
        return policies;
    }

    public NameValidator validator() {
        return validator;
    }

    public ErrorLimiter errorLimiter() {
        return errorLimiter;
    }

    public QuorumCollector collector() {
        return collector;
    }

    public SequentialReader reader() {
        return reader;
    }

    public BackendConnector connector() {
        return connector;
    }

    public InfoCache infoCache() {
        return infoCache;
    }

    public AccessPolicy access() {
        return access;
    }

    public ContentTypes contentTypes() {
        return contentTypes;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The nodes of {@code partition}: primaries shuffled (and sorted by {@code read_affinity} under {@code
     * sorting_method = affinity}), then handoffs, within {@code request_node_count}.
     */
    public NodeIterator nodes(Ring ring, int partition) {
        int replicas = (int) Math.ceil(ring.replicaCount());
        return new NodeIterator(
                ring.primaries(partition),
                ring.handoffs(partition),
                errorLimiter,
                config.requestNodeCount(replicas),
                // the calling event loop's own generator: one java.util.Random shared by every loop contends
                java.util.concurrent.ThreadLocalRandom.current(),
                config.primaryOrder());
    }

    /** Fills info-cache misses with backend HEADs. */
    private final class BackendInfoSource implements InfoCache.InfoSource {
        @Override
        public CompletableFuture<AccountInfo> headAccount(String account) {
            Ring ring = rings.account();
            int part = ring.partition(hashPath, account, null, null);
            HttpHeaders h = BackendHeaders.base(
                    "HEAD",
                    "/v1/" + SwiftPath.quote(account),
                    io.cairn.common.time.Timestamp.now(clock).internal(),
                    "-",
                    null,
                    null);
            return reader.read(nodes(ring, part), part, HttpMethod.HEAD, "/" + SwiftPath.quote(account), h, false)
                    .thenApply(r -> {
                        if (r.status() == 404
                                && config.accountAutocreate()
                                && !"Deleted".equalsIgnoreCase(r.headers().get("X-Account-Status"))) {
                            return new AccountInfo(204, false, 0, 0, 0, Map.of(), new HashMap<>());
                        }
                        int status = r.status() == 404
                                        && "Deleted"
                                                .equalsIgnoreCase(r.headers().get("X-Account-Status"))
                                ? 410
                                : r.status();
                        return AccountInfo.fromHeaders(status, r.headers());
                    });
        }

        @Override
        public CompletableFuture<ContainerInfo> headContainer(String account, String container) {
            Ring ring = rings.container();
            int part = ring.partition(hashPath, account, container, null);
            String path = "/" + SwiftPath.quote(account) + "/" + SwiftPath.quote(container);
            HttpHeaders h = BackendHeaders.base(
                    "HEAD",
                    "/v1" + path,
                    io.cairn.common.time.Timestamp.now(clock).internal(),
                    "-",
                    null,
                    new DefaultHttpHeaders());
            return reader.read(nodes(ring, part), part, HttpMethod.HEAD, path, h, false)
                    .thenApply(r -> ContainerInfo.fromHeaders(r.status(), r.headers()));
        }
    }
}
