package io.cairn.cli;

import io.cairn.common.config.SwiftConf;
import io.cairn.common.http.Transport;
import io.cairn.container.server.ContainerServer;
import io.cairn.container.server.ContainerServerConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code ./cairn container-server --config FILE}: runs Swift's container server alone from a
 * {@code container-server.conf} (its {@code swift_dir} names {@code swift.conf}: hash path salt,
 * constraints, storage policies), prints where it listens and serves until SIGTERM.
 *
 * <p>Not thread-safe; one per invocation.
 */
public final class ContainerServerCommand {
    static final String USAGE = "usage: cairn container-server --config FILE";

    private final PrintStream out;

    public ContainerServerCommand(PrintStream out) {
        this.out = out;
    }

    /** Starts the server from {@code args} and prints its address; the caller closes it. */
    ServerLauncher.Running start(List<String> args) throws InterruptedException {
        Path file = ServerLauncher.configFile(args, USAGE);
        ContainerServerConfig config = ContainerServerConfig.load(file);
        ServerLauncher.warnUnknown(out, "container-server", file.toString(), config.unknownKeys());
        ContainerServer server = new ContainerServer(
                config, SwiftConf.load(config.swiftDir()), Transport.select(true), Clock.systemUTC(), null);
        try {
            server.start();
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        out.println("container-server listening on " + config.bindIp() + ":" + server.port() + " (config " + file
                + ", devices " + config.devices() + ")");
        return ServerLauncher.Running.of(server::port, server::close);
    }

    /** Starts and serves until {@code launcher} is told to stop; returns the exit code. */
    int run(List<String> args, ServerLauncher launcher) {
        return launcher.launch("container-server", () -> start(args));
    }
}
