package io.cairn.cli.conformance;

import io.cairn.cli.RawHttp;
import io.cairn.common.http.LoopbackPorts;
import io.cairn.common.testing.Await;
import io.cairn.common.testing.Python;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Debian's OpenStack Swift 2.30.1 as processes on loopback: a SAIO (memcached, four storage nodes of an object,
 * a container and an account server each, rings of 3 replicas built by Swift's own {@code RingBuilder}, one proxy)
 * or only a proxy (with its memcached) over another cluster's {@code swift_dir}. Every Swift process runs with
 * {@code workers = 0} (one process, no forks) through {@code swift_server.py}, which points Swift at the cluster's
 * {@code swift.conf} instead of {@code /etc/swift/swift.conf}. Logs go to {@code <dir>/run/*.log}.
 *
 * <p>{@link #close} stops exactly the processes started here, by their handles; a JVM shutdown hook does the same
 * if the JVM ends first.
 *
 * <p>Thread-safety: one owner starts, waits for and closes it.
 */
final class SwiftSaio implements AutoCloseable {
    static final int NODES = 4;
    static final int PART_POWER = 10;
    static final int REPLICAS = 3;
    private static final String PYTHON = Python.INTERPRETER;
    private static final String[] TYPES = {"account", "container", "object"};

    private final Path dir;
    private final Path swiftDir;
    private final int proxyPort;
    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> storagePorts = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::destroyAll, "swift-saio-shutdown");
    private boolean closed;

    private SwiftSaio(Path dir, Path swiftDir, int proxyPort) {
        this.dir = dir;
        this.swiftDir = swiftDir;
        this.proxyPort = proxyPort;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Writes a SAIO under {@code dir} ({@code etc/}: swift.conf with {@code policies} and a random hash
     * prefix/suffix, rings, configs; {@code srv/nodeN/sdbN}) and starts its processes; {@link #awaitReady} waits
     * for them.
     */
    static SwiftSaio startCluster(Path dir, List<Policy> policies) throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("swift.conf"), swiftConf(policies), StandardCharsets.UTF_8);
        Set<Integer> taken = new HashSet<>();
        int proxyPort = freePort(taken);
        int memcachePort = freePort(taken);
        List<String> ringSpecs = new ArrayList<>();
        List<int[]> ports = new ArrayList<>();
        for (String type : TYPES) {
            int[] p = new int[NODES];
            StringBuilder spec = new StringBuilder(type).append(':');
            for (int n = 0; n < NODES; n++) {
                p[n] = freePort(taken);
                spec.append(n == 0 ? "" : ",").append(p[n]);
            }
            ports.add(p);
            ringSpecs.add(spec.toString());
            if (type.equals("object")) {
                for (Policy policy : policies) {
                    if (policy.index() != 0) {
                        ringSpecs.add("object-" + policy.index() + spec.substring(type.length()));
                    }
                }
            }
        }
        buildRings(dir, etc, ringSpecs);
        SwiftSaio saio = new SwiftSaio(dir, etc, proxyPort);
        try {
            saio.startMemcached(memcachePort);
            for (int t = 0; t < TYPES.length; t++) {
                for (int n = 1; n <= NODES; n++) {
                    int port = ports.get(t)[n - 1];
                    Path devices = dir.resolve("srv/node" + n);
                    Files.createDirectories(devices.resolve("sdb" + n));
                    Path conf = etc.resolve(TYPES[t] + "-server-" + n + ".conf");
                    Files.writeString(conf, storageConf(TYPES[t], devices, port, etc), StandardCharsets.UTF_8);
                    saio.startSwift("swift-" + TYPES[t] + "-server", conf, TYPES[t] + "-" + n);
                    saio.storagePorts.add(port);
                }
            }
            saio.startProxy(memcachePort, UnaryOperator.identity());
            return saio;
        } catch (IOException | RuntimeException e) {
            saio.close();
            throw e;
        }
    }

    /** Only a Swift proxy (and its own memcached) under {@code dir}, over {@code swiftDir}'s swift.conf and rings. */
    static SwiftSaio startProxyOnly(Path dir, Path swiftDir) throws IOException {
        return startProxyOnly(dir, swiftDir, UnaryOperator.identity());
    }

    /** As {@link #startProxyOnly(Path, Path)}, its {@code proxy-server.conf} (the harness's) changed by {@code edit}. */
    static SwiftSaio startProxyOnly(Path dir, Path swiftDir, UnaryOperator<String> edit) throws IOException {
        Files.createDirectories(dir);
        Set<Integer> taken = new HashSet<>();
        int proxyPort = freePort(taken);
        int memcachePort = freePort(taken);
        SwiftSaio saio = new SwiftSaio(dir, swiftDir, proxyPort);
        try {
            saio.startMemcached(memcachePort);
            saio.startProxy(memcachePort, edit);
            return saio;
        } catch (IOException | RuntimeException e) {
            saio.close();
            throw e;
        }
    }

    int proxyPort() {
        return proxyPort;
    }

    /** The directory of swift.conf and the rings. */
    Path swiftDir() {
        return swiftDir;
    }

    /**
     * Waits until every storage server answers HTTP and the proxy hands out a token for {@code test:tester}
     * (which also needs memcached), failing at once if a process exits.
     */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int port : storagePorts) {
            awaitAnswer(port, "GET /healthcheck HTTP/1.1\r\nHost: x\r\n\r\n", false, deadline);
        }
        // the proxy's address as Host, as clients send it (a pipeline with cname_lookup would look up any other name)
        awaitAnswer(
                proxyPort,
                "GET /auth/v1.0 HTTP/1.1\r\nHost: 127.0.0.1:" + proxyPort
                        + "\r\nX-Auth-User: test:tester\r\nX-Auth-Key: testing\r\n\r\n",
                true,
                deadline);
    }

    private void awaitAnswer(int port, String request, boolean needOk, long deadline) {
        Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
        Await.until("Swift on port " + port + " answering (logs in " + dir.resolve("run") + ")", left, () -> {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(
                            "a Swift process exited with " + p.exitValue() + "; logs in " + dir.resolve("run"));
                }
            }
            try {
                RawHttp.Response r = RawHttp.send(
                        port, request.getBytes(StandardCharsets.ISO_8859_1), false, false, Duration.ofSeconds(5));
                return !needOk || r.status() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Policy {@code index} named {@code name}; one of them is the default. */
    record Policy(int index, String name, boolean isDefault) {}

    static String swiftConf(List<Policy> policies) {
        StringBuilder conf = new StringBuilder("[swift-hash]\nswift_hash_path_prefix = ")
                .append(randomHex(16))
                .append("\nswift_hash_path_suffix = ")
                .append(randomHex(16))
                .append('\n');
        for (Policy p : policies) {
            conf.append("\n[storage-policy:")
                    .append(p.index())
                    .append("]\nname = ")
                    .append(p.name());
            conf.append(p.isDefault() ? "\ndefault = yes\n" : "\n");
        }
        return conf.toString();
    }

    private static String storageConf(String type, Path devices, int port, Path etc) {
        // fallocate_reserve = 0: other builds on this machine fill the shared filesystem for moments (full-disk
        // tests); a 507 from that is noise here, not conformance. Cairn's SAIO gets the same setting.
        return "[DEFAULT]\ndevices = " + devices + "\nmount_check = false\nbind_ip = 127.0.0.1\nbind_port = " + port
                + "\nworkers = 0\nuser = " + currentUser() + "\nswift_dir = " + etc
                + "\nlog_address = /nonexistent\nfallocate_reserve = 0\n\n[pipeline:main]\npipeline = " + type
                + "-server\n\n[app:" + type + "-server]\nuse = egg:swift#" + type + "\n";
    }

    private void startProxy(int memcachePort, UnaryOperator<String> edit) throws IOException {
        Path conf = dir.resolve("proxy-server.conf");
        Files.writeString(
                conf,
                edit.apply(ProxyConfs.swift(proxyPort, swiftDir, memcachePort, currentUser())),
                StandardCharsets.UTF_8);
        startSwift("swift-proxy-server", conf, "proxy");
    }

    private void startMemcached(int port) throws IOException {
        List<String> command = new ArrayList<>(
                List.of("memcached", "-l", "127.0.0.1", "-p", String.valueOf(port), "-U", "0", "-m", "64"));
        if (currentUser().equals("root")) {
            command.addAll(List.of("-u", "root"));
        }
        start(command, "memcached");
    }

    private void startSwift(String server, Path conf, String logName) throws IOException {
        start(
                List.of(
                        PYTHON,
                        script("swift_server.py").toString(),
                        swiftDir.toString(),
                        "/usr/bin/" + server,
                        conf.toString(),
                        "-v"),
                logName);
    }

    private void start(List<String> command, String logName) throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(run.resolve(logName + ".log").toFile())
                .start();
        processes.add(p);
    }

    private Path script(String name) throws IOException {
        Path target = dir.resolve(name);
        if (!Files.exists(target)) {
            try (InputStream in = Objects.requireNonNull(
                    SwiftSaio.class.getResourceAsStream(name), name + " on the test class path")) {
                Files.write(target, in.readAllBytes());
            }
        }
        return target;
    }

    private static void buildRings(Path dir, Path etc, List<String> specs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                PYTHON,
                "-c",
                resource("build_rings.py"),
                etc.toString(),
                String.valueOf(PART_POWER),
                String.valueOf(REPLICAS)));
        command.addAll(specs);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("build_rings.log").toFile())
                .start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("building Swift's rings failed: "
                        + Files.readString(dir.resolve("build_rings.log"), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building rings", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(SwiftSaio.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort(Set<Integer> taken) throws IOException {
        while (true) {
            int port = LoopbackPorts.pickFree();
            if (taken.add(port)) {
                return port;
            }
        }
    }

    static String currentUser() {
        return System.getProperty("user.name", "root");
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** SIGTERM to every process started here, then SIGKILL to those still alive after 10 s. */
    private void destroyAll() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        destroyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (or ran) destroyAll itself
        }
    }
}
