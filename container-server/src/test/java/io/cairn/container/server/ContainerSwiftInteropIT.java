package io.cairn.container.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.http.LoopbackPorts;
import io.cairn.common.testing.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's {@code swift-container-server} (Swift 2.30.1) and Cairn's container server on ONE devices
 * directory: containers and rows written through either server, then the same listing queries (prefix ×
 * delimiter × marker × end_marker × reverse × limit × format/Accept, unicode and astral names) to both
 * must give byte-identical bodies and the same status and key headers.
 */
@Timeout(120)
class ContainerSwiftInteropIT {
    private static final List<String> NAMES = List.of(
            "a",
            "b-c",
            "dir/a",
            "dir/b",
            "dir/c/d",
            "dir-x",
            "m\u00e9",
            "\u00e9t\u00e9",
            "\u2603/x",
            "x",
            "z\uD83D\uDE00");
    private static final List<String> KEY_HEADERS = List.of(
            "Content-Type",
            "X-Container-Object-Count",
            "X-Container-Bytes-Used",
            "X-Backend-Timestamp",
            "X-Backend-Put-Timestamp",
            "X-Backend-Delete-Timestamp",
            "X-Backend-Storage-Policy-Index",
            "X-Timestamp",
            "X-Put-Timestamp",
            "X-Container-Meta-Color",
            "Last-Modified");

    @TempDir
    static Path root;

    static ContainerTestNode cairn;
    static Process swift;
    static int swiftPort;
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static long clock = 1_700_000_000_00000L;

    @BeforeAll
    static void start() throws Exception {
        Path devices = root.resolve("devices");
        cairn = new ContainerTestNode(root, devices, "");
        swiftPort = LoopbackPorts.pickFree();
        Path conf = root.resolve("swift-container-server.conf");
        Files.writeString(
                conf,
                "[DEFAULT]\ndevices = " + devices + "\nmount_check = false\nbind_ip = 127.0.0.1\n"
                        + "bind_port = " + swiftPort + "\nworkers = 0\nlog_address = /nonexistent\n[pipeline:main]\n"
                        + "pipeline = container-server\n[app:container-server]\nuse = egg:swift#container\n");
        swift = new ProcessBuilder("/usr/bin/python3", "/usr/bin/swift-container-server", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("swift.log").toFile())
                .start();
        Await.until("swift-container-server listening", Duration.ofSeconds(30), () -> {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), swiftPort), 200);
                return true;
            } catch (IOException e) {
                assertThat(swift.isAlive())
                        .as("swift-container-server exited; see swift.log")
                        .isTrue();
                return false;
            }
        });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (swift != null) {
            swift.destroy();
            if (!swift.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                swift.destroyForcibly().waitFor();
            }
        }
        if (cairn != null) {
            cairn.close();
        }
    }

    static synchronized String ts() {
        clock += 1000;
        return (clock / 100000) + "." + String.format("%05d", clock % 100000);
    }

    static String quote(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    static HttpResponse<byte[]> send(int port, String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Creates container {@code c} and its rows through the server on {@code writerPort}. */
    static void populate(int writerPort, String c) throws Exception {
        assertThat(send(
                                writerPort,
                                "PUT",
                                "/sda/3/acct/" + c,
                                Map.of(
                                        "X-Timestamp",
                                        ts(),
                                        "X-Backend-Storage-Policy-Index",
                                        "0",
                                        "X-Container-Meta-Color",
                                        "blue"))
                        .statusCode())
                .isEqualTo(201);
        int size = 1;
        for (String name : NAMES) {
            HttpResponse<byte[]> r = send(
                    writerPort,
                    "PUT",
                    "/sda/3/acct/" + c + "/" + quote(name),
                    Map.of(
                            "X-Timestamp",
                            ts(),
                            "X-Size",
                            String.valueOf(size++),
                            "X-Content-Type",
                            "text/plain;swift_bytes=" + (size * 10),
                            "X-Etag",
                            "etag" + size,
                            "X-Backend-Storage-Policy-Index",
                            "0"));
            assertThat(r.statusCode()).as("row PUT of %s", name).isEqualTo(201);
        }
        assertThat(send(writerPort, "DELETE", "/sda/3/acct/" + c + "/" + quote("x"), Map.of("X-Timestamp", ts()))
                        .statusCode())
                .isEqualTo(204);
    }

    static List<String> queries() {
        List<String> out = new ArrayList<>();
        List<String> prefixes = Arrays.asList(null, "d", "dir/", "\u00e9");
        List<String> delimiters = Arrays.asList(null, "/", "-");
        List<String> markers = Arrays.asList(null, "dir/b", "m");
        List<String> endMarkers = Arrays.asList(null, "x", "dir/c");
        for (String p : prefixes) {
            for (String d : delimiters) {
                for (String m : markers) {
                    for (String e : endMarkers) {
                        for (String rev : Arrays.asList(null, "true")) {
                            for (String limit : Arrays.asList(null, "2")) {
                                StringBuilder q = new StringBuilder();
                                add(q, "prefix", p);
                                add(q, "delimiter", d);
                                add(q, "marker", m);
                                add(q, "end_marker", e);
                                add(q, "reverse", rev);
                                add(q, "limit", limit);
                                out.add(q.toString());
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void add(StringBuilder q, String key, String value) {
        if (value != null) {
            q.append(q.length() == 0 ? "" : "&").append(key).append('=').append(quote(value));
        }
    }

    /** Every query in every format to both servers; returns the differences found. */
    static List<String> compareListings(String c) throws Exception {
        List<String> diffs = new ArrayList<>();
        int withEntries = 0;
        List<String[]> formats = List.of(
                new String[] {"", null},
                new String[] {"format=json", null},
                new String[] {"", "application/xml"},
                new String[] {"format=xml", "application/json"});
        for (String q : queries()) {
            for (String[] f : formats) {
                String query = q.isEmpty() ? f[0] : f[0].isEmpty() ? q : q + "&" + f[0];
                String path = "/sda/3/acct/" + c + (query.isEmpty() ? "" : "?" + query);
                Map<String, String> headers = f[1] == null ? Map.of() : Map.of("Accept", f[1]);
                CompletableFuture<HttpResponse<byte[]>> fromSwift = CompletableFuture.supplyAsync(() -> {
                    try {
                        return send(swiftPort, "GET", path, headers);
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                });
                HttpResponse<byte[]> ours = send(cairn.server.port(), "GET", path, headers);
                HttpResponse<byte[]> theirs = fromSwift.get();
                compare(path + " " + headers, theirs, ours, diffs);
                if (ours.statusCode() == 200 && ours.body().length > 2) {
                    withEntries++;
                }
            }
        }
        // the comparison must be about real listings, not two matching 404s
        assertThat(withEntries)
                .as("listings with entries")
                .isGreaterThan(queries().size());
        return diffs;
    }

    static void compare(String what, HttpResponse<byte[]> swiftR, HttpResponse<byte[]> cairnR, List<String> diffs) {
        if (swiftR.statusCode() != cairnR.statusCode()) {
            diffs.add(what + ": status " + swiftR.statusCode() + " vs " + cairnR.statusCode());
            return;
        }
        if (!Arrays.equals(swiftR.body(), cairnR.body())) {
            diffs.add(what + ": body\n  swift: " + new String(swiftR.body(), StandardCharsets.UTF_8) + "\n  cairn: "
                    + new String(cairnR.body(), StandardCharsets.UTF_8));
        }
        for (String h : KEY_HEADERS) {
            String a = swiftR.headers().firstValue(h).orElse(null);
            String b = cairnR.headers().firstValue(h).orElse(null);
            if (a == null ? b != null : !a.equals(b)) {
                diffs.add(what + ": header " + h + " " + a + " vs " + b);
            }
        }
    }

    @Test
    void shouldListIdenticallyWhenSwiftWroteTheContainer() throws Exception {
        populate(swiftPort, "by-swift");
        List<String> diffs = compareListings("by-swift");
        assertThat(diffs)
                .as("first differences: %s", diffs.subList(0, Math.min(5, diffs.size())))
                .isEmpty();
    }

    @Test
    void shouldListIdenticallyWhenCairnWroteTheContainer() throws Exception {
        populate(cairn.server.port(), "by-cairn");
        List<String> diffs = compareListings("by-cairn");
        assertThat(diffs)
                .as("first differences: %s", diffs.subList(0, Math.min(5, diffs.size())))
                .isEmpty();
    }

    @Test
    void shouldSeeEachOthersRowsWhenBothServersWriteOneContainer() throws Exception {
        String c = "mixed";
        assertThat(send(cairn.server.port(), "PUT", "/sda/3/acct/" + c, Map.of("X-Timestamp", ts()))
                        .statusCode())
                .isEqualTo(201);
        Map<String, String> row = Map.of("X-Size", "5", "X-Content-Type", "a/b", "X-Etag", "e");
        for (int i = 0; i < 6; i++) {
            int port = i % 2 == 0 ? swiftPort : cairn.server.port();
            java.util.HashMap<String, String> h = new java.util.HashMap<>(row);
            h.put("X-Timestamp", ts());
            assertThat(send(port, "PUT", "/sda/3/acct/" + c + "/o" + i, h).statusCode())
                    .isEqualTo(201);
        }
        HttpResponse<byte[]> cairnHead = send(cairn.server.port(), "HEAD", "/sda/3/acct/" + c, Map.of());
        HttpResponse<byte[]> swiftHead = send(swiftPort, "HEAD", "/sda/3/acct/" + c, Map.of());
        assertThat(cairnHead.headers().firstValue("X-Container-Object-Count")).hasValue("6");
        assertThat(swiftHead.headers().firstValue("X-Container-Object-Count")).hasValue("6");
        List<String> diffs = new ArrayList<>();
        compare("HEAD", swiftHead, cairnHead, diffs);
        compare(
                "GET json",
                send(swiftPort, "GET", "/sda/3/acct/" + c + "?format=json", Map.of()),
                send(cairn.server.port(), "GET", "/sda/3/acct/" + c + "?format=json", Map.of()),
                diffs);
        assertThat(diffs).isEmpty();
        assertThat(send(swiftPort, "DELETE", "/sda/3/acct/" + c, Map.of("X-Timestamp", ts()))
                        .statusCode())
                .isEqualTo(409);
        assertThat(send(cairn.server.port(), "DELETE", "/sda/3/acct/" + c, Map.of("X-Timestamp", ts()))
                        .statusCode())
                .isEqualTo(409);
    }
}
