package io.cairn.container.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.Json;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code /recon/*} mounted on a real container server from a {@link ReconRegistry}. */
@Timeout(60)
class ContainerReconIT {
    @TempDir
    Path root;

    @Test
    void shouldServeReconDocumentsWhenARegistryIsGiven() throws Exception {
        Path swiftDir = Files.createDirectories(root.resolve("etc"));
        Files.writeString(swiftDir.resolve("swift.conf"), ContainerTestNode.SWIFT_CONF);
        Path devices = Files.createDirectories(root.resolve("devices/sda"));
        Files.createDirectories(devices.resolve("quarantined/containers/db1"));
        String conf = "[DEFAULT]\nbind_ip = 127.0.0.1\nbind_port = 0\nmount_check = false\ndevices = "
                + devices.getParent() + "\nswift_dir = " + swiftDir + "\n[app:container-server]\n";
        ReconRegistry recon = new ReconRegistry();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        recon.passFinished(new PassReport.Builder("container-replicator", start)
                .add("no_change", 4)
                .build(start.plusSeconds(6)));
        ContainerServerConfig config = ContainerServerConfig.from(IniFile.parse(conf, "c.conf"));
        try (ContainerServer server = new ContainerServer(
                config, SwiftConf.load(config.swiftDir()), Transport.select(true), Clock.systemUTC(), recon)) {
            server.start();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> replication = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + server.port() + "/recon/replication/container"))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(replication.statusCode()).isEqualTo(200);
            Map<?, ?> doc = (Map<?, ?>) java.util.Objects.requireNonNull(Json.parse(replication.body()));
            assertThat(doc.get("replication_time")).isEqualTo(6.0);
            assertThat(String.valueOf(doc.get("replication_stats"))).contains("no_change=4");
            HttpResponse<String> quarantined = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/recon/quarantined"))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(quarantined.body()).contains("\"containers\": 1");
            HttpResponse<String> unknown = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/recon/x"))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).isEqualTo("Invalid path: /recon/x");
        }
    }
}
