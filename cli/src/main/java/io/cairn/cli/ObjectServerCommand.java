package io.cairn.cli;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.http.Transport;
import io.cairn.object.server.ObjectServerConfig;
import io.cairn.object.server.ObjectServerNode;
import io.cairn.ring.policy.PolicyException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code cairn object-server --config FILE}: runs one object server as {@code swift-object-server FILE}
 * does — reads {@code object-server.conf} and {@code swift_dir/swift.conf}, removes leftover temp files,
 * serves until SIGTERM or Ctrl-C (a shutdown hook stops it: no new connections, running disk work
 * finishes, the suffix-hash maps are closed).
 *
 * <p>Not thread-safe; one instance per invocation.
 */
final class ObjectServerCommand {
    static final String USAGE = "usage: cairn object-server --config FILE   (Swift's object-server.conf)";

    private final PrintStream out;
    private final PrintStream err;

    ObjectServerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Entry point for running the object server without the launcher's dispatch (benchmarks: {@code java
     * -cp cairn.jar:lib/* io.cairn.cli.ObjectServerCommand --config FILE}).
     */
    public static void main(String[] args) {
        int rc = new ObjectServerCommand(System.out, System.err).run(List.of(args));
        if (rc != 0) {
            throw new IllegalStateException("cairn object-server failed to start (exit code " + rc + ")");
        }
    }

    /** Runs until the JVM is asked to stop; returns the exit code (2: usage, 1: cannot start). */
    int run(List<String> args) {
        if (args.size() != 2 || !args.get(0).equals("--config")) {
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(args.get(1));
        if (!Files.isRegularFile(file)) {
            err.println("cairn object-server: no config file " + file);
            return 1;
        }
        ObjectServerNode node;
        try {
            ObjectServerConfig config = ObjectServerConfig.load(file);
            SwiftConf swiftConf = SwiftConf.load(config.swiftDir());
            node = ObjectServerNode.start(config, swiftConf, Transport.select(true), Clock.systemUTC());
        } catch (ConfigException | PolicyException | IOException e) {
            err.println("cairn object-server: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    node.close();
                    stopped.countDown();
                },
                "object-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("cairn object-server: listening on port " + node.port() + " (config " + file + ")");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (Runtime.getRuntime().removeShutdownHook(hook)) {
                node.close();
            }
        }
        return 0;
    }
}
