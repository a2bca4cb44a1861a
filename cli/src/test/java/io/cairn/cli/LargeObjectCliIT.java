package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cairn.common.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large objects through Debian's real {@code swift} client against {@code cairn saio}: segmented uploads as SLO
 * ({@code --use-slo}) and DLO, downloads compared byte for byte, ranged reads, server-side copies of a large
 * object, and {@code swift delete} removing a manifest with its segments — unicode names included; and {@code
 * rclone}'s swift backend with a small chunk size (copy, check by content, copy back, delete).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LargeObjectCliIT {
    private static final int SIZE = 3 * (1 << 20) + 12_345;

    private Path work;
    private Path data;
    private SaioHarness saio;
    private byte[] content;

    @BeforeAll
    void startSaio(@TempDir Path dataDir, @TempDir Path workDir) throws Exception {
        this.work = workDir;
        this.data = dataDir;
        // reads go to a partition's primaries in zone order (node n is zone n), so a test knows which replica a
        // segment's GET reads first
        saio = SaioHarness.start(
                dataDir,
                Map.of("sorting_method", "affinity", "read_affinity", "r1z1=100, r1z2=200, r1z3=300, r1z4=400"),
                Map.of());
        content = new byte[SIZE];
        new SplittableRandom(7).nextBytes(content);
    }

    @AfterAll
    void stopSaio() {
        if (saio != null) {
            saio.close();
        }
    }

    private SwiftCli tester() {
        return saio.cli("test:tester", "testing", work);
    }

    @Test
    void shouldDownloadTheSameBytesAndDeleteTheSegmentsWhenUploadedAsAnSlo() throws Exception {
        roundTrip("slo", "big.bin", true);
    }

    @Test
    void shouldDownloadTheSameBytesAndDeleteTheSegmentsWhenUploadedAsADlo() throws Exception {
        roundTrip("dlo", "big.bin", false);
    }

    @Test
    void shouldRoundTripLargeObjectsWhoseNamesAreNotAscii() throws Exception {
        assumeTrue(
                "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "file names and arguments need a UTF-8 locale (LANG=C.UTF-8)");
        roundTrip("grüße-slo", "データ ☃.bin", true);
        roundTrip("grüße-dlo", "データ ☃.bin", false);
    }

    @Test
    void shouldCopyTheWholeContentWhenAnSloIsCopied() throws Exception {
        Path dir = Files.createDirectories(work.resolve("copy-src"));
        Files.write(dir.resolve("src.bin"), content);
        tester().run(
                        "upload",
                        "--use-slo",
                        "--segment-size",
                        "1M",
                        "--object-name",
                        "src.bin",
                        "cp",
                        dir.resolve("src.bin").toString())
                .requireSuccess("upload slo");
        tester().run("copy", "--destination", "/cp/dst.bin", "cp", "src.bin").requireSuccess("copy");
        String stat = tester().run("stat", "cp", "dst.bin")
                .requireSuccess("stat copy")
                .out();
        assertThat(stat).contains("Content Length: " + SIZE).doesNotContain("Static-Large-Object");
        Path down = Files.createDirectories(work.resolve("copy-down"));
        tester().run(
                        "download",
                        "cp",
                        "dst.bin",
                        "--output",
                        down.resolve("dst.bin").toString())
                .requireSuccess("download copy");
        assertThat(Files.readAllBytes(down.resolve("dst.bin"))).isEqualTo(content);
    }

    @Test
    void shouldReadAByteRangeAcrossSegmentsWhenTheClientAsksForOne() throws Exception {
        Path dir = Files.createDirectories(work.resolve("range-src"));
        Files.write(dir.resolve("r.bin"), content);
        tester().run(
                        "upload",
                        "--use-slo",
                        "--segment-size",
                        "1M",
                        "--object-name",
                        "r.bin",
                        "rng",
                        dir.resolve("r.bin").toString())
                .requireSuccess("upload slo");
        SaioHarness.Login login = saio.login("test:tester", "testing");
        var resp = saio.send(SaioHarness.request(login, "/rng/r.bin").header("Range", "bytes=1048570-1048590"));
        assertThat(resp.statusCode()).isEqualTo(206);
        assertThat(resp.body()).isEqualTo(Arrays.copyOfRange(content, 1048570, 1048591));
    }

    @Test
    void shouldCutTheBodyShortWhenASegmentChangedAfterTheManifestWasWritten() throws Exception {
        SaioHarness.Login login = saio.login("test:tester", "testing");
        byte[] one = Arrays.copyOfRange(content, 0, 1 << 20);
        byte[] two = Arrays.copyOfRange(content, 1 << 20, 2 << 20);
        put(login, "/chg", new byte[0]);
        put(login, "/chg-segs", new byte[0]);
        put(login, "/chg-segs/1", one);
        put(login, "/chg-segs/2", two);
        String manifest = "[{\"path\": \"/chg-segs/1\"}, {\"path\": \"/chg-segs/2\"}]";
        put(login, "/chg/slo?multipart-manifest=put", manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] changed = two.clone();
        changed[0] ^= 1;
        put(login, "/chg-segs/2", changed);
        // the head and the first segment were sent; the second no longer has the manifest's ETag: Swift and Cairn
        // end the connection early rather than send other bytes than the manifest names
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> saio.send(SaioHarness.request(login, "/chg/slo")))
                .isInstanceOf(IOException.class);
        // a missing first segment is known before anything is sent: 409
        saio.send(SaioHarness.request(login, "/chg-segs/1").DELETE());
        assertThat(saio.send(SaioHarness.request(login, "/chg/slo")).statusCode())
                .isEqualTo(409);
    }

    @Test
    void shouldNeverServeARottenSegmentWholeAndServeAGoodReplicaOnceTheRottenOneIsQuarantined() throws Exception {
        // a segment over etag_validate_max_bytes (8 MiB) streams from its object server, which checks it whole (by
        // the CRC32C Cairn stored at PUT) before the last byte leaves, so the proxy's SLO does not hash it again
        SaioHarness.Login login = saio.login("test:tester", "testing");
        int big = (9 << 20) + 333;
        byte[] one = new byte[big];
        new SplittableRandom(11).nextBytes(one);
        byte[] two = Arrays.copyOfRange(content, 0, 1 << 20);
        put(login, "/rot", new byte[0]);
        put(login, "/rot-segs", new byte[0]);
        put(login, "/rot-segs/1", one);
        put(login, "/rot-segs/2", two);
        String manifest = "[{\"path\": \"/rot-segs/1\"}, {\"path\": \"/rot-segs/2\"}]";
        put(login, "/rot/slo?multipart-manifest=put", manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] whole = new byte[big + two.length];
        System.arraycopy(one, 0, whole, 0, big);
        System.arraycopy(two, 0, whole, big, two.length);

        java.util.List<Path> replicas;
        try (var files = Files.walk(data)) {
            replicas = files.filter(f -> f.toString().endsWith(".data"))
                    .filter(f -> f.toFile().length() == big)
                    .sorted()
                    .toList();
        }
        assertThat(replicas).hasSize(3);
        flipByte(replicas.get(0), big / 2);

        // whichever replica the proxy reads first: a complete answer is the right bytes, a rotten one breaks off
        boolean served = false;
        for (int attempt = 0; attempt < 4 && !served; attempt++) {
            try {
                var got = saio.send(SaioHarness.request(login, "/rot/slo"));
                assertThat(got.statusCode()).isEqualTo(200);
                assertThat(got.body()).isEqualTo(whole);
                served = true;
            } catch (IOException cutShort) {
                // the rotten replica was read: quarantined now, the next GET reads another
            }
        }
        assertThat(served).isTrue();

        for (Path replica : replicas) {
            if (Files.exists(replica)) {
                flipByte(replica, big / 3);
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> saio.send(SaioHarness.request(login, "/rot/slo")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldServeEveryByteWhenTheNextSegmentsEarlyReadMeetsARottenReplica() throws Exception {
        // the SLO asks for the next segment while the current one still streams; here that early read meets a
        // rotten replica (the first the proxy tries), which its object server refuses and quarantines while the
        // client has not yet read the first segment: the early read goes on to a good replica and waits for its
        // turn, and the client gets every byte right
        SaioHarness.Login login = saio.login("test:tester", "testing");
        byte[] one = new byte[12 << 20];
        new SplittableRandom(21).nextBytes(one);
        byte[] two = Arrays.copyOfRange(content, 0, 5000);
        put(login, "/ahead", new byte[0]);
        put(login, "/ahead-segs", new byte[0]);
        put(login, "/ahead-segs/1", one);
        put(login, "/ahead-segs/2", two);
        String manifest = "[{\"path\": \"/ahead-segs/1\"}, {\"path\": \"/ahead-segs/2\"}]";
        put(login, "/ahead/slo?multipart-manifest=put", manifest.getBytes(StandardCharsets.UTF_8));
        int firstRead = saio.objectNodes("AUTH_test", "ahead-segs", "2").subList(0, 3).stream()
                .min(Integer::compare)
                .orElseThrow();
        Path rotten;
        try (var files = Files.walk(data.resolve("srv/node" + firstRead))) {
            rotten = files.filter(f -> f.toString().endsWith(".data"))
                    .filter(f -> f.toFile().length() == two.length)
                    .findFirst()
                    .orElseThrow();
        }
        flipByte(rotten, 100);

        URI uri = URI.create(login.storageUrl() + "/ahead/slo");
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(32 << 10);
            client.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            client.setSoTimeout(60_000);
            client.getOutputStream()
                    .write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: x\r\nX-Auth-Token: " + login.token()
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = client.getInputStream();
            String head = readHead(in);
            assertThat(head)
                    .startsWith("HTTP/1.1 200 ")
                    .containsIgnoringCase("content-length: " + (one.length + two.length));
            // the client reads nothing more until the early read of segment 2 met the rotten replica
            Await.until(
                    "the rotten replica quarantined by its object server",
                    Duration.ofSeconds(30),
                    () -> !Files.exists(rotten));
            byte[] body = in.readAllBytes();
            byte[] whole = new byte[one.length + two.length];
            System.arraycopy(one, 0, whole, 0, one.length);
            System.arraycopy(two, 0, whole, one.length, two.length);
            assertThat(body).hasSize(whole.length).isEqualTo(whole);
        }
    }

    /** The status line and headers of an HTTP/1.1 answer, read byte by byte up to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the head: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static void flipByte(Path file, long at) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(
                file, java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, at);
            b.flip();
            b.put(0, (byte) (b.get(0) ^ 1));
            ch.write(b, at);
        }
    }

    @Test
    void shouldCopyCheckAndDeleteSegmentedFilesThroughRclonesSwiftBackend() throws Exception {
        boolean utf8 = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
        String big = utf8 ? "größe ☃.bin" : "big.bin";
        Path tree = Files.createDirectories(work.resolve("rclone-up/sub"));
        Files.write(tree.resolve(big), content);
        Files.writeString(work.resolve("rclone-up/small.txt"), "small");
        String up = work.resolve("rclone-up").toString();
        rclone("mkdir", "cairn:rclone");
        // 1 MiB chunks: the 3 MiB file becomes 4 segments in rclone_segments and a DLO manifest
        rclone("copy", "--swift-chunk-size", "1M", up, "cairn:rclone/t");
        String stat = tester().run("stat", "rclone", "t/sub/" + big)
                .requireSuccess("stat")
                .out();
        assertThat(stat).contains("Content Length: " + SIZE).contains("Manifest: rclone_segments/");
        assertThat(lines(tester().run("list", "rclone_segments").requireSuccess("list segments")))
                .hasSize(4);
        // --download compares the bytes (a DLO's ETag is not its content's MD5)
        rclone("check", "--download", up, "cairn:rclone/t");
        Path down = work.resolve("rclone-down");
        rclone("copy", "cairn:rclone/t", down.toString());
        assertThat(Files.readAllBytes(down.resolve("sub").resolve(big))).isEqualTo(content);
        rclone("delete", "cairn:rclone/t");
        assertThat(lines(tester().run("list", "rclone").requireSuccess("list after delete")))
                .isEmpty();
        assertThat(lines(tester().run("list", "rclone_segments").requireSuccess("list segments after delete")))
                .isEmpty();
    }

    /** Debian's {@code rclone} with a remote {@code cairn:} of type swift (tempauth v1.0 as test:tester). */
    private void rclone(String... args) throws IOException, InterruptedException {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                "/usr/bin/rclone",
                "--config",
                work.resolve("rclone.conf").toString(),
                "--low-level-retries",
                "1",
                "--retries",
                "1"));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("RCLONE_") || k.startsWith("OS_") || k.startsWith("ST_"));
        pb.environment()
                .putAll(Map.of(
                        "RCLONE_CONFIG_CAIRN_TYPE", "swift",
                        "RCLONE_CONFIG_CAIRN_AUTH", saio.authUrl(),
                        "RCLONE_CONFIG_CAIRN_USER", "test:tester",
                        "RCLONE_CONFIG_CAIRN_KEY", "testing"));
        Path log = Files.createTempFile(work, "rclone", ".txt");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            boolean ended = p.waitFor(120, TimeUnit.SECONDS);
            String out = Files.readString(log);
            assertThat(ended)
                    .as("rclone %s ended within 120 s: %s", String.join(" ", args), out)
                    .isTrue();
            assertThat(p.exitValue())
                    .as("rclone %s: %s", String.join(" ", args), out)
                    .isZero();
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private void put(SaioHarness.Login login, String path, byte[] body) throws IOException, InterruptedException {
        var r = saio.send(
                SaioHarness.request(login, path).PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(r.statusCode()).as("PUT %s", path).isBetween(200, 299);
    }

    private void roundTrip(String container, String name, boolean slo) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("src-" + container));
        Path src = Files.write(dir.resolve(name), content);
        String[] upload = slo
                ? new String[] {
                    "upload", "--use-slo", "--segment-size", "1M", "--object-name", name, container, src.toString()
                }
                : new String[] {"upload", "--segment-size", "1M", "--object-name", name, container, src.toString()};
        tester().run(upload).requireSuccess("upload " + container);
        String stat =
                tester().run("stat", container, name).requireSuccess("stat").out();
        assertThat(stat).contains("Content Length: " + SIZE);
        assertThat(stat).contains(slo ? "X-Static-Large-Object: True" : "Manifest: " + container + "_segments/");
        assertThat(lines(tester().run("list", container + "_segments").requireSuccess("list segments")))
                .hasSize(4);
        Path down = Files.createDirectories(work.resolve("down-" + container));
        tester().run(
                        "download",
                        container,
                        name,
                        "--output",
                        down.resolve("out.bin").toString())
                .requireSuccess("download");
        assertThat(Files.readAllBytes(down.resolve("out.bin"))).isEqualTo(content);
        tester().run("delete", container, name).requireSuccess("delete");
        assertThat(lines(tester().run("list", container + "_segments").requireSuccess("list after delete")))
                .isEmpty();
        assertThat(lines(tester().run("list", container).requireSuccess("list container")))
                .isEmpty();
    }

    private static String[] lines(SwiftCli.Result r) {
        return r.out().isBlank() ? new String[0] : r.out().strip().split("\n");
    }
}
