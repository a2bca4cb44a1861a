package io.cairn.account.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.path.Constraints;
import io.cairn.common.path.HashPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountServerIT {
    @TempDir
    Path devices;

    private AccountServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(devices.resolve("sda"));
        server = new AccountServer(
                AccountServerConfig.forTest(devices),
                HashPath.of("", "cairn-test"),
                Constraints.DEFAULTS,
                Map.of(0, "gold", 1, "silver"),
                Clock.systemUTC());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String[] report(String put, String del, String objects, String bytes, String policy) {
        return new String[] {
            "X-Put-Timestamp",
            put,
            "X-Delete-Timestamp",
            del,
            "X-Object-Count",
            objects,
            "X-Bytes-Used",
            bytes,
            "X-Backend-Storage-Policy-Index",
            policy,
            "X-Timestamp",
            put
        };
    }

    @Test
    void shouldServeSwiftsAccountLifecycleWhenDrivenOverHttp() throws Exception {
        assertThat(send("PUT", "/sda/1/AUTH_a").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/sda/1/AUTH_a").body()).isEqualTo("Missing X-Timestamp header");
        assertThat(send("HEAD", "/sda/1/AUTH_a").statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/sda/1/AUTH_a/c1", report("1700000001.00000", "0", "1", "1", "0"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("PUT", "/sda/1/AUTH_a", "X-Timestamp", "1700000000.00000", "X-Account-Meta-Color", "blue")
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("PUT", "/sda/1/AUTH_a", "X-Timestamp", "1700000000.50000")
                        .statusCode())
                .isEqualTo(202);
        assertThat(send("PUT", "/sda/1/AUTH_a/c1", report("1700000001.00000", "0", "3", "30", "0"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("PUT", "/sda/1/AUTH_a/c2", report("1700000002.00000", "0", "1", "5", "1"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("PUT", "/sda/1/AUTH_a/c3", report("1700000001.00000", "1700000003.00000", "0", "0", "0"))
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> head = send("HEAD", "/sda/1/AUTH_a");
        assertThat(head.statusCode()).isEqualTo(204);
        assertThat(head.headers().firstValue("X-Account-Container-Count")).hasValue("2");
        assertThat(head.headers().firstValue("X-Account-Object-Count")).hasValue("4");
        assertThat(head.headers().firstValue("X-Account-Bytes-Used")).hasValue("35");
        assertThat(head.headers().firstValue("X-Account-Meta-Color")).hasValue("blue");
        assertThat(head.headers().firstValue("X-Account-Storage-Policy-Silver-Bytes-Used"))
                .hasValue("5");
        assertThat(head.headers().firstValue("X-PUT-Timestamp")).hasValue("1700000000.50000");
        HttpResponse<String> json = send("GET", "/sda/1/AUTH_a?format=json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body())
                .isEqualTo("[{\"name\": \"c1\", \"count\": 3, \"bytes\": 30, \"last_modified\":"
                        + " \"2023-11-14T22:13:21.000000\"}, {\"name\": \"c2\", \"count\": 1, \"bytes\": 5,"
                        + " \"last_modified\": \"2023-11-14T22:13:22.000000\"}]");
        assertThat(send("GET", "/sda/1/AUTH_a?limit=1&reverse=on").body()).isEqualTo("c2\n");
        assertThat(send("GET", "/sda/1/AUTH_a?limit=10001").statusCode()).isEqualTo(412);
        assertThat(send("GET", "/sda/1/AUTH_a?prefix=zz").statusCode()).isEqualTo(204);
        assertThat(send(
                                "POST",
                                "/sda/1/AUTH_a",
                                "X-Timestamp",
                                "1700000005.00000",
                                "X-Account-Meta-Big",
                                "x".repeat(250),
                                "X-Account-Meta-Big2",
                                "x".repeat(250))
                        .statusCode())
                .isEqualTo(204);
        assertThat(send("DELETE", "/sda/1/AUTH_a", "X-Timestamp", "1700000006.00000")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> gone = send("HEAD", "/sda/1/AUTH_a");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("X-Account-Status")).hasValue("Deleted");
        assertThat(send("PUT", "/sda/1/AUTH_a", "X-Timestamp", "1700000007.00000")
                        .body())
                .isEqualTo("Recently deleted");
        assertThat(send("HEAD", "/nodev/1/AUTH_a").statusCode()).isEqualTo(507);
    }

    @Test
    void shouldRejectMetadataOverSwiftsLimitsWithoutWritingIt() throws Exception {
        send("PUT", "/sda/1/AUTH_m", "X-Timestamp", "1700000000.00000");
        List<String> headers = new ArrayList<>(List.of("X-Timestamp", "1700000001.00000"));
        for (int i = 0; i < 17; i++) {
            headers.add("X-Account-Meta-K" + i);
            headers.add("v".repeat(250));
        }
        HttpResponse<String> r = send("POST", "/sda/1/AUTH_m", headers.toArray(new String[0]));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("Total metadata too large; max 4096");
        assertThat(send("HEAD", "/sda/1/AUTH_m").headers().firstValue("X-Account-Meta-K0"))
                .isEmpty();
    }

    @Test
    void shouldAutoCreateDotAccountsWhenReportsArriveConcurrently() throws Exception {
        int n = 64;
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/sda/2/.expiring/c" + i))
                    .PUT(HttpRequest.BodyPublishers.noBody());
            String[] h = report("1700000001.00000", "0", "1", "1", "0");
            for (int j = 0; j < h.length; j += 2) {
                b.header(h[j], h[j + 1]);
            }
            all.add(http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : all) {
            assertThat(f.get().statusCode()).isEqualTo(201);
        }
        assertThat(send("HEAD", "/sda/2/.expiring").headers().firstValue("X-Account-Container-Count"))
                .hasValue(String.valueOf(n));
    }

    @Test
    void shouldAnswerReplicateSyncWithTheDbInfo() throws Exception {
        send("PUT", "/sda/3/AUTH_r", "X-Timestamp", "1700000000.00000");
        String hash = HashPath.of("", "cairn-test").hex("AUTH_r", null, null);
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/sda/3/" + hash))
                .method(
                        "REPLICATE",
                        HttpRequest.BodyPublishers.ofString("[\"sync\", 5, \"abc\", \"peer-id\","
                                + " \"1700000000.00000\", \"1700000000.00000\", \"0\", \"\"]"))
                .header("Content-Type", "application/json")
                .build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .startsWith("{\"account\": \"AUTH_r\", \"created_at\": ")
                .endsWith("\"max_row\": -1, \"point\": -1}");
        HttpRequest missing = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/sda/3/" + "0".repeat(32)))
                .method(
                        "REPLICATE",
                        HttpRequest.BodyPublishers.ofString(
                                "[\"sync\", 5, \"abc\", \"p\", \"1\", \"1\"," + " \"0\", \"\"]"))
                .build();
        assertThat(http.send(missing, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
    }
}
