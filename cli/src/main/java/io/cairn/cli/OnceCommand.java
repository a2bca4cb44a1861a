package io.cairn.cli;

import io.cairn.common.concurrent.NamedThreadFactory;
import io.cairn.common.config.ConfigException;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.daemon.DaemonScheduler;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.Transport;
import io.cairn.ring.policy.PolicyException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./cairn replicator|auditor|updater|expirer|reaper --once (--config FILE|DIR | --saio DIR)}: one pass of
 * the daemons of one {@link NodeDaemons.Kind} — replicator: object, container and account replicators; auditor:
 * object, container and account auditors; updater: the object and container updaters; expirer: the object
 * expirer; reaper: the account reaper — on one storage host (its node.conf or Swift config directory) or on each
 * of the four nodes of a SAIO whose servers are running (the four at once). Prints every {@link
 * PassReport}; exit code 0 when every pass completed, 1 when one did not (or a daemon is not available in
 * this build), 2 for a usage or configuration error.
 *
 * <p>Not thread-safe; one instance per invocation.
 */
final class OnceCommand {
    private final NodeDaemons.Kind kind;
    private final PrintStream out;
    private final PrintStream err;
    private final NodeDaemons registry;
    private final Clock clock;

    OnceCommand(NodeDaemons.Kind kind, PrintStream out, PrintStream err, NodeDaemons registry, Clock clock) {
        this.kind = kind;
        this.out = out;
        this.err = err;
        this.registry = registry;
        this.clock = clock;
    }

    String usage() {
        return "usage: cairn " + kind.command() + " --once (--config FILE|DIR | --saio DIR)";
    }

    /** Runs the passes and returns the exit code. */
    int run(List<String> args) {
        String name = kind.command();
        try {
            Map<String, NodeConfig> nodes = nodes(args);
            return runHosts(nodes) ? ServerLauncher.EXIT_OK : ServerLauncher.EXIT_FAILURE;
        } catch (ServerLauncher.UsageException | ConfigException | PolicyException e) {
            err.println("cairn " + name + ": " + ServerLauncher.message(e));
            return ServerLauncher.EXIT_USAGE;
        } catch (UncheckedIOException | IllegalStateException e) {
            err.println("cairn " + name + ": " + ServerLauncher.message(e));
            return ServerLauncher.EXIT_FAILURE;
        }
    }

    /**
     * One pass on each host, all hosts at once as their daemons run (each host's pass is its own: a SAIO's four
     * nodes are four hosts, and one after the other would make the SAIO's pass four times as long); true when all
     * completed. A usage or configuration error of any host is thrown after every host has finished.
     *
     * <p>Replicators are the exception: they run one host after the other. At once, the hosts' passes push into and
     * revert the same partitions, and a push can meet a partition another pass is reverting (the receiver answers
     * {@code :UPDATES: 1 failures}; DurabilityProbeIT saw it): the next pass would retry it, but a {@code --once} pass
     * is expected to converge.
     */
    private boolean runHosts(Map<String, NodeConfig> nodes) {
        if (nodes.size() == 1 || kind == NodeDaemons.Kind.REPLICATOR) {
            boolean completed = true;
            for (Map.Entry<String, NodeConfig> node : nodes.entrySet()) {
                completed &= runNode(node.getKey(), node.getValue());
            }
            return completed;
        }
        ExecutorService hosts =
                Executors.newFixedThreadPool(nodes.size(), NamedThreadFactory.numbered(kind.command() + "-host-"));
        try {
            List<Future<Boolean>> passes = new ArrayList<>();
            for (Map.Entry<String, NodeConfig> node : nodes.entrySet()) {
                passes.add(hosts.submit(() -> runNode(node.getKey(), node.getValue())));
            }
            boolean completed = true;
            RuntimeException failure = null;
            for (Future<Boolean> pass : passes) {
                try {
                    completed &= pass.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r && failure == null) {
                        failure = r;
                    } else if (failure == null) {
                        failure = new IllegalStateException(e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return completed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the passes ran", e);
        } finally {
            hosts.shutdownNow();
        }
    }

    /** The hosts to run on, by label: one from {@code --config}, four from {@code --saio}. */
    private Map<String, NodeConfig> nodes(List<String> args) {
        boolean once = false;
        Path config = null;
        Path saio = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--once")) {
                once = true;
            } else if (a.equals("--config") && i + 1 < args.size()) {
                config = Path.of(args.get(++i));
            } else if (a.equals("--saio") && i + 1 < args.size()) {
                saio = Path.of(args.get(++i));
            } else {
                throw new ServerLauncher.UsageException("unexpected argument '" + a + "'\n" + usage());
            }
        }
        if (!once) {
            throw new ServerLauncher.UsageException(
                    "only --once is supported (cairn node runs the daemons continuously)\n" + usage());
        }
        if ((config == null) == (saio == null)) {
            throw new ServerLauncher.UsageException("give exactly one of --config and --saio\n" + usage());
        }
        Map<String, NodeConfig> nodes = new LinkedHashMap<>();
        if (config != null) {
            if (!Files.exists(config)) {
                throw new ServerLauncher.UsageException("no config file at " + config);
            }
            nodes.put(config.toString(), NodeConfig.load(config));
            return nodes;
        }
        Path etc = saio.resolve("etc");
        if (!Files.isDirectory(etc)) {
            throw new ServerLauncher.UsageException("no SAIO at " + saio + " (no etc/ directory)");
        }
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            nodes.put(
                    "node" + n,
                    NodeConfig.fromServerConfs(
                            etc.resolve("object-server-" + n + ".conf"),
                            etc.resolve("container-server-" + n + ".conf"),
                            etc.resolve("account-server-" + n + ".conf")));
        }
        return nodes;
    }

    /** One pass of each daemon of this kind on one host; true when all completed. */
    private boolean runNode(String label, NodeConfig config) {
        List<String> configured = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (NodeDaemons.Section s : config.daemonSections().keySet()) {
            if (s.kind() == kind) {
                configured.add(s.sectionName());
                if (!registry.has(s)) {
                    unavailable.add(s.sectionName());
                }
            }
        }
        if (configured.isEmpty()) {
            throw new ConfigException(
                    config.source(), "no " + kind.command() + " section (" + sectionsOfKind() + ") is configured");
        }
        SwiftConf swiftConf = SwiftConf.load(config.object().swiftDir());
        Map<ServerType, Integer> ports = new EnumMap<>(ServerType.class);
        ports.put(ServerType.OBJECT, config.object().bindPort());
        ports.put(ServerType.CONTAINER, config.container().bindPort());
        ports.put(ServerType.ACCOUNT, config.account().bindPort());
        ReconRegistry recon = new ReconRegistry();
        NodeContext ctx = StorageNode.context(config, swiftConf, ports, clock, recon, null, Transport.select(true));
        DaemonScheduler scheduler = new DaemonScheduler(clock, recon, line -> {});
        boolean completed = true;
        List<NodeDaemons.Built> built = registry.create(ctx, config.daemonSections(), kind);
        try {
            for (NodeDaemons.Built d : built) {
                PassReport report = scheduler.runPass(d.daemon());
                print(label, report);
                completed &= report.completed();
            }
        } finally {
            NodeDaemons.closeAll(built);
        }
        for (String section : unavailable) {
            synchronized (err) {
                err.println("cairn " + kind.command() + ": " + label + " " + section
                        + ": not available in this build of Cairn (pass not run)");
            }
            completed = false;
        }
        return completed;
    }

    private String sectionsOfKind() {
        List<String> names = new ArrayList<>();
        for (NodeDaemons.Section s : NodeDaemons.Section.values()) {
            if (s.kind() == kind) {
                names.add("[" + s.sectionName() + "]");
            }
        }
        return String.join(", ", names);
    }

    private void print(String label, PassReport report) {
        synchronized (out) { // the hosts' passes end on their own threads; one report's lines stay together
            printLocked(label, report);
        }
    }

    private void printLocked(String label, PassReport report) {
        out.println(label + " " + report.daemon() + ": " + (report.completed() ? "completed" : "INCOMPLETE") + " in "
                + report.duration().toMillis() + " ms " + report.counters());
        for (String error : report.errors()) {
            out.println("  error: " + error);
        }
        out.flush();
    }
}
