package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Await;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input through a SAIO's proxy, on raw sockets so nothing normalizes it first: every constraint of
 * reference §4.8 answers Swift's status and a body saying why; oversized bodies are refused before a byte
 * is stored; clients that stop sending or vanish mid-body leave nothing behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyBadInputIT {
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(1);

    private Path data;

    private SaioHarness saio;
    private String token;

    @BeforeAll
    void startSaio(@TempDir Path dataDir) throws Exception {
        this.data = dataDir;
        saio = SaioHarness.start(data, Map.of("client_timeout", "1"), Map.of());
        token = saio.login("test:tester", "testing").token();
        for (String c : new String[] {"bad", "huge", "slow"}) {
            assertThat(raw("PUT /v1/AUTH_test/" + c, "Content-Length: 0").status())
                    .isEqualTo(201);
        }
        raw("PUT /v1/AUTH_test/bad/src", "Content-Length: 3", "abc");
    }

    @AfterAll
    void stopSaio() {
        if (saio != null) {
            saio.close();
        }
    }

    /** {@code requestLine} with the token and {@code headers} (CRLF-joined), and {@code body}. */
    private RawHttp.Response raw(String requestLine, String headers, String body) throws IOException {
        String head = requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + token
                + (headers.isEmpty() ? "" : "\r\n" + headers);
        return RawHttp.exchange(saio.port(), head, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private RawHttp.Response raw(String requestLine, String headers) throws IOException {
        return raw(requestLine, headers, "");
    }

    static Stream<Arguments> objectViolations() {
        return Stream.of(
                Arguments.of(
                        "object name too long",
                        "PUT /v1/AUTH_test/bad/" + "o".repeat(1025),
                        "Content-Length: 0",
                        400,
                        "Object name length of 1025 longer than 1024"),
                Arguments.of(
                        "container name too long",
                        "PUT /v1/AUTH_test/" + "c".repeat(257),
                        "Content-Length: 0",
                        400,
                        "Container name length of 257 longer than 256"),
                Arguments.of(
                        "metadata name too long",
                        "PUT /v1/AUTH_test/bad/o",
                        "Content-Length: 0\r\nX-Object-Meta-" + "n".repeat(129) + ": v",
                        400,
                        "Metadata name too long: "),
                Arguments.of(
                        "metadata value too long",
                        "PUT /v1/AUTH_test/bad/o",
                        "Content-Length: 0\r\nX-Object-Meta-K: " + "v".repeat(257),
                        400,
                        "Metadata value longer than 256: "),
                Arguments.of(
                        "too many metadata items",
                        "PUT /v1/AUTH_test/bad/o",
                        "Content-Length: 0\r\n" + metaHeaders("Object", 91, 1),
                        400,
                        "Too many metadata items; max 90"),
                Arguments.of(
                        "metadata too large overall",
                        "PUT /v1/AUTH_test/bad/o",
                        "Content-Length: 0\r\n" + metaHeaders("Object", 17, 250),
                        400,
                        "Total metadata too large; max 4096"),
                Arguments.of(
                        "empty metadata name",
                        "PUT /v1/AUTH_test/bad/o",
                        "Content-Length: 0\r\nX-Object-Meta-: v",
                        400,
                        "Metadata name cannot be empty"),
                Arguments.of(
                        "header value too long",
                        "PUT /v1/AUTH_test/bad/o",
                        "Content-Length: 0\r\nX-Long: " + "h".repeat(8193),
                        400,
                        "Header value too long: "),
                Arguments.of(
                        "object name not UTF-8",
                        "PUT /v1/AUTH_test/bad/%FF",
                        "Content-Length: 0",
                        412,
                        "Invalid UTF8 or contains NULL"),
                Arguments.of(
                        "object name with NUL",
                        "PUT /v1/AUTH_test/bad/a%00b",
                        "Content-Length: 0",
                        412,
                        "Invalid UTF8 or contains NULL"));
    }

    static Stream<Arguments> otherViolations() {
        return Stream.of(
                Arguments.of(
                        "container metadata not UTF-8",
                        "POST /v1/AUTH_test/bad",
                        "X-Container-Meta-K: caf\u00e9\u00ff",
                        400,
                        "Metadata must be valid UTF-8"),
                Arguments.of(
                        "container metadata value too long",
                        "POST /v1/AUTH_test/bad",
                        "X-Container-Meta-K: " + "v".repeat(257),
                        400,
                        "Metadata value longer than 256: "),
                Arguments.of(
                        "account metadata too many",
                        "POST /v1/AUTH_test",
                        metaHeaders("Account", 91, 1),
                        400,
                        "Too many metadata items; max 90"),
                Arguments.of(
                        "COPY destination without an object",
                        "COPY /v1/AUTH_test/bad/src",
                        "Destination: onlycontainer",
                        412,
                        "Destination header must be of the form <container name>/<object name>"),
                Arguments.of(
                        "COPY destination account with a slash",
                        "COPY /v1/AUTH_test/bad/src",
                        "Destination: bad/dst\r\nDestination-Account: AUTH_test/evil",
                        412,
                        "Account name cannot contain slashes"),
                Arguments.of(
                        "X-Copy-From without an object",
                        "PUT /v1/AUTH_test/bad/dst",
                        "Content-Length: 0\r\nX-Copy-From: onlycontainer",
                        412,
                        "X-Copy-From header must be of the form <container name>/<object name>"),
                Arguments.of(
                        "X-Copy-From-Account with a slash",
                        "PUT /v1/AUTH_test/bad/dst",
                        "Content-Length: 0\r\nX-Copy-From: bad/src\r\nX-Copy-From-Account: AUTH_test/evil",
                        412,
                        "Account name cannot contain slashes"),
                Arguments.of(
                        "X-Delete-At in the past",
                        "PUT /v1/AUTH_test/bad/o",
                        "Content-Length: 0\r\nX-Delete-At: 1",
                        400,
                        "X-Delete-At in past"),
                Arguments.of(
                        "X-Delete-After not an integer",
                        "PUT /v1/AUTH_test/bad/o",
                        "Content-Length: 0\r\nX-Delete-After: soon",
                        400,
                        "Non-integer X-Delete-After"),
                Arguments.of(
                        "If-None-Match other than *",
                        "PUT /v1/AUTH_test/bad/o",
                        "Content-Length: 0\r\nIf-None-Match: abc",
                        400,
                        "If-None-Match only supports *"),
                Arguments.of(
                        "swift_ content-type parameter",
                        "PUT /v1/AUTH_test/bad/o",
                        "Content-Length: 0\r\nContent-Type: text/plain;swift_bytes=3",
                        400,
                        "Invalid Content-Type"),
                Arguments.of(
                        "no Content-Length nor chunked",
                        "PUT /v1/AUTH_test/bad/o",
                        "",
                        411,
                        "Missing Content-Length header."),
                Arguments.of(
                        "unknown storage policy",
                        "PUT /v1/AUTH_test/nopolicy",
                        "Content-Length: 0\r\nX-Storage-Policy: nope",
                        400,
                        "Invalid X-Storage-Policy 'nope'"),
                Arguments.of(
                        "referrer in a write ACL",
                        "POST /v1/AUTH_test/bad",
                        "X-Container-Write: .r:*",
                        400,
                        "Referrers not allowed in write ACL"),
                Arguments.of(
                        "listing limit over 10000",
                        "GET /v1/AUTH_test/bad?limit=10001",
                        "",
                        412,
                        "Maximum limit is 10000"));
    }

    private static String metaHeaders(String type, int count, int valueLength) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(String.format(java.util.Locale.ROOT, "X-%s-Meta-K%02d: %s", type, i, "v".repeat(valueLength)));
        }
        return String.join("\r\n", lines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"objectViolations", "otherViolations"})
    void shouldAnswerSwiftsStatusAndReasonWhenAConstraintIsViolated(
            String what, String requestLine, String headers, int status, String reason) throws Exception {
        RawHttp.Response r = raw(requestLine, headers);
        assertThat(r.status()).as("%s: %s", what, r).isEqualTo(status);
        assertThat(r.body()).as(what).contains(reason);
    }

    @Test
    void shouldLeaveNothingStoredWhenAPutIsRejectedForBadInput() throws Exception {
        assertThat(raw("HEAD /v1/AUTH_test/bad/o", "").status()).isEqualTo(404);
        assertThat(raw("HEAD /v1/AUTH_test/bad/dst", "").status()).isEqualTo(404);
        assertThat(raw("GET /v1/AUTH_test/bad", "").body()).isEqualTo("src\n");
    }

    @Test
    void shouldAnswer413BeforeStoringAnythingWhenTheBodyIs10GiB() throws Exception {
        RawHttp.Response r = raw("PUT /v1/AUTH_test/huge/ten", "Content-Length: 10737418240\r\nExpect: 100-continue");
        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.body()).contains("Your request is too large.");
        assertThat(raw("HEAD /v1/AUTH_test/huge/ten", "").status()).isEqualTo(404);
        assertThat(raw("GET /v1/AUTH_test/huge", "").status())
                .as("empty listing")
                .isEqualTo(204);
        assertThat(tmpFiles()).isEmpty();
    }

    @Test
    void shouldTimeOutAndStoreNothingWhenAClientStopsSendingMidBody() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), saio.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("PUT /v1/AUTH_test/slow/half HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + token
                            + "\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(500))
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long start = System.nanoTime();
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.status()).as(r.toString()).isEqualTo(408);
            assertThat(took)
                    .isGreaterThanOrEqualTo(CLIENT_TIMEOUT.minusMillis(100))
                    .isLessThan(CLIENT_TIMEOUT.plusSeconds(10));
        }
        assertThat(raw("HEAD /v1/AUTH_test/slow/half", "").status()).isEqualTo(404);
        assertThat(raw("GET /v1/AUTH_test/slow?prefix=half", "").status())
                .as("empty listing")
                .isEqualTo(204);
        Await.until(
                "object servers to drop their partial files",
                Duration.ofSeconds(10),
                () -> tmpFiles().isEmpty());
    }

    @Test
    void shouldStoreNothingWhenAClientDisconnectsMidBody() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), saio.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("PUT /v1/AUTH_test/slow/gone HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + token
                            + "\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(50_000))
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        Await.until(
                "the proxy to log the abandoned PUT",
                Duration.ofSeconds(10),
                () -> saio.accessLog.stream().anyMatch(l -> l.contains("\"PUT /v1/AUTH_test/slow/gone\" 499 ")));
        assertThat(raw("HEAD /v1/AUTH_test/slow/gone", "").status()).isEqualTo(404);
        assertThat(raw("GET /v1/AUTH_test/slow?prefix=gone", "").status())
                .as("empty listing")
                .isEqualTo(204);
        Await.until(
                "object servers to drop their partial files",
                Duration.ofSeconds(10),
                () -> tmpFiles().isEmpty());
    }

    /** Files under any device's {@code tmp} directory: uploads in progress or left behind. */
    private List<Path> tmpFiles() {
        List<Path> found = new ArrayList<>();
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            Path tmp = data.resolve("srv/node" + n + "/sdb" + n + "/tmp");
            if (Files.isDirectory(tmp)) {
                try (Stream<Path> files = Files.walk(tmp)) {
                    files.filter(Files::isRegularFile).forEach(found::add);
                } catch (IOException e) {
                    // a file vanished mid-walk: an upload finishing; look again next poll
                    found.add(tmp);
                }
            }
        }
        return found;
    }
}
