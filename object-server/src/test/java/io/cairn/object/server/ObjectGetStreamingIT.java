package io.cairn.object.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Await;
import io.cairn.common.testing.DiskCorruption;
import io.cairn.object.diskfile.FaultyDiskFileManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streamed GET bodies (whole bodies above {@code etag_validate_max_bytes}, multi-range bodies) read ahead
 * of the socket: a large body in many small chunks arrives intact, a client that stops reading stops the
 * disk reads after a bounded amount, a corrupt body is still cut short before its last chunk, and a client
 * that goes away mid-body stops the reads and gets its reader closed. The storage is wrapped in the
 * fault-injecting manager only to count body bytes read and open readers.
 */
@Timeout(120)
class ObjectGetStreamingIT {
    private static final String TS1 = "1700000001.00000";
    /** Small, so a 20 MiB body is 1,280 chunks. */
    private static final int CHUNK = 16 * 1024;

    private static final int LARGE = 20 * 1024 * 1024;
    /** Netty's high water mark on the server's child channels (HttpServerHost). */
    private static final long HIGH_WATER_MARK = 1024 * 1024;

    @TempDir
    Path root;

    private DiskFixture disk;
    private FaultyDiskFileManager storage;
    private @Nullable ObjectServer server;

    @BeforeAll
    static void watchLeaks() {
        LeakCheck.install();
    }

    @BeforeEach
    void start() throws Exception {
        disk = new DiskFixture(root);
        ObjectServerConfig config =
                disk.objectServerConfig("etag_validate_max_bytes = 4096\ndisk_chunk_size = " + CHUNK + "\n");
        storage = new FaultyDiskFileManager(disk.openLocalManager());
        server = disk.startServer(config, storage);
    }

    @AfterEach
    void stop() {
        ObjectServer s = server;
        if (s != null) {
            s.close();
            server = null;
        }
        storage.close();
        LeakCheck.assertNoLeaks();
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

    private void put(String path, byte[] body) throws IOException {
        assertThat(RawHttp.putObject(port(), path, TS1, body).status()).isEqualTo(201);
    }

    /**
     * A raw connection with a 64 KiB receive buffer that has sent {@code GET /sda/1/a/c/big} (plus {@code
     * headers}); the caller reads (or stops reading) the response.
     */
    private Socket getOverSmallWindow(String headers) throws IOException {
        Socket s = new Socket();
        try {
            s.setReceiveBufferSize(64 * 1024);
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 5000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /sda/1/a/c/big HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void awaitReadersClosed() {
        Await.until("every reader closed", Duration.ofSeconds(20), () -> storage.openReaders() == 0);
    }

    @Test
    void shouldServeALargeBodyIntactWhenItStreamsInManySmallChunks() throws IOException {
        byte[] body = RawHttp.randomBytes(LARGE, 1);
        put("/sda/1/a/c/big", body);

        RawHttp.Response got = send("GET", "/sda/1/a/c/big", "", new byte[0]);

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.header("Content-Length")).isEqualTo(Integer.toString(LARGE));
        assertThat(Arrays.equals(got.body(), body)).as("body intact").isTrue();
        awaitReadersClosed();
        assertThat(storage.bodyBytesRead()).isEqualTo(LARGE);
    }

    @Test
    void shouldServeEveryPartIntactWhenAMultiRangeGetSpansManyChunks() throws IOException {
        byte[] body = RawHttp.randomBytes(LARGE, 2);
        put("/sda/1/a/c/big", body);
        long[][] ranges = {{0, 5 * CHUNK + 7}, {3 * 1024 * 1024 + 11, 9 * 1024 * 1024}, {LARGE - 100, LARGE}};

        RawHttp.Response got = send(
                "GET",
                "/sda/1/a/c/big",
                "Range: bytes=0-" + (ranges[0][1] - 1) + "," + ranges[1][0] + "-" + (ranges[1][1] - 1) + ",-100\r\n",
                new byte[0]);

        assertThat(got.status()).isEqualTo(206);
        String contentType = String.valueOf(got.header("Content-Type"));
        assertThat(contentType).startsWith("multipart/byteranges;boundary=");
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (long[] r : ranges) {
            expected.writeBytes(("--" + boundary + "\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes "
                            + r[0] + "-" + (r[1] - 1) + "/" + LARGE + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            expected.write(body, (int) r[0], (int) (r[1] - r[0]));
            expected.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        expected.writeBytes(("--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
        assertThat(Arrays.equals(got.body(), expected.toByteArray()))
                .as("multipart body intact")
                .isTrue();
        awaitReadersClosed();
    }

    @Test
    void shouldStopReadingAheadWhenTheClientStopsReadingThenResume() throws IOException {
        byte[] body = RawHttp.randomBytes(LARGE, 3);
        put("/sda/1/a/c/big", body);

        try (Socket s = getOverSmallWindow("Connection: close\r\n")) {
            InputStream in = s.getInputStream();
            assertThat(readHead(in)).contains("content-length: " + LARGE);

            // the client reads nothing more: the server fills the socket buffers, its outbound buffer up
            // to the high water mark and its read-ahead budget, then stops reading from the disk
            long stalledAt = awaitReadsStall();
            long bound = socketSendBufferMax() + 2L * s.getReceiveBufferSize() + HIGH_WATER_MARK + 3L * CHUNK;
            assertThat(bound)
                    .as("this machine's socket buffers leave room for the check")
                    .isLessThan(LARGE / 2);
            assertThat(stalledAt).isLessThanOrEqualTo(bound);

            // reading again resumes the stream (writability wakes it) and the body is intact
            byte[] got = in.readNBytes(LARGE + 1);
            assertThat(got.length).isEqualTo(LARGE);
            assertThat(Arrays.equals(got, body)).as("body intact").isTrue();
        }
        awaitReadersClosed();
        assertThat(storage.bodyBytesRead()).isEqualTo(LARGE);
    }

    @Test
    void shouldCutTheBodyShortAndQuarantineWhenALargeObjectIsCorrupt() throws IOException {
        byte[] body = RawHttp.randomBytes(LARGE + 1000, 4);
        put("/sda/1/a/c/big", body);
        Path data = disk.onlyDataFile("sda");
        DiskCorruption.flipByte(data, 10);

        RawHttp.Response got = send("GET", "/sda/1/a/c/big", "", new byte[0]);

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.header("Content-Length")).isEqualTo(Integer.toString(body.length));
        // the last chunk (1000 bytes here) is held back until the MD5 matched: it never leaves
        assertThat(got.body().length).isLessThanOrEqualTo(body.length - 1000);
        assertThat(Files.exists(data)).isFalse();
        assertThat(disk.files("sda", "quarantined/objects"))
                .singleElement()
                .asString()
                .endsWith(data.getFileName().toString());
        awaitReadersClosed();
    }

    @Test
    void shouldStopReadingAndCloseTheReaderWhenTheClientDisconnectsMidBody() throws IOException {
        byte[] body = RawHttp.randomBytes(LARGE, 5);
        put("/sda/1/a/c/big", body);

        try (Socket s = getOverSmallWindow("")) {
            InputStream in = s.getInputStream();
            readHead(in);
            byte[] first = in.readNBytes(1024 * 1024);
            assertThat(first).isEqualTo(Arrays.copyOf(body, first.length));
            s.setSoLinger(true, 0); // reset, as a client that crashed
        }

        awaitReadersClosed();
        long stoppedAt = storage.bodyBytesRead();
        assertThat(stoppedAt).isLessThan(LARGE);
        // the server still answers on new connections
        RawHttp.Response head = send("HEAD", "/sda/1/a/c/big", "", new byte[0]);
        assertThat(head.status()).isEqualTo(200);
        assertThat(storage.bodyBytesRead()).isEqualTo(stoppedAt);
    }

    /** Waits until the server's body reads stop moving for half a second; returns the bytes read by then. */
    private long awaitReadsStall() {
        long[] last = {-1, System.nanoTime()};
        Await.until("the server stops reading ahead", Duration.ofSeconds(30), () -> {
            long now = storage.bodyBytesRead();
            if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
                return false;
            }
            return now > 0 && System.nanoTime() - last[1] > 500_000_000L;
        });
        return last[0];
    }

    /**
     * The kernel's largest auto-tuned socket send buffer ({@code tcp_wmem}'s third field). Read by line:
     * {@code Files.readString} trusts the size procfs reports and returns a truncated value.
     */
    private static long socketSendBufferMax() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/sys/net/ipv4/tcp_wmem"))
                .get(0)
                .strip()
                .split("\\s+", -1);
        return Long.parseLong(fields[2]);
    }

    /** Reads a response head byte by byte (nothing of the body); returns it lower-cased. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed in the response head: " + head);
            }
            head.write(c);
            matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }
}
