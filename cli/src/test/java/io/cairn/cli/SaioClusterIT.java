package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A whole SAIO (proxy + 4 nodes of real object, container and account servers) driven over HTTP. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SaioClusterIT {
    @TempDir
    Path data;

    private ExecutorService executor;
    private HttpClient client;

    @BeforeEach
    void client() {
        executor = Executors.newFixedThreadPool(2);
        client = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void stopClient() {
        executor.shutdownNow();
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String[] auth(HttpClient client, int port, String user, String key) throws Exception {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth/v1.0"))
                        .header("X-Auth-User", user)
                        .header("X-Auth-Key", key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new String[] {
            r.headers().firstValue("X-Storage-Url").orElseThrow(),
            r.headers().firstValue("X-Auth-Token").orElseThrow()
        };
    }

    @Test
    void shouldStoreReadListAndDeleteThenKeepDataAcrossRestart() throws Exception {
        byte[] body = new byte[1 << 20];
        new Random(7).nextBytes(body);
        String url;
        try (SaioCluster saio = SaioCluster.start(data, "127.0.0.1", 0, line -> {})) {
            String[] a = auth(client, saio.proxyPort(), "test:tester", "testing");
            url = a[0];
            String token = a[1];
            assertThat(url).endsWith("/v1/AUTH_test");
            assertThat(send(HttpRequest.newBuilder(URI.create(url + "/c"))
                                    .header("X-Auth-Token", token)
                                    .PUT(HttpRequest.BodyPublishers.noBody()))
                            .statusCode())
                    .isEqualTo(201);
            HttpResponse<byte[]> put = send(HttpRequest.newBuilder(URI.create(url + "/c/dir/o.bin"))
                    .header("X-Auth-Token", token)
                    .header("X-Object-Meta-Color", "blue")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
            assertThat(put.statusCode()).isEqualTo(201);
            HttpResponse<byte[]> get = send(
                    HttpRequest.newBuilder(URI.create(url + "/c/dir/o.bin")).header("X-Auth-Token", token));
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).isEqualTo(body);
            assertThat(get.headers().firstValue("X-Object-Meta-Color")).contains("blue");
            HttpResponse<byte[]> list = send(
                    HttpRequest.newBuilder(URI.create(url + "/c?prefix=dir/")).header("X-Auth-Token", token));
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(new String(list.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("dir/o.bin\n");
            HttpResponse<byte[]> anonymous = send(HttpRequest.newBuilder(URI.create(url + "/c/dir/o.bin")));
            assertThat(anonymous.statusCode()).isEqualTo(401);
            HttpResponse<byte[]> forged = send(HttpRequest.newBuilder(URI.create(url + "/c/dir/o.bin"))
                    .header("X-Auth-Token", token.substring(0, token.length() - 2) + "xx"));
            assertThat(forged.statusCode()).isEqualTo(401);
            String[] other = auth(client, saio.proxyPort(), "test2:tester2", "testing2");
            assertThat(send(HttpRequest.newBuilder(URI.create(url + "/c/dir/o.bin"))
                                    .header("X-Auth-Token", other[1]))
                            .statusCode())
                    .isEqualTo(403);
        }
        assertThat(Files.exists(data.resolve("etc/object.ring.gz"))).isTrue();
        try (SaioCluster saio = SaioCluster.start(data, "127.0.0.1", 0, line -> {})) {
            String[] a = auth(client, saio.proxyPort(), "test:tester", "testing");
            HttpResponse<byte[]> get = send(
                    HttpRequest.newBuilder(URI.create(a[0] + "/c/dir/o.bin")).header("X-Auth-Token", a[1]));
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).isEqualTo(body);
            assertThat(send(HttpRequest.newBuilder(URI.create(a[0] + "/c/dir/o.bin"))
                                    .header("X-Auth-Token", a[1])
                                    .DELETE())
                            .statusCode())
                    .isEqualTo(204);
            assertThat(send(HttpRequest.newBuilder(URI.create(a[0] + "/c/dir/o.bin"))
                                    .header("X-Auth-Token", a[1]))
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    /**
     * A data directory made before policies were offered (swift.conf with {@code Policy-0} only, no {@code
     * object-1.ring.gz}) still starts as it is; {@code --policies} cannot change it; a policy added to its
     * swift.conf by hand gets its object ring on the next start.
     */
    @Test
    void shouldStartAOnePolicyDataDirectoryAsItIsAndBuildTheRingOfAPolicyAddedLater() throws Exception {
        try (SaioCluster saio = SaioCluster.start(data, "127.0.0.1", 0, line -> {})) {
            assertThat(saio.policies().all()).hasSize(2);
        }
        // what swift.conf looked like before: the hash settings and one policy
        Path swiftConf = data.resolve("etc/swift.conf");
        String text = Files.readString(swiftConf);
        Files.writeString(
                swiftConf,
                text.substring(0, text.indexOf("[storage-policy:0]"))
                        + "[storage-policy:0]\nname = Policy-0\ndefault = yes\n");
        Files.delete(data.resolve("etc/object-1.ring.gz"));
        Files.delete(data.resolve("etc/object-1.builder"));
        try (SaioCluster saio = SaioCluster.start(data, "127.0.0.1", 0, line -> {})) {
            assertThat(saio.policies().all())
                    .extracting(io.cairn.ring.policy.StoragePolicy::name)
                    .containsExactly("Policy-0");
            assertThat(data.resolve("etc/object-1.ring.gz")).doesNotExist();
            String[] a = auth(client, saio.proxyPort(), "test:tester", "testing");
            assertThat(send(HttpRequest.newBuilder(URI.create(a[0] + "/c"))
                                    .header("X-Auth-Token", a[1])
                                    .PUT(HttpRequest.BodyPublishers.noBody()))
                            .statusCode())
                    .isEqualTo(201);
            assertThat(send(HttpRequest.newBuilder(URI.create(a[0] + "/c/o"))
                                    .header("X-Auth-Token", a[1])
                                    .PUT(HttpRequest.BodyPublishers.ofString("legacy")))
                            .statusCode())
                    .isEqualTo(201);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SaioCluster.start(
                        data, "127.0.0.1", 0, line -> {}, NodeDaemons.none(), java.util.List.of("gold", "silver")))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("already has the policies Policy-0");

        Files.writeString(swiftConf, "\n[storage-policy:1]\nname = silver\n", java.nio.file.StandardOpenOption.APPEND);
        try (SaioCluster saio = SaioCluster.start(data, "127.0.0.1", 0, line -> {})) {
            assertThat(saio.policies().all()).hasSize(2);
            assertThat(data.resolve("etc/object-1.ring.gz")).isRegularFile();
            String[] a = auth(client, saio.proxyPort(), "test:tester", "testing");
            assertThat(send(HttpRequest.newBuilder(URI.create(a[0] + "/c/o")).header("X-Auth-Token", a[1]))
                            .body())
                    .isEqualTo("legacy".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(send(HttpRequest.newBuilder(URI.create(a[0] + "/s"))
                                    .header("X-Auth-Token", a[1])
                                    .header("X-Storage-Policy", "silver")
                                    .PUT(HttpRequest.BodyPublishers.noBody()))
                            .statusCode())
                    .isEqualTo(201);
        }
    }

    @Test
    void shouldWriteTheAskedPoliciesFirstDefaultAndRefuseInvalidOnes() throws Exception {
        try (SaioCluster saio = SaioCluster.start(
                data, "127.0.0.1", 0, line -> {}, NodeDaemons.none(), java.util.List.of("gold", "silver", "bronze"))) {
            assertThat(saio.policies().all())
                    .extracting(p -> p.index() + ":" + p.name() + (p.isDefault() ? "*" : ""))
                    .containsExactly("0:gold*", "1:silver", "2:bronze");
            assertThat(data.resolve("etc/object-2.ring.gz")).isRegularFile();
        }
        for (java.util.List<String> bad : java.util.List.of(
                java.util.List.of("gold", "gold"), java.util.List.of("bad name"), java.util.List.<String>of())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SaioCluster.policySections(bad))
                    .as("%s", bad)
                    .isInstanceOf(ServerLauncher.UsageException.class);
        }
        assertThat(SaioCommand.policyNames("gold, silver,bronze")).containsExactly("gold", "silver", "bronze");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SaioCommand.policyNames("gold,,silver"))
                .isInstanceOf(ServerLauncher.UsageException.class);
    }
}
