package io.cairn.cli;

import io.cairn.common.http.AccessLogSink;
import io.cairn.ring.policy.StoragePolicies;
import io.cairn.ring.policy.StoragePolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cairn saio [--data DIR] [--port 8080] [--bind 127.0.0.1] [--policies gold,silver] [--no-daemons]}: a
 * complete cluster in one JVM (see {@link SaioCluster}), Swift-All-In-One style; prints the endpoint, the users, the
 * storage policies and a ready-to-paste {@code swift} command; SIGTERM or Ctrl-C stops it cleanly; data and rings
 * survive a restart. {@code --policies} names the storage policies of a new data directory (indexes 0, 1, ... in
 * that order, the first default; Swift's SAIO {@code gold,silver} when absent); an existing one keeps its own.
 * {@code --no-daemons}
 * runs the servers without replicators, auditors and updaters, as a Swift SAIO started without {@code
 * swift-init ... rest}: benchmarks compare request paths, not background passes.
 *
 * <p>Not thread-safe; one instance per invocation.
 */
final class SaioCommand {
    static final String USAGE =
            "usage: cairn saio [--data DIR] [--port 8080] [--bind 127.0.0.1] [--policies gold,silver] [--no-daemons]";

    private final PrintStream out;
    private final PrintStream err;
    private final NodeDaemons daemons;

    SaioCommand(PrintStream out, PrintStream err) {
        this(out, err, NodeDaemons.standard());
    }

    SaioCommand(PrintStream out, PrintStream err, NodeDaemons daemons) {
        this.out = out;
        this.err = err;
        this.daemons = daemons;
    }

    /**
     * Entry point without the launcher's dispatch ({@code java -cp cairn.jar io.cairn.cli.SaioCommand
     * --data DIR}), as {@link ObjectServerCommand#main}.
     */
    public static void main(String[] args) {
        int rc = new SaioCommand(System.out, System.err).run(List.of(args));
        if (rc != ServerLauncher.EXIT_OK) {
            throw new IllegalStateException("cairn saio failed to start (exit code " + rc + ")");
        }
    }

    /** Runs until the JVM is asked to stop; returns the exit code (see {@link ServerLauncher}). */
    int run(List<String> args) {
        return run(args, new ServerLauncher(out, err));
    }

    int run(List<String> args, ServerLauncher launcher) {
        return launcher.launch("saio", () -> start(args));
    }

    /** Parses {@code args}, starts the cluster and prints the banner; the caller closes it. */
    ServerLauncher.Running start(List<String> args) throws IOException, InterruptedException {
        Path data = Path.of("saio-data");
        String bind = "127.0.0.1";
        int port = 8080;
        boolean runDaemons = true;
        List<String> policies = null;
        for (int i = 0; i < args.size(); i += 2) {
            if (args.get(i).equals("--no-daemons")) {
                runDaemons = false;
                i--; // a flag: no value follows
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new ServerLauncher.UsageException("missing value for " + args.get(i) + "\n" + USAGE);
            }
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--data" -> data = Path.of(value);
                case "--bind" -> bind = value;
                case "--policies" -> policies = policyNames(value);
                case "--port" -> {
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new ServerLauncher.UsageException("--port needs a number, got " + value);
                    }
                }
                default ->
                    throw new ServerLauncher.UsageException("unexpected argument '" + args.get(i) + "'\n" + USAGE);
            }
        }
        Path dir = data.toAbsolutePath();
        AccessLogSink accessLog = AccessLogSink.toLogger(ProxyCommand.ACCESS_LOGGER);
        SaioCluster cluster;
        try {
            cluster =
                    SaioCluster.start(dir, bind, port, accessLog, runDaemons ? daemons : NodeDaemons.none(), policies);
        } catch (IOException | InterruptedException | RuntimeException e) {
            accessLog.close();
            throw e;
        }
        banner(dir, bind, cluster.proxyPort(), runDaemons, cluster.policies());
        // the access log closes after the cluster's event loops stopped, so every line logged is written
        return ServerLauncher.Running.of(cluster::proxyPort, () -> {
            cluster.close();
            accessLog.close();
        });
    }

    /** {@code gold,silver}: names in index order, none empty. */
    static List<String> policyNames(String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",", -1)) {
            String n = name.strip();
            if (n.isEmpty()) {
                throw new ServerLauncher.UsageException("--policies needs comma-separated names, got '" + value + "'");
            }
            names.add(n);
        }
        return names;
    }

    private void banner(Path data, String bind, int port, boolean daemonsRun, StoragePolicies policies) {
        String host = bind.equals("0.0.0.0") ? "127.0.0.1" : bind;
        String auth = "http://" + host + ":" + port + "/auth/v1.0";
        out.println("cairn saio: 1 proxy, " + SaioCluster.NODES + " storage nodes, " + SaioCluster.REPLICAS
                + " replicas; data in " + data);
        out.println("  endpoint: " + auth);
        out.println("  users (account:user / key [groups]):");
        for (String[] u : SaioCluster.USERS) {
            out.println("    " + u[0] + ":" + u[1] + " / " + u[2] + (u[3].isEmpty() ? "" : "  [" + u[3] + "]"));
        }
        List<String> described = new ArrayList<>();
        for (StoragePolicy p : policies.all()) {
            described.add(p.name() + " (" + p.index() + (p.isDefault() ? ", default" : "") + ")");
        }
        out.println("  storage policies: " + String.join(", ", described)
                + "  (swift post -H 'X-Storage-Policy: NAME' CONTAINER)");
        out.println("  try:  swift -A " + auth + " -U test:tester -K testing stat");
        if (!daemonsRun) {
            out.println("  background daemons off (--no-daemons): nothing replicates, audits or updates");
        }
        out.println("  Ctrl-C stops it; data and rings stay in " + data);
        out.flush();
    }
}
