package io.cairn.cli;

import io.cairn.account.server.AccountServer;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.daemon.DaemonScheduler;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.Transport;
import io.cairn.container.server.ContainerServer;
import io.cairn.object.diskfile.DiskFileManager;
import io.cairn.object.server.ObjectServerNode;
import io.cairn.ring.policy.StoragePolicies;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One storage host running in this JVM ({@code cairn node}): the object, container and account servers, each
 * on its own port, and the node's daemons scheduled at their intervals.
 *
 * <p>Thread-safety: {@link #start} and {@link #close} from one owner thread; the accessors after start.
 */
final class StorageNode implements ServerLauncher.Running {
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<ServerType, Integer> ports = new EnumMap<>(ServerType.class);
    private @Nullable DaemonScheduler scheduler;
    private @Nullable NodeContext context;
    private List<NodeDaemons.Built> daemons = List.of();
    private boolean closed;

    private StorageNode() {}

    /**
     * Starts the three servers, then builds every registered daemon whose section is configured and schedules
     * it (the first pass one interval after start, as Swift's daemons wait before their first pass).
     *
     * @throws io.cairn.common.config.ConfigException for an invalid {@code swift.conf} or daemon setting
     */
    static StorageNode start(NodeConfig config, NodeDaemons registry, Clock clock, Consumer<String> log)
            throws IOException, InterruptedException {
        StorageNode node = new StorageNode();
        try {
            node.startServers(config, registry, clock, log);
            return node;
        } catch (IOException | InterruptedException | RuntimeException e) {
            node.close();
            throw e;
        }
    }

    private void startServers(NodeConfig config, NodeDaemons registry, Clock clock, Consumer<String> log)
            throws IOException, InterruptedException {
        SwiftConf swiftConf = SwiftConf.load(config.object().swiftDir());
        StoragePolicies policies = StoragePolicies.fromSwiftConf(swiftConf.ini());
        Transport transport = Transport.select(true);
        // One registry per host: the servers serve it at /recon/*, the daemons report into it.
        ReconRegistry recon = new ReconRegistry();
        ObjectServerNode object = ObjectServerNode.start(config.object(), swiftConf, transport, clock, recon);
        running.add(object);
        ports.put(ServerType.OBJECT, object.port());
        ContainerServer container = new ContainerServer(
                config.container(), SwiftConf.load(config.container().swiftDir()), transport, clock, recon);
        running.add(container);
        container.start();
        ports.put(ServerType.CONTAINER, container.port());
        AccountServer account = new AccountServer(
                config.account(),
                swiftConf.hashPath(),
                swiftConf.constraints(),
                policies.namesByIndex(),
                transport,
                clock,
                recon);
        running.add(account);
        account.start();
        ports.put(ServerType.ACCOUNT, account.port());
        NodeContext ctx = context(
                config, swiftConf, ports, clock, recon, object.server().api().diskFiles(), transport);
        context = ctx;
        daemons = registry.create(ctx, config.daemonSections(), null);
        DaemonScheduler s = new DaemonScheduler(clock, recon, log);
        scheduler = s;
        for (NodeDaemons.Built d : daemons) {
            s.schedule(d.daemon(), d.interval(), d.interval());
        }
    }

    /**
     * The context daemons of a host get; {@code ports} are the bound ports (or the configured ones when the
     * servers run elsewhere), {@code bind_ip} from each server's config.
     */
    static NodeContext context(
            NodeConfig config,
            SwiftConf swiftConf,
            Map<ServerType, Integer> ports,
            Clock clock,
            ReconRegistry recon,
            @Nullable DiskFileManager diskFiles,
            Transport transport) {
        StoragePolicies policies = StoragePolicies.fromSwiftConf(swiftConf.ini());
        Map<ServerType, NodeContext.HostPort> local = new EnumMap<>(ServerType.class);
        local.put(ServerType.OBJECT, hostPort(config.object().bindIp(), ports, ServerType.OBJECT));
        local.put(ServerType.CONTAINER, hostPort(config.container().bindIp(), ports, ServerType.CONTAINER));
        local.put(ServerType.ACCOUNT, hostPort(config.account().bindIp(), ports, ServerType.ACCOUNT));
        return new NodeContext(
                config.object().devices(),
                config.object().mountCheck(),
                config.object().swiftDir(),
                swiftConf,
                policies,
                new NodeRings(config.object().swiftDir(), policies),
                local,
                clock,
                recon,
                diskFiles,
                config.object().diskFileConfig(),
                transport);
    }

    private static NodeContext.HostPort hostPort(String ip, Map<ServerType, Integer> ports, ServerType type) {
        Integer port = ports.get(type);
        return new NodeContext.HostPort(ip, port == null ? type.defaultPort() : port);
    }

    /** The bound port of {@code type}'s server. */
    int port(ServerType type) {
        Integer port = ports.get(type);
        if (port == null) {
            throw new IllegalStateException(type.serverName() + " is not running");
        }
        return port;
    }

    /** The object server's port. */
    @Override
    public int port() {
        return port(ServerType.OBJECT);
    }

    /** What the daemons were given. */
    NodeContext context() {
        NodeContext ctx = context;
        if (ctx == null) {
            throw new IllegalStateException("not started");
        }
        return ctx;
    }

    /** The scheduled daemons with their intervals. */
    List<NodeDaemons.Built> daemons() {
        return daemons;
    }

    /** One-line summary of what runs, for the start banner. */
    String describe() {
        StringBuilder b = new StringBuilder();
        for (ServerType t : ServerType.values()) {
            b.append(t.serverName()).append(" :").append(ports.get(t)).append("  ");
        }
        b.append("daemons: ");
        if (daemons.isEmpty()) {
            b.append("none");
        }
        for (int i = 0; i < daemons.size(); i++) {
            NodeDaemons.Built d = daemons.get(i);
            b.append(i == 0 ? "" : ", ")
                    .append(d.section().sectionName())
                    .append(" every ")
                    .append(seconds(d.interval()));
        }
        return b.toString();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Stops the daemons (interrupting passes), then the account, container and object servers. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        DaemonScheduler s = scheduler;
        if (s != null) {
            s.close();
        }
        NodeDaemons.closeAll(daemons);
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.getLogger(StorageNode.class.getName())
                        .log(System.Logger.Level.WARNING, "node: stopping a server failed", e);
            }
        }
        running.clear();
    }
}
