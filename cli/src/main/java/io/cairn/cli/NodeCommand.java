package io.cairn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code ./cairn node --config node.conf} (or {@code --config DIR} with Swift's {@code object-server.conf},
 * {@code container-server.conf} and {@code account-server.conf}): one storage host in this JVM — see {@link
 * NodeConfig} for the file and {@link StorageNode} for what runs. Serves until SIGTERM.
 *
 * <p>Not thread-safe; one instance per invocation.
 */
final class NodeCommand {
    static final String USAGE = "usage: cairn node --config FILE|DIR   (node.conf, or a directory of Swift's"
            + " object-server.conf, container-server.conf, account-server.conf)";

    private final PrintStream out;
    private final PrintStream err;
    private final NodeDaemons daemons;

    NodeCommand(PrintStream out, PrintStream err, NodeDaemons daemons) {
        this.out = out;
        this.err = err;
        this.daemons = daemons;
    }

    int run(List<String> args, ServerLauncher launcher) {
        return launcher.launch("node", () -> start(args));
    }

    /** Starts the node from {@code args} and prints what runs; the caller closes it. */
    StorageNode start(List<String> args) throws IOException, InterruptedException {
        Path path = ServerLauncher.configPath(args, USAGE, true);
        NodeConfig config = NodeConfig.load(path);
        for (String warning : config.warnings()) {
            err.println("cairn node: WARNING " + config.source() + ": " + warning);
        }
        StorageNode node = StorageNode.start(config, daemons, Clock.systemUTC(), line -> {
            out.println("cairn node: " + line);
            out.flush();
        });
        out.println("cairn node: " + node.describe() + " (config " + config.source() + ")");
        return node;
    }
}
