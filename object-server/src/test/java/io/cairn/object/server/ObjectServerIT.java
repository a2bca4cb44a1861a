package io.cairn.object.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.PickleReader;
import io.cairn.common.http.Transport;
import io.cairn.common.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ObjectServerIT {
    private static final String TS1 = "1700000001.00000";
    private static final String TS2 = "1700000002.00000";

    @TempDir
    Path root;

    private DiskFixture disk;
    private ObjectServerNode node;
    private ObjectServer server;

    @BeforeAll
    static void watchLeaks() {
        LeakCheck.install();
    }

    @BeforeEach
    void start() throws Exception {
        disk = new DiskFixture(root);
        node = ObjectServerNode.start(
                disk.objectServerConfig("device_threads = 1\ndevice_queue = 4\ncontainer_update_timeout = 0.5\n"),
                disk.swiftConf(),
                Transport.select(true),
                Clock.systemUTC());
        server = node.server();
    }

    @AfterEach
    void stop() {
        node.close();
        LeakCheck.assertNoLeaks();
    }

    private List<String> filesQuietly(String device, String dir) {
        try {
            return disk.files(device, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> objectFiles(String device) throws IOException {
        return disk.files(device, "objects").stream()
                .filter(f -> f.endsWith(".data") || f.endsWith(".ts") || f.endsWith(".meta"))
                .toList();
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
        assertThat(objectFiles("sda"))
                .singleElement()
                .asString()
                .startsWith("1/")
                .endsWith("/" + TS1 + ".data");

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
        // recent times: a tombstone older than reclaim_age (a week) is reclaimed when its dir is cleaned
        long now = System.currentTimeMillis() / 1000;
        String t1 = now + ".00000";
        String t2 = (now + 1) + ".00000";
        String t3 = (now + 2) + ".00000";

        put("/sda/1/a/c/o", t2, "v2");
        RawHttp.Response older = put("/sda/1/a/c/o", t1, "v1");
        assertThat(older.status()).isEqualTo(409);
        assertThat(older.header("X-Backend-Timestamp")).isEqualTo(t2);

        RawHttp.Response deleted = send("DELETE", "/sda/1/a/c/o", "X-Timestamp: " + t3 + "\r\n", new byte[0]);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.header("X-Backend-Timestamp")).isEqualTo(t3);

        RawHttp.Response gone = send("GET", "/sda/1/a/c/o", "", new byte[0]);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.header("X-Backend-Timestamp")).isEqualTo(t3);
        assertThat(gone.text()).isEqualTo("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");

        // Swift: a DELETE older than a tombstone is a 404 carrying the tombstone's time, and writes nothing
        RawHttp.Response again = send("DELETE", "/sda/1/a/c/o", "X-Timestamp: " + t2 + "\r\n", new byte[0]);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.header("X-Backend-Timestamp")).isEqualTo(t3);

        put("/sda/1/a/c/p", t2, "p");
        RawHttp.Response olderDelete = send("DELETE", "/sda/1/a/c/p", "X-Timestamp: " + t1 + "\r\n", new byte[0]);
        assertThat(olderDelete.status()).isEqualTo(409);
        assertThat(olderDelete.header("X-Backend-Timestamp")).isEqualTo(t2);
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
        assertThat(objectFiles("sda")).isEmpty();
        io.cairn.common.testing.Await.until(
                "no body left open or named in tmp", java.time.Duration.ofSeconds(5), () -> {
                    try {
                        return disk.bodiesInProgress("sda").isEmpty();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
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
        // device_threads = 1, device_queue = 4: one task running, four queued, the request is refused
        server.api().executors().execute("sda", () -> awaitQuietly(release));
        Await.until(
                "sda's thread busy",
                Duration.ofSeconds(5),
                () -> server.api().executors().queued("sda") == 0);
        for (int i = 0; i < 4; i++) {
            server.api().executors().execute("sda", () -> awaitQuietly(release));
        }
        Await.until(
                "sda's queue full",
                Duration.ofSeconds(5),
                () -> server.api().executors().queued("sda") == 4);
        try {
            RawHttp.Response busy = send("GET", "/sda/1/a/c/o3", "", new byte[0]);
            assertThat(busy.status()).isEqualTo(503);
            assertThat(send("GET", "/sdb/1/a/c/o", "", new byte[0]).status()).isEqualTo(404);
        } finally {
            release.countDown();
        }
        Await.until(
                "sda drained",
                Duration.ofSeconds(5),
                () -> server.api().executors().queued("sda") == 0);
        assertThat(send("GET", "/sda/1/a/c/o3", "", new byte[0]).status()).isEqualTo(404);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldAnswerPickledHashesWhenReplicate() throws Exception {
        assertThat(PickleReader.load(
                        send("REPLICATE", "/sda/1", "", new byte[0]).body()))
                .isEqualTo(Map.of());
        put("/sda/1/a/c/o", TS1, "x");
        String suffix = objectFiles("sda").get(0).split("/")[1];
        RawHttp.Response all = send("REPLICATE", "/sda/1", "", new byte[0]);
        assertThat(all.status()).isEqualTo(200);
        Object hashes = java.util.Objects.requireNonNull(PickleReader.load(all.body()));
        assertThat(hashes).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) hashes).keySet().stream().map(WireBytes::text)).containsExactly(suffix);
        RawHttp.Response some = send("REPLICATE", "/sda/1/" + suffix + "-def", "", new byte[0]);
        assertThat(some.body()).containsExactly(0x80, 2, 'N', '.');
        // the same files hash the same after the invalidation
        assertThat(PickleReader.load(
                        send("REPLICATE", "/sda/1", "", new byte[0]).body()))
                .isEqualTo(hashes);
    }

    @Test
    void shouldSaveAsyncPendingWhenContainerUnreachable() throws Exception {
        RawHttp.Response created = send(
                "PUT",
                "/sda/1/a/c/o",
                "X-Timestamp: " + TS1 + "\r\nContent-Type: x\r\nContent-Length: 1\r\n"
                        + "X-Container-Host: 127.0.0.1:1\r\nX-Container-Device: sdc\r\nX-Container-Partition: 9\r\n",
                new byte[] {'x'});
        assertThat(created.status()).isEqualTo(201);
        Await.until(
                "async pending saved",
                Duration.ofSeconds(10),
                () -> !filesQuietly("sda", "async_pending").isEmpty());
        List<String> pendings = disk.files("sda", "async_pending");
        assertThat(pendings).singleElement().asString().endsWith("-" + TS1);
        Object update = PickleReader.load(
                Files.readAllBytes(disk.devices.resolve("sda/async_pending").resolve(pendings.get(0))));
        String text = WireBytes.text(update);
        assertThat(text).contains("op=PUT", "account=a", "container=c", "obj=o", "X-Size=1", "X-Etag=");
    }

    @Test
    void shouldSendContainerUpdateHeadersWhenContainerServerUp() throws Exception {
        try (StubContainerServer container = new StubContainerServer()) {
            RawHttp.Response created = send(
                    "PUT",
                    "/sda/1/a/c/o%20x",
                    "X-Timestamp: " + TS1 + "\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
                            + "X-Backend-Storage-Policy-Index: 1\r\nX-Trans-Id: tx42\r\n"
                            + "X-Container-Host: " + container.hostPort()
                            + "\r\nX-Container-Device: sdc\r\nX-Container-Partition: 9\r\n",
                    "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(created.status()).isEqualTo(201);
            assertThat(container.received()).hasSize(1);
            StubContainerServer.Received update = container.received().get(0);
            assertThat(update.method()).isEqualTo("PUT");
            assertThat(update.rawPath()).isEqualTo("/sdc/9/a/c/o%20x");
            assertThat(update.headers())
                    .containsEntry("X-Size", "5")
                    .containsEntry("X-Etag", "5d41402abc4b2a76b9719d911017c592")
                    .containsEntry("X-Content-Type", "text/plain")
                    .containsEntry("X-Timestamp", TS1)
                    .containsEntry("X-Backend-Storage-Policy-Index", "1")
                    .containsEntry("X-Trans-Id", "tx42");
            assertThat(update.headers().get("User-Agent")).startsWith("object-server ");
            assertThat(disk.files("sda", "objects-1")).anyMatch(f -> f.endsWith(TS1 + ".data"));

            send(
                    "DELETE",
                    "/sda/1/a/c/o%20x",
                    "X-Timestamp: " + TS2 + "\r\nX-Backend-Storage-Policy-Index: 1\r\n"
                            + "X-Container-Host: " + container.hostPort()
                            + "\r\nX-Container-Device: sdc\r\nX-Container-Partition: 9\r\n",
                    new byte[0]);
            Await.until(
                    "delete update",
                    Duration.ofSeconds(5),
                    () -> container.received().size() == 2);
            assertThat(container.received().get(1).method()).isEqualTo("DELETE");
            assertThat(container.received().get(1).headers()).containsEntry("X-Timestamp", TS2);
            assertThat(disk.files("sda", "async_pending")).isEmpty();
        }
    }

    @Test
    void shouldSendWholeBodyVerifiedAndRangesWithSendfileWhenObjectIsLarge() throws IOException {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(big);
        RawHttp.Response created = send(
                "PUT",
                "/sdb/3/a/c/big",
                "X-Timestamp: " + TS1 + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + big.length
                        + "\r\n",
                big);
        assertThat(created.status()).isEqualTo(201);
        RawHttp.Response got = send("GET", "/sdb/3/a/c/big", "", new byte[0]);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(big);
        RawHttp.Response range = send("GET", "/sdb/3/a/c/big", "Range: bytes=1000000-1000009\r\n", new byte[0]);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(big, 1_000_000, 1_000_010));
    }

    private static final String DIGEST_OFFER = "X-Backend-Cairn-Body-Digest-Offer: crc32c\r\n";

    /** A PUT as Cairn's proxy sends a large body: chunked, its length announced, the digest offered. */
    private RawHttp.ContinuedPut digestPut(
            String path, byte[] body, java.util.function.Function<Map<String, String>, String> trailers)
            throws IOException {
        return RawHttp.chunkedPut(
                server.port(),
                "PUT " + path + " HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + TS1
                        + "\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n"
                        + "X-Backend-Obj-Content-Length: " + body.length + "\r\nExpect: 100-continue\r\n"
                        + DIGEST_OFFER,
                body,
                65536,
                trailers);
    }

    private static String trailers(String md5, long crc32c) {
        return "X-Backend-Cairn-Body-Md5: " + md5 + "\r\nX-Backend-Cairn-Body-Crc32c: " + String.format("%08x", crc32c)
                + "\r\n";
    }

    private static String md5Hex(byte[] b) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("MD5").digest(b));
    }

    private static long crc32c(byte[] b) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(b);
        return c.getValue();
    }

    @Test
    void shouldStoreTheSendersMd5WhenItsCrc32cMatchesTheBody() throws Exception {
        byte[] big = RawHttp.randomBytes(2 * 1024 * 1024 + 5, 11);
        String md5 = md5Hex(big);
        RawHttp.ContinuedPut put = digestPut("/sda/1/a/c/digested", big, h -> trailers(md5, crc32c(big)));
        assertThat(put.continueHeaders()).containsEntry("x-backend-cairn-body-digest-accepted", "crc32c");
        assertThat(put.response().status()).as(put.response().text()).isEqualTo(201);
        assertThat(put.response().header("ETag")).isEqualTo("\"" + md5 + "\"");
        RawHttp.Response got = send("GET", "/sda/1/a/c/digested", "", new byte[0]);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(big);
        assertThat(got.header("ETag")).isEqualTo("\"" + md5 + "\"");
        assertThat(got.header("X-Backend-Cairn-Body-Verified")).isNull(); // only when the GET asks for it
    }

    @Test
    void shouldRefuseTheBodyWhenTheSendersCrc32cDiffers() throws Exception {
        byte[] big = RawHttp.randomBytes(1024 * 1024 + 1, 12);
        String md5 = md5Hex(big);
        RawHttp.ContinuedPut put = digestPut("/sda/1/a/c/damaged", big, h -> trailers(md5, crc32c(big) ^ 1));
        assertThat(put.response().status()).isEqualTo(422);
        assertThat(send("GET", "/sda/1/a/c/damaged", "", new byte[0]).status()).isEqualTo(404);
        assertThat(objectFiles("sda")).isEmpty();
        assertThat(disk.files("sda", "tmp")).isEmpty();
    }

    @Test
    void shouldRefuseTheBodyWhenTheOfferedDigestNeverCame() throws Exception {
        byte[] body = RawHttp.randomBytes(4096, 13);
        RawHttp.ContinuedPut put = digestPut("/sda/1/a/c/undigested", body, h -> "");
        assertThat(put.response().status()).isEqualTo(400);
        assertThat(put.response().text()).contains("X-Backend-Cairn-Body-Md5");
        assertThat(send("GET", "/sda/1/a/c/undigested", "", new byte[0]).status())
                .isEqualTo(404);
        assertThat(objectFiles("sda")).isEmpty();
    }

    @Test
    void shouldCheckTheClientsEtagAgainstTheSendersMd5() throws Exception {
        byte[] body = RawHttp.randomBytes(70_000, 14);
        String md5 = md5Hex(body);
        RawHttp.ContinuedPut put = RawHttp.chunkedPut(
                server.port(),
                "PUT /sda/1/a/c/etagged HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + TS1
                        + "\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n"
                        + "ETag: 00000000000000000000000000000000\r\nExpect: 100-continue\r\n" + DIGEST_OFFER,
                body,
                8192,
                h -> trailers(md5, crc32c(body)));
        assertThat(put.response().status()).isEqualTo(422);
        assertThat(objectFiles("sda")).isEmpty();
    }

    @Test
    void shouldAnswer499WhenAChunkedBodyIsShorterThanItsAnnouncedLength() throws Exception {
        byte[] body = RawHttp.randomBytes(5000, 15);
        RawHttp.ContinuedPut put = RawHttp.chunkedPut(
                server.port(),
                "PUT /sda/1/a/c/short HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + TS1
                        + "\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n"
                        + "X-Backend-Obj-Content-Length: 5001\r\nExpect: 100-continue\r\n",
                body,
                4096,
                h -> "");
        assertThat(put.continueHeaders()).doesNotContainKey("x-backend-cairn-body-digest-accepted");
        assertThat(put.response().status()).isEqualTo(499);
        assertThat(objectFiles("sda")).isEmpty();
    }
}
