package io.cairn.container.server;

import io.cairn.common.config.IniFile;
import io.cairn.common.http.Transport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A Cairn container server on loopback port 0 over a temp devices dir, and a small HTTP client for it. */
final class ContainerTestNode implements AutoCloseable {
    static final String SWIFT_CONF =
            "[swift-hash]\nswift_hash_path_suffix = changeme\nswift_hash_path_prefix = changeme\n"
                    + "[storage-policy:0]\nname = gold\ndefault = yes\n[storage-policy:1]\nname = silver\n";

    final Path devices;
    final ContainerServer server;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** @param extraConf more {@code [DEFAULT]} lines, e.g. {@code listing_chunk_size = 512} */
    ContainerTestNode(Path root, Path devices, String extraConf) throws IOException, InterruptedException {
        this.devices = devices;
        Path swiftDir = root.resolve("etc-swift");
        Files.createDirectories(swiftDir);
        Files.writeString(swiftDir.resolve("swift.conf"), SWIFT_CONF);
        Files.createDirectories(devices.resolve("sda"));
        String conf = "[DEFAULT]\nbind_ip = 127.0.0.1\nbind_port = 0\nmount_check = false\ndevices = " + devices
                + "\nswift_dir = " + swiftDir + "\n" + extraConf
                + "\n[app:container-server]\nuse = egg:swift#container\n"
                + "node_timeout = 2\n";
        server = new ContainerServer(
                ContainerServerConfig.from(IniFile.parse(conf, "test.conf")), Transport.select(true));
        server.start();
    }

    HttpResponse<byte[]> send(String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send(method, path, headers, new byte[0]);
    }

    HttpResponse<byte[]> send(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
