package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn container-server/account-server --config F}: each starts its server on port 0 and answers. */
class ServerCommandsIT {
    private static final String SWIFT_CONF = "[swift-hash]\nswift_hash_path_suffix = s\nswift_hash_path_prefix = p\n"
            + "[storage-policy:0]\nname = gold\ndefault = yes\n[storage-policy:1]\nname = silver\n";

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private Path config(String app) throws Exception {
        Path swiftDir = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(swiftDir.resolve("swift.conf"), SWIFT_CONF);
        Path devices =
                Files.createDirectories(dir.resolve("devices").resolve("sda")).getParent();
        Path conf = dir.resolve(app + ".conf");
        Files.writeString(
                conf,
                "[DEFAULT]\nbind_ip = 127.0.0.1\nbind_port = 0\nmount_check = false\ndevices = " + devices
                        + "\nswift_dir = " + swiftDir + "\n[app:" + app + "]\nuse = egg:swift#"
                        + app.replace("-server", "") + "\n");
        return conf;
    }

    private HttpResponse<String> send(int port, String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeContainersWhenStartedFromAConfigFile() throws Exception {
        Path conf = config("container-server");
        try (ServerLauncher.Running server =
                new ContainerServerCommand(out).start(List.of("--config", conf.toString()))) {
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("container-server listening on 127.0.0.1:" + server.port());
            assertThat(send(
                                    server.port(),
                                    "PUT",
                                    "/sda/1/a/c",
                                    "X-Timestamp",
                                    "1700000000.00000",
                                    "X-Backend-Storage-Policy-Index",
                                    "1")
                            .statusCode())
                    .isEqualTo(201);
            HttpResponse<String> head = send(server.port(), "HEAD", "/sda/1/a/c");
            assertThat(head.statusCode()).isEqualTo(204);
            assertThat(head.headers().firstValue("X-Backend-Storage-Policy-Index"))
                    .hasValue("1");
        }
    }

    @Test
    void shouldServeAccountsWithPolicyNamesWhenStartedFromAConfigFile() throws Exception {
        Path conf = config("account-server");
        try (ServerLauncher.Running server = new AccountServerCommand(out).start(List.of("--config=" + conf))) {
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("account-server listening on 127.0.0.1:" + server.port());
            assertThat(send(server.port(), "PUT", "/sda/1/a", "X-Timestamp", "1700000000.00000")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(send(
                                    server.port(),
                                    "PUT",
                                    "/sda/1/a/c",
                                    "X-Put-Timestamp",
                                    "1700000001.00000",
                                    "X-Delete-Timestamp",
                                    "0",
                                    "X-Object-Count",
                                    "3",
                                    "X-Bytes-Used",
                                    "30",
                                    "X-Backend-Storage-Policy-Index",
                                    "1",
                                    "X-Timestamp",
                                    "1700000001.00000")
                            .statusCode())
                    .isEqualTo(201);
            HttpResponse<String> head = send(server.port(), "HEAD", "/sda/1/a");
            assertThat(head.statusCode()).isEqualTo(204);
            assertThat(head.headers().firstValue("X-Account-Storage-Policy-Silver-Object-Count"))
                    .hasValue("3");
        }
    }

    @Test
    void shouldRefuseWhenTheConfigIsMissing() {
        assertThatThrownBy(() -> new ContainerServerCommand(out).start(List.of()))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("--config FILE is required");
        assertThatThrownBy(() -> new AccountServerCommand(out).start(List.of("--config", dir + "/none.conf")))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("no config file at");
    }
}
