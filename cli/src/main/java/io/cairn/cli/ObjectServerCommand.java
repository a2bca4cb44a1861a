package io.cairn.cli;

import io.cairn.common.config.SwiftConf;
import io.cairn.common.http.Transport;
import io.cairn.object.server.ObjectServerConfig;
import io.cairn.object.server.ObjectServerNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code cairn object-server --config FILE}: runs one object server as {@code swift-object-server FILE}
 * does — reads {@code object-server.conf} and {@code swift_dir/swift.conf}, removes leftover temp files,
 * serves until SIGTERM or Ctrl-C (the {@link ServerLauncher} stops it: no new connections, running disk
 * work finishes, the suffix-hash maps are closed).
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
        if (rc != ServerLauncher.EXIT_OK) {
            throw new IllegalStateException("cairn object-server failed to start (exit code " + rc + ")");
        }
    }

    /** Runs until the JVM is asked to stop; returns the exit code (see {@link ServerLauncher}). */
    int run(List<String> args) {
        return run(args, new ServerLauncher(out, err));
    }

    int run(List<String> args, ServerLauncher launcher) {
        return launcher.launch("object-server", () -> start(args));
    }

    /** Starts the server from {@code args} and prints its address; the caller closes it. */
    ServerLauncher.Running start(List<String> args) throws IOException, InterruptedException {
        Path file = ServerLauncher.configFile(args, USAGE);
        ObjectServerConfig config = ObjectServerConfig.load(file);
        ServerLauncher.warnUnknown(err, "object-server", file.toString(), config.unknownKeys());
        SwiftConf swiftConf = SwiftConf.load(config.swiftDir());
        ObjectServerNode node = ObjectServerNode.start(config, swiftConf, Transport.select(true), Clock.systemUTC());
        out.println("cairn object-server: listening on port " + node.port() + " (config " + file + ")");
        return ServerLauncher.Running.of(node::port, node::close);
    }
}
