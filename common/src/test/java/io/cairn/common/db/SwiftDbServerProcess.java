package io.cairn.common.db;

import io.cairn.common.http.LoopbackPorts;
import io.cairn.common.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code swift-container-server} or {@code swift-account-server} (Swift 2.30.1, run with
 * {@code /usr/bin/python3}) on a devices directory, bound to a free loopback port, for golden tests that
 * send Swift's server and Cairn's the same requests. Fails (does not skip) when Swift is missing.
 *
 * <p>Not thread-safe; one owner starts and closes it.
 */
public final class SwiftDbServerProcess implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Process process;
    private final int port;

    private SwiftDbServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code /usr/bin/swift-<type>-server} ({@code type} {@code container} or {@code account}) over
     * {@code devices} (mount_check off), logging to {@code workDir/swift-<type>.log}.
     */
    public static SwiftDbServerProcess start(String type, Path devices, Path workDir)
            throws IOException, InterruptedException {
        int port = LoopbackPorts.pickFree();
        Path conf = workDir.resolve("swift-" + type + "-server.conf");
        Files.writeString(
                conf,
                "[DEFAULT]\ndevices = " + devices + "\nmount_check = false\nbind_ip = 127.0.0.1\n"
                        + "bind_port = " + port + "\nworkers = 0\nlog_address = /nonexistent\n[pipeline:main]\n"
                        + "pipeline = " + type + "-server\n[app:" + type + "-server]\nuse = egg:swift#" + type
                        + "\n");
        Process p = new ProcessBuilder("/usr/bin/python3", "/usr/bin/swift-" + type + "-server", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("swift-" + type + ".log").toFile())
                .start();
        SwiftDbServerProcess server = new SwiftDbServerProcess(p, port);
        Await.until("swift-" + type + "-server listening", Duration.ofSeconds(30), () -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("swift-" + type + "-server exited; see " + workDir);
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return server;
    }

    public int port() {
        return port;
    }

    /** A status and body. */
    public record Answer(int status, String body) {}

    /** Sends {@code method path} with {@code body} to the server on {@code port}. */
    public static Answer send(int port, String method, String path, String body) {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
