package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.http.LoopbackPorts;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@code cairn cloud} on PostgreSQL (the multi-host database): a cluster this test creates and starts itself on a
 * free port as an unprivileged user, and stops by its PID. Then {@code cairn identity-api} and {@code cairn image-api}
 * as separate services on the same database and storage, driven by the real {@code openstack} CLI.
 */
class CloudPostgresIT extends CloudClientsITBase {
    private @Nullable PostgresCluster postgres;

    @Override
    List<String> databaseArgs() throws Exception {
        assertThat(PostgresCluster.available())
                .as("PostgreSQL 15 (apt-get install postgresql)")
                .isTrue();
        PostgresCluster pg = PostgresCluster.start(tmp);
        postgres = pg;
        return List.of("--database-url", pg.jdbcUrl(), "--database-user", "postgres");
    }

    @Override
    void afterCloud() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void standaloneIdentityAndImageApisServeTheSameCloudFromTheSharedDatabase() throws Exception {
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(tmp.resolve("cloud/etc").resolve(CloudCommand.SECRETS))) {
            secrets.load(in);
        }
        PostgresCluster pg = java.util.Objects.requireNonNull(postgres);
        int identityPort = LoopbackPorts.pickFree();
        int imagePort = LoopbackPorts.pickFree();
        String common = "server.address = 127.0.0.1\ncairn.database.url = " + pg.jdbcUrl()
                + "\ncairn.database.username = postgres\ncairn.identity.signing-key = "
                + secrets.getProperty("token_signing_key") + "\ncairn.storage.url = " + proxy() + "\n";
        Path identityConf = Files.writeString(
                tmp.resolve("identity-api.conf"),
                "[identity-api]\nserver.port = " + identityPort + "\n" + common
                        // the same password: bootstrapping again is idempotent
                        + "cairn.identity.admin-password = " + secrets.getProperty("admin_password") + "\n"
                        + "cairn.endpoints.image-public-url = http://127.0.0.1:" + imagePort + "\n",
                StandardCharsets.UTF_8);
        Path imageConf = Files.writeString(
                tmp.resolve("image-api.conf"),
                "[image-api]\nserver.port = " + imagePort + "\n" + common
                        + "cairn.storage.auth-user = admin:admin\ncairn.storage.auth-key = admin\n"
                        + "cairn.endpoints.identity-public-url = http://127.0.0.1:" + identityPort + "\n",
                StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream banner = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(banner, true, StandardCharsets.UTF_8);
        try (ServerLauncher.Running identity = new AddonServiceCommand(AddonServiceCommand.Service.IDENTITY, out)
                        .start(List.of("--config", identityConf.toString()));
                ServerLauncher.Running image = new AddonServiceCommand(AddonServiceCommand.Service.IMAGE, out)
                        .start(List.of("--config", imageConf.toString()))) {
            assertThat(List.of(identity.port(), image.port())).containsExactly(identityPort, imagePort);
            assertThat(banner.toString(StandardCharsets.UTF_8))
                    .contains("identity-api: listening on 127.0.0.1:" + identityPort)
                    .contains("image-api: listening on 127.0.0.1:" + imagePort);
            OpenStackClients viaServices =
                    admin.with("OS_AUTH_URL", "http://127.0.0.1:" + identityPort + "/identity/v3");
            String token = viaServices
                    .openstack("token", "issue", "-f", "value", "-c", "id")
                    .ok("token issue")
                    .out();
            assertThat(token).startsWith("cT1");
            assertThat(viaServices
                            .openstack("catalog", "show", "image", "-f", "json")
                            .ok("catalog show")
                            .out())
                    .contains("127.0.0.1:" + imagePort + "/image");
            Path file = Files.write(tmp.resolve("standalone.raw"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            String created = viaServices
                    .openstack(
                            "image",
                            "create",
                            "--file",
                            file.toString(),
                            "--disk-format",
                            "raw",
                            "--container-format",
                            "bare",
                            "standalone-image",
                            "-f",
                            "value",
                            "-c",
                            "id")
                    .ok("image create through image-api")
                    .out()
                    .strip();
            assertThat(viaServices
                            .openstack("image", "list", "-f", "value", "-c", "ID")
                            .ok("image list")
                            .out())
                    .contains(created);
            // the same database: cairn cloud's own APIs see it too
            assertThat(admin.openstack("image", "show", created, "-f", "value", "-c", "status")
                            .ok("show")
                            .out())
                    .isEqualTo("active\n");
            // each process serves its API only
            HttpClient http = HttpClient.newHttpClient();
            assertThat(http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create("http://127.0.0.1:" + identityPort + "/image/v2/images"))
                                            .header("X-Auth-Token", token.strip())
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(404);
            assertThat(http.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + imagePort + "/identity/v3"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(404);
            viaServices.openstack("image", "delete", created).ok("image delete through image-api");
        }
    }
}
