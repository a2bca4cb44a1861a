package io.cairn.object.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.PickleReader;
import io.cairn.common.http.LoopbackPorts;
import io.cairn.common.http.Transport;
import io.cairn.common.testing.Await;
import io.cairn.common.testing.Python;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Cairn and Debian's Swift 2.30.1 object server on the same devices: each serves what the other wrote,
 * {@code swift-object-info} reads Cairn's {@code .data}, and both answer REPLICATE with the same hashes.
 * Fails (never skips) when Swift is missing.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectServerInteropIT {
    private static final String UNICODE = "ünïcødé ☃/päth";

    private Path root;
    private DiskFixture disk;
    private ObjectServerNode cairn;
    private @Nullable Process swift;
    private int swiftPort;
    private final AtomicLong clock = new AtomicLong(System.currentTimeMillis() / 1000);

    @BeforeAll
    void start() throws Exception {
        LeakCheck.install();
        root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "interop-");
        disk = new DiskFixture(root);
        cairn = ObjectServerNode.start(
                disk.objectServerConfig(""), disk.swiftConf(), Transport.select(true), Clock.systemUTC());
        swiftPort = LoopbackPorts.pickFree();
        Path conf = Files.writeString(
                root.resolve("etc/object-server.conf"),
                "[DEFAULT]\ndevices = " + disk.devices + "\nmount_check = false\nbind_ip = 127.0.0.1\nbind_port = "
                        + swiftPort + "\nworkers = 0\nuser = " + System.getProperty("user.name") + "\nswift_dir = "
                        + disk.swiftDir + "\nlog_address = /nonexistent\n[pipeline:main]\npipeline = object-server\n"
                        + "[app:object-server]\nuse = egg:swift#object\n");
        Path wrapper = root.resolve("swift_object_server.py");
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("swift_object_server.py"))) {
            Files.write(wrapper, in.readAllBytes());
        }
        Process p = new ProcessBuilder(
                        Python.INTERPRETER,
                        wrapper.toString(),
                        disk.swiftDir.resolve("swift.conf").toString(),
                        conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("swift-object-server.log").toFile())
                .start();
        swift = p;
        Await.until("Swift's object server listening", Duration.ofSeconds(30), () -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("swift-object-server exited: " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), swiftPort), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private String log() {
        try {
            return Files.readString(root.resolve("swift-object-server.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @AfterAll
    void stop() throws Exception {
        Process p = swift;
        if (p != null) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (cairn != null) {
            cairn.close();
        }
        LeakCheck.assertNoLeaks();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        }
    }

    private String nextTimestamp() {
        return clock.incrementAndGet() + ".00000";
    }

    /** UTF-8 text as the ISO-8859-1 string RawHttp puts on the wire byte for byte. */
    private static String wire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String quote(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%2F", "/");
    }

    private static RawHttp.Response send(int port, String method, String path, String headers, byte[] body)
            throws IOException {
        return RawHttp.exchange(port, method + " " + path + " HTTP/1.1\r\nHost: x\r\n" + headers, body);
    }

    private static RawHttp.Response put(int port, String path, String ts, String policy, String body)
            throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return send(
                port,
                "PUT",
                path,
                "X-Timestamp: " + ts + "\r\nContent-Type: text/plain;charset=utf-8\r\nContent-Length: " + b.length
                        + "\r\nX-Backend-Storage-Policy-Index: " + policy + "\r\nX-Object-Meta-Farbe: "
                        + wire("grün") + "\r\nX-Object-Meta-Key: " + wire("wért ☃")
                        + "\r\n",
                b);
    }

    private static void assertServed(int port, String path, String policy, String body, String ts) throws IOException {
        String headers = "X-Backend-Storage-Policy-Index: " + policy + "\r\n";
        RawHttp.Response got = send(port, "GET", path, headers, new byte[0]);
        assertThat(got.status()).isEqualTo(200);
        assertThat(new String(got.body(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(got.header("X-Timestamp")).isEqualTo(ts);
        assertThat(got.header("X-Object-Meta-Farbe")).isEqualTo(wire("grün"));
        assertThat(got.header("X-Object-Meta-Key")).isEqualTo(wire("wért ☃"));
        assertThat(got.header("Content-Type")).isEqualTo("text/plain;charset=utf-8");
        assertThat(got.header("ETag")).isNotNull();
        RawHttp.Response head = send(port, "HEAD", path, headers, new byte[0]);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length"))
                .isEqualTo(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
        assertThat(head.header("ETag")).isEqualTo(got.header("ETag"));
    }

    @Test
    void shouldReadCairnWrittenDataWithSwiftObjectInfo() throws Exception {
        String ts = nextTimestamp();
        assertThat(put(cairn.port(), "/sdb/5/a/c/" + quote(UNICODE), ts, "0", "info body")
                        .status())
                .isEqualTo(201);
        List<String> data = disk.files("sdb", "objects").stream()
                .filter(f -> f.endsWith(ts + ".data"))
                .toList();
        assertThat(data).hasSize(1);
        Path file = disk.devices.resolve("sdb/objects").resolve(data.get(0));
        Process info = new ProcessBuilder("/usr/bin/swift-object-info", "-d", disk.swiftDir.toString(), file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(info.waitFor()).as(out).isZero();
        assertThat(out)
                .contains("Path: /a/c/" + UNICODE)
                .contains("Object hash: " + disk.swiftConf().hashPath().hex("a", "c", UNICODE))
                .contains("ETag: " + md5("info body") + " (valid)")
                .contains("Content-Length: 9 (valid)")
                // Swift stores (and this tool prints) metadata as WSGI strings: UTF-8 bytes read as latin-1
                .contains("X-Object-Meta-Farbe: " + wire("grün"))
                .contains("X-Object-Meta-Key: ")
                .doesNotContain("invalid")
                .doesNotContain("arning");
    }

    private static String md5(String text) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of()
                .formatHex(
                        java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldServeEachOthersObjectsWhenSharingDevices() throws IOException {
        for (String policy : List.of("0", "1")) {
            String byCairn = "/sda/3/a/c/" + quote(UNICODE + " cairn " + policy);
            String t1 = nextTimestamp();
            assertThat(put(cairn.port(), byCairn, t1, policy, "written by Cairn ✓")
                            .status())
                    .isEqualTo(201);
            assertServed(swiftPort, byCairn, policy, "written by Cairn ✓", t1);

            String bySwift = "/sda/3/a/c/" + quote(UNICODE + " swift " + policy);
            String t2 = nextTimestamp();
            assertThat(put(swiftPort, bySwift, t2, policy, "written by Swift ✓").status())
                    .isEqualTo(201);
            assertServed(cairn.port(), bySwift, policy, "written by Swift ✓", t2);

            // a tombstone written by one is a 404 with its timestamp in the other
            String t3 = nextTimestamp();
            String headers = "X-Timestamp: " + t3 + "\r\nX-Backend-Storage-Policy-Index: " + policy + "\r\n";
            assertThat(send(swiftPort, "DELETE", byCairn, headers, new byte[0]).status())
                    .isEqualTo(204);
            RawHttp.Response gone = send(
                    cairn.port(), "GET", byCairn, "X-Backend-Storage-Policy-Index: " + policy + "\r\n", new byte[0]);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.header("X-Backend-Timestamp")).isEqualTo(t3);
        }
    }

    @Test
    void shouldServeEachOthersLargeBodiesWhateverHashChecksThem() throws Exception {
        // Cairn stores a CRC32C beside Swift's metadata for bodies of 1 MiB and more and checks its GETs with it;
        // Swift must serve such a .data as its own, and Cairn must check a Swift-written one by MD5
        byte[] body = RawHttp.randomBytes(3 << 20, 11);
        String md5 = io.cairn.common.path.HashPath.toHex(
                java.security.MessageDigest.getInstance("MD5").digest(body));
        for (int writer : new int[] {cairn.port(), swiftPort}) {
            String path = "/sda/5/a/c/" + quote("large ☃ " + writer);
            String headers = "X-Timestamp: " + nextTimestamp() + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + body.length + "\r\nX-Backend-Storage-Policy-Index: 0\r\n";
            assertThat(send(writer, "PUT", path, headers, body).status()).isEqualTo(201);
            for (int reader : new int[] {cairn.port(), swiftPort}) {
                RawHttp.Response got = send(reader, "GET", path, "X-Backend-Storage-Policy-Index: 0\r\n", new byte[0]);
                assertThat(got.status()).isEqualTo(200);
                assertThat(got.header("ETag")).isEqualTo("\"" + md5 + "\"");
                assertThat(got.header("X-Cairn-Body-Crc32c")).isNull();
                assertThat(got.body()).isEqualTo(body);
            }
        }
    }

    @Test
    void shouldAnswerEqualHashesWhenBothReplicateOnePartition() throws Exception {
        for (int i = 0; i < 6; i++) {
            int port = i % 2 == 0 ? cairn.port() : swiftPort;
            assertThat(put(port, "/sdb/7/a/c/" + quote("rep " + i + " ☃"), nextTimestamp(), "0", "r" + i)
                            .status())
                    .isEqualTo(201);
        }
        String ts = nextTimestamp();
        send(cairn.port(), "DELETE", "/sdb/7/a/c/" + quote("rep 1 ☃"), "X-Timestamp: " + ts + "\r\n", new byte[0]);
        Object bySwift = PickleReader.load(
                send(swiftPort, "REPLICATE", "/sdb/7", "", new byte[0]).body());
        Object byCairn = PickleReader.load(
                send(cairn.port(), "REPLICATE", "/sdb/7", "", new byte[0]).body());
        assertThat(bySwift).isInstanceOf(java.util.Map.class);
        assertThat((java.util.Map<?, ?>) bySwift).isNotEmpty();
        assertThat(byCairn).isEqualTo(bySwift);
        // and again after Cairn consumed Swift's hashes.pkl
        Object again = PickleReader.load(
                send(cairn.port(), "REPLICATE", "/sdb/7", "", new byte[0]).body());
        assertThat(again).isEqualTo(bySwift);
    }

    /**
     * Conditional and Range answers byte for byte as Swift's: 304/412 and 416 carry the object's headers (ETag,
     * Last-Modified, Content-Type, X-Timestamp, metadata, sysmeta, ...); 412/304 have no body, 416 swob's HTML body;
     * dates in each HTTP form, and unparseable ones ignored.
     */
    @Test
    void shouldAnswerConditionalsAndRangesWithSwiftsHeadersAndBodies() throws IOException {
        String path = "/sda/4/a/c/" + quote("conditional ☃");
        String ts = clock.incrementAndGet() + ".12345";
        byte[] body = "hello conditional world".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response created = send(
                cairn.port(),
                "PUT",
                path,
                "X-Timestamp: " + ts + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                        + "\r\nX-Object-Meta-Color: blue\r\nX-Object-Sysmeta-Foo: bar\r\n"
                        + "X-Object-Transient-Sysmeta-T: t\r\nContent-Encoding: gzip\r\nContent-Disposition: inline\r\n",
                body);
        assertThat(created.status()).isEqualTo(201);
        String empty = "/sda/4/a/c/" + quote("empty ☃");
        assertThat(send(
                                cairn.port(),
                                "PUT",
                                empty,
                                "X-Timestamp: " + ts + "\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n",
                                new byte[0])
                        .status())
                .isEqualTo(201);
        String etag = String.valueOf(created.header("ETag"));
        long seconds = Long.parseLong(ts.substring(0, ts.indexOf('.'))) + 1; // Last-Modified = ceil(X-Timestamp)
        List<String> requests = new java.util.ArrayList<>(List.of(
                "If-Match: \"nope\"",
                "If-Match: *",
                "If-Match: " + etag,
                "If-None-Match: " + etag,
                "If-None-Match: *",
                "If-None-Match: \"nope\"",
                "Range: bytes=100-",
                "Range: bytes=-0",
                "Range: bytes=1-2",
                "Range: bytes=100-\r\nIf-Match: \"nope\"",
                "If-Modified-Since: yesterday",
                "If-Unmodified-Since: Sun, 31 Nov 1994 08:49:37 GMT",
                "If-Unmodified-Since: 784111777"));
        for (long at : new long[] {seconds - 1, seconds, seconds + 1}) {
            java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(at, 0, java.time.ZoneOffset.UTC);
            for (String pattern : new String[] {
                "EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM ppd HH:mm:ss yyyy"
            }) {
                String date = java.time.format.DateTimeFormatter.ofPattern(pattern, java.util.Locale.US)
                        .format(t);
                requests.add("If-Modified-Since: " + date);
                requests.add("If-Unmodified-Since: " + date);
            }
        }
        int compared = 0;
        for (String method : List.of("GET", "HEAD")) {
            for (String request : requests) {
                assertSameAnswer(method, path, request + "\r\n");
                compared++;
            }
            for (String range : List.of("bytes=0-", "bytes=-5", "bytes=-0", "bytes=0-1,-2")) {
                assertSameAnswer(method, empty, "Range: " + range + "\r\n");
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(60);
    }

    private void assertSameAnswer(String method, String path, String headers) throws IOException {
        RawHttp.Response swiftAnswer = send(swiftPort, method, path, headers, new byte[0]);
        RawHttp.Response cairnAnswer = send(cairn.port(), method, path, headers, new byte[0]);
        String what = method + " " + headers.strip();
        assertThat(cairnAnswer.status()).as(what).isEqualTo(swiftAnswer.status());
        assertThat(withoutConnectionHeaders(cairnAnswer)).as(what).isEqualTo(withoutConnectionHeaders(swiftAnswer));
        assertThat(cairnAnswer.text()).as(what).isEqualTo(swiftAnswer.text());
    }

    /** The headers that describe the answer, without those of the connection (eventlet adds Date). */
    private static java.util.Map<String, String> withoutConnectionHeaders(RawHttp.Response r) {
        java.util.Map<String, String> h = new java.util.TreeMap<>(r.headers());
        h.keySet().removeAll(List.of("date", "connection", "keep-alive"));
        return h;
    }

    @Test
    void shouldStoreACairnProxysDigestOfferedPutOnSwiftAsSwiftsOwnChunkedPut() throws Exception {
        byte[] body = RawHttp.randomBytes(1024 * 1024 + 3, 21);
        String ts = nextTimestamp();
        String path = "/sdb/6/a/c/" + quote(UNICODE + " digest");
        String head = "PUT " + path + " HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + ts
                + "\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n"
                + "X-Backend-Obj-Content-Length: " + body.length + "\r\nExpect: 100-continue\r\n"
                + "X-Backend-Cairn-Body-Digest-Offer: crc32c\r\nX-Backend-Storage-Policy-Index: 0\r\n";
        // what PutConnection does: trailers only to a node whose 100 Continue took the offer
        RawHttp.ContinuedPut put = RawHttp.chunkedPut(swiftPort, head, body, 65536, h -> {
            assertThat(h).doesNotContainKey("x-backend-cairn-body-digest-accepted");
            return "";
        });
        assertThat(put.response().status()).as(put.response().text()).isEqualTo(201);
        String md5 = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("MD5").digest(body));
        assertThat(put.response().header("ETag")).isEqualTo("\"" + md5 + "\"");
        RawHttp.Response got = send(cairn.port(), "GET", path, "X-Backend-Storage-Policy-Index: 0\r\n", new byte[0]);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(body);
        assertThat(got.header("ETag")).isEqualTo("\"" + md5 + "\"");
        // and Swift holds the announced length to the body, as for a Content-Length
        RawHttp.ContinuedPut shorter = RawHttp.chunkedPut(
                swiftPort,
                head.replace("X-Timestamp: " + ts, "X-Timestamp: " + nextTimestamp())
                        .replace("Content-Length: " + body.length, "Content-Length: " + (body.length + 1)),
                body,
                65536,
                h -> "");
        assertThat(shorter.response().status()).isEqualTo(499);
    }
}
