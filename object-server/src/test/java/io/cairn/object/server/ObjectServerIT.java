package io.cairn.object.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.PickleReader;
import io.cairn.common.http.Transport;
import io.cairn.common.path.Constraints;
import io.cairn.common.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ObjectServerIT {
    private static final String TS1 = "1700000001.00000";
    private static final String TS2 = "1700000002.00000";
    private static final String TS3 = "1700000003.00000";

    private FakeDiskFileManager storage;
    private ObjectServer server;

    @BeforeEach
    void start() throws InterruptedException {
        storage = new FakeDiskFileManager();
        server = new ObjectServer(
                ObjectServerConfig.from(io.cairn.common.config.IniFile.parse(
                        "[app:object-server]\nbind_ip = 127.0.0.1\nbind_port = 0\ndevice_threads = 1\n"
                                + "device_queue = 1\ncontainer_update_timeout = 0.5\n",
                        "test")),
                storage,
                Transport.select(true),
                Set.of(0, 1),
                Constraints.DEFAULTS,
                Clock.systemUTC());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawHttp.Response send(String method, String path, String headers, byte[] body) throws IOException {
        return RawHttp.exchange(server.port(), method + " " + path + " HTTP/1.1\r\nHost: x\r\n" + headers, body);
    }

    private RawHttp.Response put(String path, String ts, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return send(
                "PUT",
                path,
                "X-Timestamp: " + ts + "\r\nContent-Type: text/plain\r\nContent-Length: " + b.length
                        + "\r\nX-Object-Meta-Color: blue\r\n",
                b);
    }

    @Test
    void shouldStoreAndServeObjectWhenPutThenGet() throws IOException {
        RawHttp.Response created = put("/sda/1/a/c/o", TS1, "hello world");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");

        RawHttp.Response got = send("GET", "/sda/1/a/c/o", "", new byte[0]);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.text()).isEqualTo("hello world");
        assertThat(got.header("X-Object-Meta-Color")).isEqualTo("blue");
        assertThat(got.header("X-Timestamp")).isEqualTo(TS1);
        assertThat(got.header("X-Backend-Timestamp")).isEqualTo(TS1);
        assertThat(got.header("X-Backend-Data-Timestamp")).isEqualTo(TS1);
        assertThat(got.header("Last-Modified")).isEqualTo("Tue, 14 Nov 2023 22:13:21 GMT");
        assertThat(got.header("Content-Type")).isEqualTo("text/plain");
        assertThat(java.util.Objects.requireNonNull(storage.objects.get("/a/c/o"))
                        .data()
                        .asMap())
                .containsKeys("X-Timestamp", "Content-Type", "Content-Length", "ETag", "X-Object-Meta-Color", "name");

        RawHttp.Response head = send("HEAD", "/sda/1/a/c/o", "", new byte[0]);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("11");
    }

    @Test
    void shouldAnswerRangesWhenRangeHeaderSent() throws IOException {
        put("/sda/1/a/c/o", TS1, "0123456789");
        RawHttp.Response single = send("GET", "/sda/1/a/c/o", "Range: bytes=2-4\r\n", new byte[0]);
        assertThat(single.status()).isEqualTo(206);
        assertThat(single.text()).isEqualTo("234");
        assertThat(single.header("Content-Range")).isEqualTo("bytes 2-4/10");

        RawHttp.Response multi = send("GET", "/sda/1/a/c/o", "Range: bytes=0-1,-2\r\n", new byte[0]);
        assertThat(multi.status()).isEqualTo(206);
        String type = String.valueOf(multi.header("Content-Type"));
        assertThat(type).startsWith("multipart/byteranges;boundary=");
        String boundary = type.substring(type.indexOf('=') + 1);
        assertThat(boundary).hasSize(32);
        assertThat(multi.text())
                .isEqualTo("--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-1/10\r\n\r\n01\r\n"
                        + "--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 8-9/10\r\n\r\n89\r\n"
                        + "--" + boundary + "--");

        RawHttp.Response unsatisfiable = send("GET", "/sda/1/a/c/o", "Range: bytes=20-\r\n", new byte[0]);
        assertThat(unsatisfiable.status()).isEqualTo(416);
        assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */10");

        RawHttp.Response ignored = send("GET", "/sda/1/a/c/o", "Range: bytes=5-3\r\n", new byte[0]);
        assertThat(ignored.status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerConditionalsWhenIfHeadersSent() throws IOException {
        put("/sda/1/a/c/o", TS1, "hello world");
        String etag = "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"";
        assertThat(send("GET", "/sda/1/a/c/o", "If-None-Match: " + etag + "\r\n", new byte[0])
                        .status())
                .isEqualTo(304);
        assertThat(send("GET", "/sda/1/a/c/o", "If-Match: \"nope\"\r\n", new byte[0])
                        .status())
                .isEqualTo(412);
        assertThat(send("HEAD", "/sda/1/a/c/o", "If-Modified-Since: Tue, 14 Nov 2023 22:13:21 GMT\r\n", new byte[0])
                        .status())
                .isEqualTo(304);
        assertThat(send("GET", "/sda/1/a/c/o", "If-Unmodified-Since: Tue, 14 Nov 2023 22:13:20 GMT\r\n", new byte[0])
                        .status())
                .isEqualTo(412);
        assertThat(send("GET", "/sda/1/a/c/missing", "If-Match: *\r\n", new byte[0])
                        .status())
                .isEqualTo(412);
    }

    @Test
    void shouldApplySwiftTimestampRulesWhenWritingAndDeleting() throws IOException {
        put("/sda/1/a/c/o", TS2, "v2");
        RawHttp.Response older = put("/sda/1/a/c/o", TS1, "v1");
        assertThat(older.status()).isEqualTo(409);
        assertThat(older.header("X-Backend-Timestamp")).isEqualTo(TS2);

        RawHttp.Response deleted = send("DELETE", "/sda/1/a/c/o", "X-Timestamp: " + TS3 + "\r\n", new byte[0]);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.header("X-Backend-Timestamp")).isEqualTo(TS3);

        RawHttp.Response gone = send("GET", "/sda/1/a/c/o", "", new byte[0]);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.header("X-Backend-Timestamp")).isEqualTo(TS3);
        assertThat(gone.text()).isEqualTo("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");

        // Swift: a DELETE older than a tombstone is a 404 carrying the tombstone's time, and writes nothing
        RawHttp.Response again = send("DELETE", "/sda/1/a/c/o", "X-Timestamp: " + TS2 + "\r\n", new byte[0]);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.header("X-Backend-Timestamp")).isEqualTo(TS3);

        put("/sda/1/a/c/p", TS2, "p");
        RawHttp.Response olderDelete = send("DELETE", "/sda/1/a/c/p", "X-Timestamp: " + TS1 + "\r\n", new byte[0]);
        assertThat(olderDelete.status()).isEqualTo(409);
        assertThat(olderDelete.header("X-Backend-Timestamp")).isEqualTo(TS2);
    }

    @Test
    void shouldReplaceUserMetadataWhenPost() throws IOException {
        put("/sda/1/a/c/o", TS1, "x");
        RawHttp.Response posted =
                send("POST", "/sda/1/a/c/o", "X-Timestamp: " + TS2 + "\r\nX-Object-Meta-Shape: round\r\n", new byte[0]);
        assertThat(posted.status()).isEqualTo(202);
        RawHttp.Response head = send("HEAD", "/sda/1/a/c/o", "", new byte[0]);
        assertThat(head.header("X-Object-Meta-Shape")).isEqualTo("round");
        assertThat(head.header("X-Object-Meta-Color")).isNull();
        assertThat(head.header("X-Backend-Timestamp")).isEqualTo(TS2);
        assertThat(send("POST", "/sda/1/a/c/o", "X-Timestamp: " + TS1 + "\r\n", new byte[0])
                        .status())
                .isEqualTo(409);
        assertThat(send("POST", "/sda/1/a/c/none", "X-Timestamp: " + TS2 + "\r\n", new byte[0])
                        .status())
                .isEqualTo(404);
    }

    @Test
    void shouldRejectBadRequestsBeforeTouchingStorage() throws IOException {
        assertThat(send("PUT", "/sda/1/a/c/o", "Content-Length: 0\r\nContent-Type: x\r\n", new byte[0])
                        .text())
                .isEqualTo("Missing X-Timestamp header");
        assertThat(send("PUT", "/sda/1/a/c/o", "X-Timestamp: " + TS1 + "\r\nContent-Type: x\r\n", new byte[0])
                        .status())
                .isEqualTo(411);
        assertThat(send(
                                "PUT",
                                "/sda/1/a/c/o",
                                "X-Timestamp: " + TS1 + "\r\nContent-Type: x\r\nContent-Length: 6000000000\r\n",
                                new byte[0])
                        .status())
                .isEqualTo(413);
        assertThat(send(
                                "PUT",
                                "/sda/1/a/c/o",
                                "X-Timestamp: " + TS1
                                        + "\r\nContent-Type: x\r\nContent-Length: 1\r\nX-Delete-At: 5\r\n",
                                new byte[] {'x'})
                        .text())
                .isEqualTo("X-Delete-At in past");
        assertThat(send(
                                "PUT",
                                "/sda/1/a/c/o",
                                "X-Timestamp: " + TS1 + "\r\nContent-Type: x\r\nContent-Length: 1\r\nETag: abc\r\n",
                                new byte[] {'x'})
                        .status())
                .isEqualTo(422);
        assertThat(send("GET", "/sda/x1/a/c/o", "", new byte[0]).status()).isEqualTo(400);
        assertThat(send("GET", "/sda/1/a/c", "", new byte[0]).status()).isEqualTo(400);
        assertThat(send("GET", "/sda/1/a/c/%FF", "", new byte[0]).status()).isEqualTo(412);
        assertThat(send("GET", "/sda/1/a/c/o", "X-Backend-Storage-Policy-Index: 7\r\n", new byte[0])
                        .status())
                .isEqualTo(503);
        assertThat(send("PATCH", "/sda/1/a/c/o", "", new byte[0]).status()).isEqualTo(405);
        assertThat(storage.objects).isEmpty();
    }

    @Test
    void shouldAnswer507WhenDeviceMissing() throws IOException {
        RawHttp.Response r = send("GET", "/sdz/1/a/c/o", "", new byte[0]);
        assertThat(r.status()).isEqualTo(507);
        assertThat(r.text()).contains("Drive: sdz");
    }

    @Test
    void shouldAnswer503ForBusyDeviceOnlyWhenItsQueueIsFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        storage.blockDevice = release;
        // device_threads = 1, device_queue = 1: one running, one queued, the third is refused
        Thread a = new Thread(() -> quietly(() -> send("GET", "/sda/1/a/c/o1", "", new byte[0])));
        Thread b = new Thread(() -> quietly(() -> send("GET", "/sda/1/a/c/o2", "", new byte[0])));
        a.start();
        Await.until("first request running", Duration.ofSeconds(5), () -> a.isAlive());
        b.start();
        Await.until(
                "second request queued",
                Duration.ofSeconds(5),
                () -> server.api().executors().queued("sda") == 1);
        RawHttp.Response busy = send("GET", "/sda/1/a/c/o3", "", new byte[0]);
        assertThat(busy.status()).isEqualTo(503);
        storage.blockDevice = null;
        release.countDown();
        a.join(10_000);
        b.join(10_000);
        assertThat(send("GET", "/sdb/1/a/c/o", "", new byte[0]).status()).isEqualTo(404);
    }

    interface IoCall {
        Object call() throws IOException;
    }

    private static void quietly(IoCall call) {
        try {
            call.call();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shouldAnswerPickledHashesWhenReplicate() throws Exception {
        RawHttp.Response all = send("REPLICATE", "/sda/1", "", new byte[0]);
        assertThat(all.status()).isEqualTo(200);
        assertThat(String.valueOf(PickleReader.load(all.body()))).contains("abc");
        RawHttp.Response some = send("REPLICATE", "/sda/1/abc-def", "", new byte[0]);
        assertThat(some.body()).containsExactly(0x80, 2, 'N', '.');
        assertThat(storage.invalidated).containsExactly("abc", "def");
    }

    @Test
    void shouldSaveAsyncPendingWhenContainerUnreachable() throws IOException {
        RawHttp.Response created = send(
                "PUT",
                "/sda/1/a/c/o",
                "X-Timestamp: " + TS1 + "\r\nContent-Type: x\r\nContent-Length: 1\r\n"
                        + "X-Container-Host: 127.0.0.1:1\r\nX-Container-Device: sdc\r\nX-Container-Partition: 9\r\n",
                new byte[] {'x'});
        assertThat(created.status()).isEqualTo(201);
        Await.until("async pending saved", Duration.ofSeconds(10), () -> !storage.asyncPendings.isEmpty());
        assertThat(storage.asyncPendings.get(0).op()).isEqualTo("PUT");
        assertThat(storage.asyncPendings.get(0).headers())
                .containsEntry("X-Size", "1")
                .containsKey("X-Etag");
    }
}
