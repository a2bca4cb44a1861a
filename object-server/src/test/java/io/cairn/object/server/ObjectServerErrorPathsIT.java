package io.cairn.object.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.http.Transport;
import io.cairn.common.testing.Await;
import io.cairn.object.diskfile.DiskFileNoSpace;
import io.cairn.object.diskfile.FaultyDiskFileManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad-input and failure path of issue 6 against the real on-disk storage (wrapped in the
 * fault-injecting manager): the status, that no {@code .data} appears, and that the temp file is gone.
 */
@Timeout(60)
class ObjectServerErrorPathsIT {
    @TempDir
    Path root;

    private DiskFixture disk;
    private FaultyDiskFileManager storage;
    private @Nullable ObjectServer server;
    private String now;

    @BeforeAll
    static void watchLeaks() {
        LeakCheck.install();
    }

    @BeforeEach
    void start() throws Exception {
        disk = new DiskFixture(root);
        now = (System.currentTimeMillis() / 1000) + ".00000";
        ObjectServerConfig config = disk.objectServerConfig("client_timeout = 0.5\n");
        storage = new FaultyDiskFileManager(disk.openLocalManager());
        server = disk.startServer(config, storage);
    }

    @AfterEach
    void stop() {
        stopServer();
        storage.close();
        LeakCheck.assertNoLeaks();
    }

    private void stopServer() {
        ObjectServer s = server;
        if (s != null) {
            s.close();
            server = null;
        }
    }

    private int port() {
        ObjectServer s = server;
        if (s == null) {
            throw new IllegalStateException("server stopped");
        }
        return s.port();
    }

    private RawHttp.Response send(String method, String path, String headers, byte[] body) throws IOException {
        return RawHttp.exchange(port(), method + " " + path + " HTTP/1.1\r\nHost: x\r\n" + headers, body);
    }

    private RawHttp.Response put(String path, String extraHeaders, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return send(
                "PUT",
                path,
                "X-Timestamp: " + now + "\r\nContent-Type: text/plain\r\nContent-Length: " + b.length + "\r\n"
                        + extraHeaders,
                b);
    }

    private List<String> dataFiles(String device) {
        try {
            return disk.files(device, "objects").stream()
                    .filter(f -> f.endsWith(".data"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> tempFiles(String device) {
        try {
            return disk.bodiesInProgress(device);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertNothingWritten(String device) {
        Await.until(
                "temp files removed",
                Duration.ofSeconds(5),
                () -> tempFiles(device).isEmpty());
        assertThat(dataFiles(device)).isEmpty();
    }

    @Test
    void shouldAnswer400WhenTimestampMissingOrInvalid() throws IOException {
        RawHttp.Response missing = send("PUT", "/sda/1/a/c/o", "Content-Length: 0\r\nContent-Type: x\r\n", new byte[0]);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).isEqualTo("Missing X-Timestamp header");
        RawHttp.Response invalid = send(
                "PUT",
                "/sda/1/a/c/o",
                "X-Timestamp: yesterday\r\nContent-Length: 0\r\nContent-Type: x\r\n",
                new byte[0]);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).contains("X-Timestamp");
        assertThat(send("DELETE", "/sda/1/a/c/o", "", new byte[0]).status()).isEqualTo(400);
        assertThat(send("POST", "/sda/1/a/c/o", "X-Timestamp: -5\r\n", new byte[0])
                        .status())
                .isEqualTo(400);
        assertNothingWritten("sda");
    }

    @Test
    void shouldAnswer400WhenPartitionOrNamesInvalid() throws IOException {
        assertThat(put("/sda/x1/a/c/o", "", "x").status()).isEqualTo(400);
        assertThat(put("/sda/-1/a/c/o", "", "x").status()).isEqualTo(400);
        assertThat(put("/sda/1/a/c", "", "x").status()).isEqualTo(400);
        assertThat(put("/sda/1/a/c/", "", "x").status()).isEqualTo(400);
        RawHttp.Response tooLong = put("/sda/1/a/c/" + "o".repeat(1025), "", "x");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).contains("Object name length of 1025 longer than 1024");
        assertNothingWritten("sda");
    }

    @Test
    void shouldAnswer400WhenMetadataOversized() throws IOException {
        RawHttp.Response longValue = put("/sda/1/a/c/o", "X-Object-Meta-Big: " + "v".repeat(257) + "\r\n", "x");
        assertThat(longValue.status()).isEqualTo(400);
        assertThat(longValue.text()).contains("Metadata value longer than 256");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 91; i++) {
            many.append("X-Object-Meta-K").append(i).append(": v\r\n");
        }
        assertThat(put("/sda/1/a/c/o", many.toString(), "x").text()).contains("Too many metadata items");
        assertNothingWritten("sda");
    }

    @Test
    void shouldAnswer400AndWriteNothingWhenMetadataExceedsXattrSpace() throws IOException {
        // within Swift's limits (60 items, 3780 bytes < 4096) but beyond ext4's ~4 KiB of xattrs per inode
        StringBuilder meta = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            meta.append(String.format(java.util.Locale.ROOT, "X-Object-Meta-k%02d: %s\r\n", i, "v".repeat(60)));
        }
        RawHttp.Response r = put("/sda/1/a/c/o", meta.toString(), "payload");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("extended attributes");
        assertNothingWritten("sda");
        assertThat(put("/sda/1/a/c/o", "X-Object-Meta-Small: ok\r\n", "payload").status())
                .isEqualTo(201);
    }

    @Test
    void shouldAnswer400WhenDeleteAtInvalid() throws IOException {
        assertThat(put("/sda/1/a/c/o", "X-Delete-At: soon\r\n", "x").text()).isEqualTo("Non-integer X-Delete-At");
        assertThat(put("/sda/1/a/c/o", "X-Delete-At: 5\r\n", "x").text()).isEqualTo("X-Delete-At in past");
        assertThat(put("/sda/1/a/c/o", "X-Delete-After: x\r\n", "x").status()).isEqualTo(400);
        assertNothingWritten("sda");
    }

    @Test
    void shouldDiscardUploadWhenClientDisconnectsMidBody() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(putHead("/sda/1/a/c/cut", 100_000).getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[70_000]);
            out.flush();
            Await.until(
                    "upload started",
                    Duration.ofSeconds(5),
                    () -> !tempFiles("sda").isEmpty());
        }
        assertNothingWritten("sda");
        assertThat(send("HEAD", "/sda/1/a/c/cut", "", new byte[0]).status()).isEqualTo(404);
    }

    @Test
    void shouldAnswer499WhenBodyShorterThanContentLength() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(putHead("/sda/1/a/c/short", 10).getBytes(StandardCharsets.ISO_8859_1));
            out.write("abc".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            int status = readStatusOrClosed(s.getInputStream());
            // Swift answers 499 when the client ends early; a closed connection is the clean abort
            assertThat(status).isIn(499, -1);
        }
        assertNothingWritten("sda");
    }

    @Test
    void shouldStoreOnlyContentLengthBytesWhenBodyLonger() throws IOException {
        RawHttp.Response r = send(
                "PUT",
                "/sda/1/a/c/long",
                "X-Timestamp: " + now + "\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n",
                "abcdef".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("ETag")).isEqualTo("\"900150983cd24fb0d6963f7d28e17f72\"");
        assertThat(send("GET", "/sda/1/a/c/long", "", new byte[0]).text()).isEqualTo("abc");
        Await.until(
                "temp files removed",
                Duration.ofSeconds(5),
                () -> tempFiles("sda").isEmpty());
    }

    @Test
    void shouldAnswer408AndDiscardWhenClientIdlesMidUpload() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(putHead("/sda/1/a/c/slow", 10).getBytes(StandardCharsets.ISO_8859_1));
            out.write("ab".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // client_timeout = 0.5 s: the server gives up on its own
            assertThat(readStatusOrClosed(s.getInputStream())).isEqualTo(408);
        }
        assertNothingWritten("sda");
    }

    @Test
    void shouldKeepNewestAndCleanTheRestWhenConcurrentPutsOfOneName() throws Exception {
        long base = System.currentTimeMillis() / 1000;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(42));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i : order) {
                String ts = (base + i) + ".00000";
                results.add(pool.submit(() -> send(
                                "PUT",
                                "/sda/1/a/c/race",
                                "X-Timestamp: " + ts + "\r\nContent-Type: text/plain\r\nContent-Length: "
                                        + ("body-" + ts).length() + "\r\n",
                                ("body-" + ts).getBytes(StandardCharsets.ISO_8859_1))
                        .status()));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isIn(201, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        String newest = (base + 11) + ".00000";
        assertThat(send("GET", "/sda/1/a/c/race", "", new byte[0]).text()).isEqualTo("body-" + newest);
        assertThat(dataFiles("sda")).singleElement().asString().endsWith("/" + newest + ".data");
        assertThat(tempFiles("sda")).isEmpty();
    }

    @Test
    void shouldRemoveLeftoverTempFilesWhenStarting() throws Exception {
        stopServer();
        Path tmp = Files.createDirectories(disk.devices.resolve("sda/tmp"));
        Path leftover = Files.write(tmp.resolve("cairn-4711.tmp"), new byte[] {1, 2, 3});
        Path foreign = Files.write(tmp.resolve("rsync-db.tmp"), new byte[] {4});
        Path leftover1 = Files.write(
                Files.createDirectories(disk.devices.resolve("sdb/tmp-1")).resolve("cairn-1.tmp"), new byte[] {5});
        try (ObjectServerNode node = ObjectServerNode.start(
                disk.objectServerConfig(""), disk.swiftConf(), Transport.select(true), Clock.systemUTC())) {
            assertThat(leftover).doesNotExist();
            assertThat(leftover1).doesNotExist();
            assertThat(foreign).exists();
            assertThat(node.port()).isPositive();
        }
    }

    @Test
    void shouldAnswer507OnFullDeviceOnly() throws IOException {
        assertThat(put("/sda/1/a/c/before", "", "kept").status()).isEqualTo(201);
        storage.failAfterBytes(10, new DiskFileNoSpace("No space left on device"));
        RawHttp.Response full = put("/sda/1/a/c/big", "", "x".repeat(64));
        assertThat(full.status()).isEqualTo(507);
        assertThat(full.text()).contains("sda");
        Await.until(
                "temp files removed",
                Duration.ofSeconds(5),
                () -> tempFiles("sda").isEmpty());
        assertThat(dataFiles("sda")).hasSize(1);
        assertThat(put("/sdb/1/a/c/big", "", "x".repeat(64)).status()).isEqualTo(201);
        assertThat(send("GET", "/sda/1/a/c/before", "", new byte[0]).text()).isEqualTo("kept");
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    private String putHead(String path, long contentLength) {
        return "PUT " + path + " HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + now
                + "\r\nContent-Type: text/plain\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    /** The status of the next response, or -1 when the server closed the connection without one. */
    private static int readStatusOrClosed(InputStream in) throws IOException {
        try {
            return RawHttp.read(in, false).status();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
