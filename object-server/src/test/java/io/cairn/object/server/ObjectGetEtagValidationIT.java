package io.cairn.object.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.http.Transport;
import io.cairn.common.testing.DiskCorruption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** "A GET never serves a copy whose MD5 does not match": bitrot found by a whole-body GET, both sizes. */
@Timeout(60)
class ObjectGetEtagValidationIT {
    private static final String TS1 = "1700000001.00000";
    /** Objects above this many bytes are streamed (verified chunk by chunk, last chunk held back). */
    private static final int THRESHOLD = 4096;

    @TempDir
    Path root;

    private DiskFixture disk;
    private ObjectServerNode node;

    @BeforeAll
    static void watchLeaks() {
        LeakCheck.install();
    }

    @BeforeEach
    void start() throws Exception {
        disk = new DiskFixture(root);
        node = ObjectServerNode.start(
                disk.objectServerConfig("etag_validate_max_bytes = " + THRESHOLD + "\n"),
                disk.swiftConf(),
                Transport.select(true),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        node.close();
        LeakCheck.assertNoLeaks();
    }

    private RawHttp.Response send(String method, String path, String headers, byte[] body) throws IOException {
        return RawHttp.exchange(node.server().port(), method + " " + path + " HTTP/1.1\r\nHost: x\r\n" + headers, body);
    }

    private void put(String path, byte[] body) throws IOException {
        assertThat(RawHttp.putObject(node.server().port(), path, TS1, body).status())
                .isEqualTo(201);
    }

    private List<String> quarantined() throws IOException {
        Path q = disk.devices.resolve("sda/quarantined/objects");
        return Files.isDirectory(q) ? disk.files("sda", "quarantined/objects") : List.of();
    }

    @Test
    void shouldServeGoodObjectsByteForByteWhenBelowAndAboveTheThreshold() throws IOException {
        byte[] small = RawHttp.randomBytes(THRESHOLD, 1);
        byte[] large = RawHttp.randomBytes(3 * 64 * 1024 + 17, 2);
        put("/sda/1/a/c/small", small);
        put("/sda/1/a/c/large", large);

        RawHttp.Response gotSmall = send("GET", "/sda/1/a/c/small", "", new byte[0]);
        RawHttp.Response gotLarge = send("GET", "/sda/1/a/c/large", "", new byte[0]);

        assertThat(gotSmall.status()).isEqualTo(200);
        assertThat(gotSmall.body()).isEqualTo(small);
        assertThat(gotLarge.status()).isEqualTo(200);
        assertThat(gotLarge.header("Content-Length")).isEqualTo(Integer.toString(large.length));
        assertThat(gotLarge.body()).isEqualTo(large);
        assertThat(quarantined()).isEmpty();
    }

    @Test
    void shouldAnswer404AndQuarantineWhenASmallObjectIsCorrupt() throws IOException {
        put("/sda/1/a/c/o", RawHttp.randomBytes(1000, 3));
        Path data = disk.onlyDataFile("sda");
        DiskCorruption.flipByte(data, 500);

        RawHttp.Response got = send("GET", "/sda/1/a/c/o", "", new byte[0]);

        assertThat(got.status()).isEqualTo(404);
        assertThat(Files.exists(data)).isFalse();
        assertThat(quarantined())
                .singleElement()
                .asString()
                .endsWith(data.getFileName().toString());
        // once quarantined it is simply missing, as in Swift
        assertThat(send("GET", "/sda/1/a/c/o", "", new byte[0]).status()).isEqualTo(404);
    }

    @Test
    void shouldCutTheResponseShortAndQuarantineWhenALargeObjectIsCorrupt() throws IOException {
        byte[] body = RawHttp.randomBytes(5 * 64 * 1024 + 100, 4);
        put("/sda/1/a/c/big", body);
        Path data = disk.onlyDataFile("sda");
        DiskCorruption.flipByte(data, 10);

        RawHttp.Response got = send("GET", "/sda/1/a/c/big", "", new byte[0]);

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.header("Content-Length")).isEqualTo(Integer.toString(body.length));
        assertThat(got.body().length).isLessThan(body.length);
        assertThat(Files.exists(data)).isFalse();
        assertThat(quarantined())
                .singleElement()
                .asString()
                .endsWith(data.getFileName().toString());
    }

    @Test
    void shouldCutTheResponseShortAndQuarantineWhenALargeObjectCheckedByItsCrc32cIsCorrupt() throws IOException {
        byte[] body = RawHttp.randomBytes((3 << 20) + 100, 5); // over 1 MiB: the .data carries a CRC32C
        put("/sda/1/a/c/bigger", body);
        Path data = disk.onlyDataFile("sda");
        DiskCorruption.flipByte(data, (2 << 20) + 7);

        RawHttp.Response got = send("GET", "/sda/1/a/c/bigger", "", new byte[0]);

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body().length).isLessThan(body.length);
        assertThat(Files.exists(data)).isFalse();
        assertThat(quarantined())
                .singleElement()
                .asString()
                .endsWith(data.getFileName().toString());
    }

    @Test
    void shouldTellTheProxyAWholeBodyIsVerifiedAndARangeIsNot() throws IOException {
        byte[] body = RawHttp.randomBytes(THRESHOLD * 3, 6);
        put("/sda/1/a/c/told", body);
        String asks = "X-Backend-Cairn-No-Unverified-Resume: true\r\n";
        assertThat(send("GET", "/sda/1/a/c/told", "", new byte[0]).header("X-Backend-Cairn-Body-Verified"))
                .as("not asked: Swift's answer exactly")
                .isNull();
        RawHttp.Response whole = send("GET", "/sda/1/a/c/told", asks, new byte[0]);
        assertThat(whole.header("X-Backend-Cairn-Body-Verified")).isEqualTo("true");
        RawHttp.Response all =
                send("GET", "/sda/1/a/c/told", asks + "Range: bytes=0-" + (THRESHOLD * 3 - 1) + "\r\n", new byte[0]);
        assertThat(all.header("X-Backend-Cairn-Body-Verified")).isEqualTo("true"); // a range of all of it: whole
        RawHttp.Response part = send("GET", "/sda/1/a/c/told", asks + "Range: bytes=1-10\r\n", new byte[0]);
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("X-Backend-Cairn-Body-Verified")).isNull();
        assertThat(send("HEAD", "/sda/1/a/c/told", asks, new byte[0]).header("X-Backend-Cairn-Body-Verified"))
                .isNull();
    }

    @Test
    void shouldStillServeRangesUncheckedWhenTheObjectIsCorruptElsewhere() throws IOException {
        byte[] body = RawHttp.randomBytes(10_000, 5);
        put("/sda/1/a/c/r", body);
        DiskCorruption.flipByte(disk.onlyDataFile("sda"), 9_000);

        RawHttp.Response got = send("GET", "/sda/1/a/c/r", "Range: bytes=0-99\r\n", new byte[0]);

        // a partial read cannot be checked against the whole-object ETag (Swift does not either)
        assertThat(got.status()).isEqualTo(206);
        assertThat(got.body()).isEqualTo(java.util.Arrays.copyOf(body, 100));
        assertThat(quarantined()).isEmpty();
    }
}
