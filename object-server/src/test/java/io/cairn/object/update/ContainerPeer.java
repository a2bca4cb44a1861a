package io.cairn.object.update;

import io.cairn.common.codec.Json;
import io.cairn.common.config.IniFile;
import io.cairn.common.http.Transport;
import io.cairn.container.server.ContainerServer;
import io.cairn.container.server.ContainerServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real Cairn container server (device {@code sda}) on a loopback port, and the little client the tests need. */
final class ContainerPeer implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final ContainerServer server;

    /** @param port 0 for any free port, or the port the ring already names */
    ContainerPeer(Path root, Path swiftDir, int port) throws IOException, InterruptedException {
        Path devices = root.resolve("devices");
        Files.createDirectories(devices.resolve("sda"));
        String conf = "[DEFAULT]\nbind_ip = 127.0.0.1\nbind_port = " + port + "\nmount_check = false\ndevices = "
                + devices + "\nswift_dir = " + swiftDir + "\n[app:container-server]\nuse = egg:swift#container\n";
        server = new ContainerServer(
                ContainerServerConfig.from(IniFile.parse(conf, "peer.conf")), Transport.select(true));
        server.start();
    }

    int port() {
        return server.port();
    }

    void createContainer(String account, String container, String timestamp) throws IOException, InterruptedException {
        int status = send(
                        "PUT",
                        "/sda/0/" + account + "/" + container,
                        Map.of("X-Timestamp", timestamp, "X-Backend-Storage-Policy-Index", "0"))
                .statusCode();
        if (status != 201 && status != 202) {
            throw new IOException("container PUT answered " + status);
        }
    }

    /** The JSON listing rows ({@code name}, {@code bytes}, …) of {@code account/container}. */
    List<Map<String, Object>> listing(String account, String container) throws Exception {
        HttpResponse<byte[]> r = send("GET", "/sda/0/" + account + "/" + container + "?format=json", Map.of());
        if (r.statusCode() == 204) {
            return List.of();
        }
        if (r.statusCode() != 200) {
            throw new IOException("listing answered " + r.statusCode());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<?> parsed =
                (List<?>) java.util.Objects.requireNonNull(Json.parse(new String(r.body(), StandardCharsets.UTF_8)));
        for (Object row : parsed) {
            rows.add(map(row));
        }
        return rows;
    }

    HttpResponse<byte[]> send(String method, String rawPath, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + rawPath))
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.close();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(@org.jspecify.annotations.Nullable Object o) {
        return (Map<String, Object>) java.util.Objects.requireNonNull(o);
    }
}
