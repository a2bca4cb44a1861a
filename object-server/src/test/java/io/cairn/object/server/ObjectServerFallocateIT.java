package io.cairn.object.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.http.Transport;
import io.cairn.common.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disable_fallocate} and {@code fallocate_reserve} from {@code object-server.conf}, as Swift's object server
 * answers them (checked by hand against Debian's Swift 2.30.1 with the same settings): with fallocate on (the
 * default), a PUT larger than the device, or one that would leave less than the reserve, is 507 before its body is
 * asked for; with {@code disable_fallocate = true} neither is checked and the PUT proceeds.
 */
@Timeout(60)
class ObjectServerFallocateIT {
    @TempDir
    Path root;

    private DiskFixture disk;
    private long total;
    private String now;

    @BeforeAll
    static void watchLeaks() {
        LeakCheck.install();
    }

    @BeforeEach
    void prepare() throws IOException {
        disk = new DiskFixture(root);
        // bodies larger than the device must reach the disk layer, not stop at max_file_size (413)
        Files.writeString(
                disk.swiftDir.resolve("swift.conf"),
                "[swift-constraints]\nmax_file_size = 4611686018427387904\n",
                StandardOpenOption.APPEND);
        total = Files.getFileStore(root).getTotalSpace();
        now = (System.currentTimeMillis() / 1000) + ".00000";
    }

    @AfterEach
    void checkLeaks() {
        LeakCheck.assertNoLeaks();
    }

    private ObjectServerNode start(String settings) throws Exception {
        return ObjectServerNode.start(
                disk.objectServerConfig(settings), disk.swiftConf(), Transport.select(true), Clock.systemUTC());
    }

    private static String putHead(String path, String ts, long contentLength) {
        return "PUT " + path + " HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + ts
                + "\r\nContent-Type: text/plain\r\nExpect: 100-continue\r\nContent-Length: " + contentLength
                + "\r\n\r\n";
    }

    /** Sends a PUT's head only; the status the server answers first (100 if it asks for the body). */
    private static int firstStatus(int port, String head) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return Integer.parseInt(line.toString().split(" ")[1]);
        }
    }

    private RawHttp.Response put(int port, String path, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.exchange(
                port,
                "PUT " + path + " HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + now
                        + "\r\nContent-Type: text/plain\r\nContent-Length: " + b.length + "\r\n",
                b);
    }

    private void assertNoBodyInProgress() {
        Await.until("bodies in progress gone", Duration.ofSeconds(10), () -> {
            try {
                return disk.bodiesInProgress("sda").isEmpty();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void shouldRefuseWith507APutLargerThanTheDeviceWhenFallocateIsOn() throws Exception {
        // the 1% reserve refuses it, and with no reserve fallocate itself does
        for (String settings : new String[] {"", "fallocate_reserve = 0\n"}) {
            try (ObjectServerNode node = start(settings)) {
                assertThat(firstStatus(node.port(), putHead("/sda/1/a/c/big", now, total * 2)))
                        .as(settings)
                        .isEqualTo(507);
                assertThat(put(node.port(), "/sda/1/a/c/small" + settings.length(), "fits")
                                .status())
                        .as(settings)
                        .isEqualTo(201);
            }
        }
        assertNoBodyInProgress();
    }

    @Test
    void shouldAskForTheBodyOfAPutLargerThanTheDeviceWhenFallocateIsDisabled() throws Exception {
        try (ObjectServerNode node = start("disable_fallocate = true\n")) {
            assertThat(firstStatus(node.port(), putHead("/sda/1/a/c/big", now, total * 2)))
                    .isEqualTo(100);
            assertNoBodyInProgress(); // the client went away: the body is dropped
            assertThat(disk.files("sda", "objects")).noneMatch(f -> f.endsWith(".data"));
        }
    }

    @Test
    void shouldKeepTheReserveFreeOnlyWhileFallocateIsOn() throws Exception {
        for (String reserve : new String[] {"100%", Long.toString(total)}) {
            String path = "/sda/1/a/c/o" + reserve;
            try (ObjectServerNode node = start("fallocate_reserve = " + reserve + "\n")) {
                RawHttp.Response refused = put(node.port(), path, "tiny");
                assertThat(refused.status()).as(reserve).isEqualTo(507);
                assertThat(refused.text()).contains("Drive: sda");
            }
            try (ObjectServerNode node = start("disable_fallocate = yes\nfallocate_reserve = " + reserve + "\n")) {
                assertThat(put(node.port(), path, "tiny").status()).as(reserve).isEqualTo(201);
            }
        }
    }
}
