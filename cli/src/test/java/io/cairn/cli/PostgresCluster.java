package io.cairn.cli;

import io.cairn.common.testing.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL cluster for integration tests: Debian's PostgreSQL 15 binaries, {@code initdb} into a
 * temp directory and {@code postgres} on a free loopback port, both as the unprivileged user {@code nobody} (the
 * server refuses to run as root; the tests run as root in CI), trust authentication, no fsync. {@link #close}
 * stops the server by its own PID (fast shutdown) and waits for it.
 */
final class PostgresCluster implements AutoCloseable {
    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String USER = "nobody";
    private static final String GROUP = "nogroup";

    private final Process server;
    private final int port;

    private PostgresCluster(Process server, int port) {
        this.server = server;
        this.port = port;
    }

    static boolean available() {
        return Files.isExecutable(BIN.resolve("postgres")) && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    }

    static PostgresCluster start(Path parent) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(parent, "pg");
        chownToNobody(dir);
        Path data = dir.resolve("data");
        run(
                List.of(
                        BIN.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-A",
                        "trust",
                        "-U",
                        "postgres",
                        "--no-sync",
                        "-E",
                        "UTF8"),
                dir.resolve("initdb.log"));
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(asNobody(List.of(
                        BIN.resolve("postgres").toString(),
                        "-D",
                        data.toString(),
                        "-p",
                        String.valueOf(port),
                        "-k",
                        dir.toString(),
                        "-c",
                        "listen_addresses=127.0.0.1",
                        "-c",
                        "fsync=off",
                        "-c",
                        "synchronous_commit=off")))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("postgres.log").toFile());
        Process server = pb.start();
        PostgresCluster cluster = new PostgresCluster(server, port);
        try {
            Await.until(
                    "postgres accepting on " + port, Duration.ofSeconds(60), () -> accepts(port) || !server.isAlive());
            if (!server.isAlive()) {
                throw new IllegalStateException("postgres exited: " + Files.readString(dir.resolve("postgres.log")));
            }
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() {
        // setpriv execs postgres itself, so this is the postmaster's PID; SIGTERM would wait for clients, and the
        // test's pool is already closed: either way it ends, forcibly after the deadline
        server.destroy();
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }

    static List<String> asNobody(List<String> command) {
        List<String> c = new java.util.ArrayList<>(
                List.of("/usr/bin/setpriv", "--reuid=" + USER, "--regid=" + GROUP, "--clear-groups"));
        c.addAll(command);
        return c;
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(asNobody(command))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException(command.get(0) + " ran over 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command + " exited " + p.exitValue() + ": " + Files.readString(log));
        }
    }

    static void chownToNobody(Path dir) throws IOException {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        GroupPrincipal group = users.lookupPrincipalByGroupName(GROUP);
        view.setOwner(users.lookupPrincipalByName(USER));
        view.setGroup(group);
        // the parent (a JUnit temp dir) must be traversable by nobody
        Path parent = dir.getParent();
        if (parent != null) {
            parent.toFile().setExecutable(true, false);
        }
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            return s.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
