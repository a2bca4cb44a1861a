package io.cairn.cli;

import io.cairn.common.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away RabbitMQ node for integration tests: Debian's {@code rabbitmq-server} as the unprivileged user
 * {@code nobody} with everything in a temp directory (mnesia, logs, cookie) on free loopback ports — AMQP,
 * distribution, and its own {@code epmd} (started here in the foreground on a free port, so no daemon outlives the
 * test and no other node's epmd is shared). {@link #close} stops the node and epmd by their PIDs.
 */
final class RabbitNode implements AutoCloseable {
    static final Path SERVER = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");

    private final Process epmd;
    private final Process server;
    private final int port;

    private RabbitNode(Process epmd, Process server, int port) {
        this.epmd = epmd;
        this.server = server;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(SERVER) && Files.isExecutable(Path.of("/usr/bin/epmd"));
    }

    static RabbitNode start(Path parent) throws IOException {
        Path dir = Files.createTempDirectory(parent, "rabbit");
        PostgresCluster.chownToNobody(dir);
        int epmdPort = PostgresCluster.freePort();
        int port = PostgresCluster.freePort();
        int distPort = PostgresCluster.freePort();
        Process epmd = new ProcessBuilder(
                        PostgresCluster.asNobody(List.of("/usr/bin/epmd", "-port", String.valueOf(epmdPort))))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("epmd.log").toFile())
                .start();
        Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
        PostgresCluster.chownToNobody(dir.resolve("enabled_plugins"));
        ProcessBuilder pb = new ProcessBuilder(PostgresCluster.asNobody(List.of(SERVER.toString())))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(Map.of(
                "PATH", "/usr/bin:/bin",
                "HOME", dir.toString(),
                "ERL_EPMD_PORT", String.valueOf(epmdPort),
                "RABBITMQ_NODENAME", "cairn" + port + "@localhost",
                "RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1",
                "RABBITMQ_NODE_PORT", String.valueOf(port),
                "RABBITMQ_DIST_PORT", String.valueOf(distPort),
                "RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString(),
                "RABBITMQ_LOG_BASE", dir.resolve("log").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString()));
        env.put("RABBITMQ_PID_FILE", dir.resolve("pid").toString());
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString());
        Process server = pb.start();
        RabbitNode node = new RabbitNode(epmd, server, port);
        try {
            Await.until(
                    "rabbitmq accepting on " + port,
                    Duration.ofMinutes(2),
                    () -> PostgresCluster.accepts(port) || !server.isAlive());
            if (!server.isAlive()) {
                throw new IllegalStateException(
                        "rabbitmq-server exited: " + Files.readString(dir.resolve("server.log")));
            }
        } catch (RuntimeException | Error e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** The AMQP URI (the default guest user may connect from loopback). */
    String uri() {
        return "amqp://guest:guest@127.0.0.1:" + port + "/%2F";
    }

    @Override
    public void close() {
        // the script runs beam as a child (which runs helpers): stop the whole tree by PID, children first
        stop(server);
        stop(epmd);
    }

    private static void stop(Process p) {
        List<ProcessHandle> tree = p.descendants().toList();
        for (ProcessHandle h : tree) {
            h.destroy();
        }
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }
}
