package io.cairn.cli;

import io.cairn.common.config.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code cairn saio [--data DIR] [--port 8080] [--bind 127.0.0.1]}: a complete cluster in one JVM (see
 * {@link SaioCluster}), Swift-All-In-One style; prints the endpoint, the users and a ready-to-paste {@code
 * swift} command; SIGTERM or Ctrl-C stops it cleanly; data and rings survive a restart.
 *
 * <p>Not thread-safe; one instance per invocation.
 */
final class SaioCommand {
    static final String USAGE = "usage: cairn saio [--data DIR] [--port 8080] [--bind 127.0.0.1]";

    private static final System.Logger ACCESS_LOG = System.getLogger("io.cairn.proxy.access");

    private final PrintStream out;
    private final PrintStream err;

    SaioCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Entry point without the launcher's dispatch ({@code java -cp cairn.jar io.cairn.cli.SaioCommand
     * --data DIR}), as {@link ObjectServerCommand#main}.
     */
    public static void main(String[] args) {
        int rc = new SaioCommand(System.out, System.err).run(List.of(args));
        if (rc != 0) {
            throw new IllegalStateException("cairn saio failed to start (exit code " + rc + ")");
        }
    }

    /** Runs until the JVM is asked to stop; returns the exit code (2: usage, 1: cannot start). */
    int run(List<String> args) {
        Path data = Path.of("saio-data");
        String bind = "127.0.0.1";
        int port = 8080;
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                err.println(USAGE);
                return 2;
            }
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--data" -> data = Path.of(value);
                case "--bind" -> bind = value;
                case "--port" -> {
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        err.println("cairn saio: --port needs a number, got " + value);
                        return 2;
                    }
                }
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        return serve(data.toAbsolutePath(), bind, port);
    }

    private int serve(Path data, String bind, int port) {
        SaioCluster cluster;
        try {
            cluster = SaioCluster.start(data, bind, port, line -> ACCESS_LOG.log(System.Logger.Level.INFO, line));
        } catch (IOException | ConfigException | IllegalArgumentException | IllegalStateException e) {
            err.println("cairn saio: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    cluster.close();
                    stopped.countDown();
                },
                "saio-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        banner(data, bind, cluster.proxyPort());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (Runtime.getRuntime().removeShutdownHook(hook)) {
                cluster.close();
            }
        }
        return 0;
    }

    private void banner(Path data, String bind, int port) {
        String host = bind.equals("0.0.0.0") ? "127.0.0.1" : bind;
        String auth = "http://" + host + ":" + port + "/auth/v1.0";
        out.println("cairn saio: 1 proxy, " + SaioCluster.NODES + " storage nodes, " + SaioCluster.REPLICAS
                + " replicas; data in " + data);
        out.println("  endpoint: " + auth);
        out.println("  users (account:user / key [groups]):");
        for (String[] u : SaioCluster.USERS) {
            out.println("    " + u[0] + ":" + u[1] + " / " + u[2] + (u[3].isEmpty() ? "" : "  [" + u[3] + "]"));
        }
        out.println("  try:  swift -A " + auth + " -U test:tester -K testing stat");
        out.println("  Ctrl-C stops it; data and rings stay in " + data);
        out.flush();
    }
}
