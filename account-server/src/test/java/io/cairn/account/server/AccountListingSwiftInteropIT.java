package io.cairn.account.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.SwiftConf;
import io.cairn.common.http.LoopbackPorts;
import io.cairn.common.testing.Await;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's {@code swift-account-server} (Swift 2.30.1) and Cairn's account server on one devices
 * directory answer the same listing queries identically, for an account DB Cairn wrote and one Swift
 * wrote. Both servers hash paths with {@code /etc/swift/swift.conf}, as Swift always does.
 */
class AccountListingSwiftInteropIT {
    /** Container names cannot hold a slash (Swift's account server answers 400), so delimiters are - and . */
    private static final List<String> CONTAINERS = List.of(
            "a",
            "a-",
            "a-b",
            "a-b-c",
            "a-c",
            "a.b",
            "ab",
            "b",
            "b-x",
            "\u00e9-x",
            "\u00e9t\u00e9",
            "\u2603",
            "\u2603-snow",
            "z-y",
            "\uD83D\uDE00-smile");

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAnswerEveryListingQueryLikeSwiftWhenBothServeOneDisk() throws Exception {
        Path devices = tmp.resolve("devices");
        Files.createDirectories(devices.resolve("sda"));
        SwiftConf swiftConf = SwiftConf.load(Path.of("/etc/swift"));
        Map<Integer, String> policies = policyNames(swiftConf);
        int swiftPort = LoopbackPorts.pickFree();
        Process swift = startSwift(devices, swiftPort);
        try (AccountServer cairn = new AccountServer(
                AccountServerConfig.forTest(devices),
                swiftConf.hashPath(),
                swiftConf.constraints(),
                policies,
                Clock.systemUTC())) {
            cairn.start();
            Await.until("swift-account-server listening", Duration.ofSeconds(60), () -> listening(swiftPort));
            populate(cairn.port(), "AUTH_cairnwrote");
            populate(swiftPort, "AUTH_swiftwrote");
            int compared = 0;
            for (String account : List.of("AUTH_cairnwrote", "AUTH_swiftwrote")) {
                for (String query : queries()) {
                    for (String accept : List.of("", "application/json", "text/xml;q=0.9, */*;q=0.1")) {
                        if (!accept.isEmpty() && query.contains("format=")) {
                            continue;
                        }
                        String path = "/sda/1/" + account + query;
                        Answer ours = get(cairn.port(), path, accept);
                        Answer theirs = get(swiftPort, path, accept);
                        assertThat(ours).as("GET %s Accept: %s", path, accept).isEqualTo(theirs);
                        compared++;
                    }
                }
            }
            assertThat(compared).isGreaterThan(1000);
        } finally {
            swift.destroy();
            swift.waitFor();
        }
    }

    private static Map<Integer, String> policyNames(SwiftConf conf) {
        Map<Integer, String> names = new LinkedHashMap<>();
        for (String section : conf.ini().sectionNames()) {
            if (section.startsWith("storage-policy:")) {
                String name = conf.ini().section(section).get("name");
                names.put(Integer.parseInt(section.substring(15)), name == null ? "" : name);
            }
        }
        if (names.isEmpty()) {
            names.put(0, "Policy-0");
        }
        return names;
    }

    private Process startSwift(Path devices, int port) throws IOException {
        Path conf = tmp.resolve("account-server.conf");
        Files.writeString(
                conf,
                "[DEFAULT]\ndevices = " + devices + "\nmount_check = false\nbind_ip = 127.0.0.1\n"
                        + "bind_port = " + port + "\nworkers = 0\nuser = "
                        + Files.getOwner(tmp).getName() + "\n"
                        + "log_name = swift-account-interop\n"
                        + "[pipeline:main]\npipeline = account-server\n"
                        + "[app:account-server]\nuse = egg:swift#account\n");
        return new ProcessBuilder("/usr/bin/swift-account-server", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("swift.log").toFile())
                .start();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            return s.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private void populate(int port, String account) throws Exception {
        assertThat(send(port, "PUT", "/sda/1/" + account, "X-Timestamp", "1700000000.00000")
                        .statusCode())
                .isEqualTo(201);
        for (int i = 0; i < CONTAINERS.size(); i++) {
            String put = String.format("17000000%02d.00000", i + 1);
            String del = CONTAINERS.get(i).equals("ab") ? "1700000099.00000" : "0";
            HttpResponse<String> resp = send(
                    port,
                    "PUT",
                    "/sda/1/" + account + "/" + encode(CONTAINERS.get(i)),
                    "X-Timestamp",
                    put,
                    "X-Put-Timestamp",
                    put,
                    "X-Delete-Timestamp",
                    del,
                    "X-Object-Count",
                    del.equals("0") ? String.valueOf(i) : "0",
                    "X-Bytes-Used",
                    String.valueOf(i * 10),
                    "X-Backend-Storage-Policy-Index",
                    "0");
            assertThat(resp.statusCode())
                    .as("%s: %s", CONTAINERS.get(i), resp.body())
                    .isIn(201, 204);
        }
    }

    private static List<String> queries() {
        List<String> out = new ArrayList<>();
        @Nullable String[] prefixes = {null, "a", "\u00e9", "a-"};
        @Nullable String[] delimiters = {null, "-", "."};
        @Nullable String[] markers = {null, "a-b", "\u2603"};
        @Nullable String[] endMarkers = {null, "a-", "b"};
        @Nullable String[] formats = {null, "json", "xml", "plain"};
        for (@Nullable String prefix : prefixes) {
            for (@Nullable String delimiter : delimiters) {
                for (@Nullable String marker : markers) {
                    for (@Nullable String endMarker : endMarkers) {
                        for (boolean reverse : new boolean[] {false, true}) {
                            for (@Nullable String format : formats) {
                                out.add(query(prefix, delimiter, marker, endMarker, reverse, format, null));
                            }
                        }
                    }
                }
            }
        }
        out.add(query(null, null, null, null, false, "json", "2"));
        out.add(query(null, "-", null, null, true, "xml", "3"));
        out.add(query(null, null, null, null, false, null, "abc"));
        out.add(query(null, null, null, null, false, null, "10001"));
        out.add(query(null, null, null, null, false, "yaml", null));
        out.add("?prefix=%FF");
        return out;
    }

    private static String query(
            @Nullable String prefix,
            @Nullable String delimiter,
            @Nullable String marker,
            @Nullable String endMarker,
            boolean reverse,
            @Nullable String format,
            @Nullable String limit) {
        StringBuilder q = new StringBuilder();
        append(q, "prefix", prefix);
        append(q, "delimiter", delimiter);
        append(q, "marker", marker);
        append(q, "end_marker", endMarker);
        append(q, "reverse", reverse ? "true" : null);
        append(q, "format", format);
        append(q, "limit", limit);
        return q.toString();
    }

    private static void append(StringBuilder q, String name, @Nullable String value) {
        if (value != null) {
            q.append(q.length() == 0 ? '?' : '&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What must agree: status, content type, stats headers and the body. */
    record Answer(int status, String contentType, String containerCount, String objectCount, String body) {}

    private Answer get(int port, String path, String accept) throws Exception {
        HttpResponse<String> r = accept.isEmpty() ? send(port, "GET", path) : send(port, "GET", path, "Accept", accept);
        return new Answer(
                r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("X-Account-Container-Count").orElse(""),
                r.headers().firstValue("X-Account-Object-Count").orElse(""),
                r.body());
    }

    private HttpResponse<String> send(int port, String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
