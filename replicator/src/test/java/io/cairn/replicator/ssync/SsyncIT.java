package io.cairn.replicator.ssync;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskLayout;
import io.cairn.object.diskfile.LocalDiskFileManager;
import io.cairn.object.server.ObjectServerNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cairn's sender against Cairn's receiver over real sockets, the receiver's error answers, a silent peer. */
@Timeout(120)
class SsyncIT {
    private static final String UNICODE = "ünïcødé ☃/päth";
    /** Recent times: tombstones older than reclaim_age (7 days) would be reclaimed before they are offered. */
    private static final long T0 = (System.currentTimeMillis() / 1000 - 3600) * Timestamp.UNITS_PER_SECOND;

    private SsyncFixture fx;
    private Path senderDevices;
    private Path receiverDevices;
    private LocalDiskFileManager sender;
    private ObjectServerNode cairn;

    @BeforeEach
    void start() throws Exception {
        fx = new SsyncFixture();
        senderDevices = fx.devices("sender", "sda");
        receiverDevices = fx.devices("receiver", "sdb");
        sender = fx.manager(senderDevices);
        cairn = fx.cairnServer(receiverDevices);
    }

    @AfterEach
    void stop() throws IOException {
        cairn.close();
        sender.close();
        fx.close();
    }

    private static Timestamp ts(int seconds) {
        return Timestamp.ofRaw(T0 + seconds * Timestamp.UNITS_PER_SECOND, 0);
    }

    private SsyncSender newSender() {
        return new SsyncSender(sender, SsyncTimeouts.defaults(), Clock.systemUTC());
    }

    private void populate(int part, int policy) throws IOException {
        SsyncFixture.put(sender, part, policy, "plain", ts(1), "hello", Map.of("X-Object-Meta-Color", "blue"));
        SsyncFixture.put(sender, part, policy, "posted", ts(2), "posted body", Map.of());
        SsyncFixture.post(
                sender,
                "sda",
                part,
                policy,
                "posted",
                Map.of(
                        "X-Timestamp",
                        ts(3).internal(),
                        "X-Object-Meta-Shape",
                        "round",
                        "Content-Type",
                        "image/png",
                        "Content-Type-Timestamp",
                        ts(3).internal()));
        SsyncFixture.put(sender, part, policy, "gone", ts(4), "doomed", Map.of());
        SsyncFixture.delete(sender, "sda", part, policy, "gone", ts(5));
        SsyncFixture.put(sender, part, policy, UNICODE, ts(6), "ünï body", Map.of("X-Object-Meta-K", "v"));
    }

    private void syncAndCompare(int part, int policy) throws Exception {
        populate(part, policy);
        Map<String, String> local = sender.suffixHashes("sda", part, policy, List.of());
        assertThat(local).isNotEmpty();
        SsyncResult r = newSender()
                .send(new SsyncTarget("127.0.0.1", cairn.port(), "sdb"), "sda", part, policy, local.keySet());
        assertThat(r.error()).isNull();
        assertThat(r.success()).isTrue();
        SsyncFixture.assertSameObjectFiles(
                DiskLayout.partitionDir(senderDevices.resolve("sda"), policy, part),
                DiskLayout.partitionDir(receiverDevices.resolve("sdb"), policy, part));
        Map<String, String> remote = cairn.server().api().diskFiles().suffixHashes("sdb", part, policy, List.of());
        assertThat(remote).isEqualTo(local);
        assertThat(r.objectsSent()).as(r.toString()).isEqualTo(5); // 3 PUTs, 1 POST, 1 DELETE
        assertThat(r.inSyncObjects()).hasSize(4);
        assertThat(r.bytesSent()).isPositive();
        SsyncResult again = newSender()
                .send(new SsyncTarget("127.0.0.1", cairn.port(), "sdb"), "sda", part, policy, local.keySet());
        assertThat(again.success()).isTrue();
        assertThat(again.objectsSent()).isZero();
    }

    @Test
    void shouldMakeReceiverIdenticalWhenSyncingObjectsMetaTombstonesAndUnicodeNames() throws Exception {
        syncAndCompare(7, 0);
    }

    @Test
    void shouldMakeReceiverIdenticalWhenSyncingPolicyOne() throws Exception {
        syncAndCompare(3, 1);
    }

    @Test
    void shouldAnswerSwiftsErrorWhenReceiverGetsGarbage() throws Exception {
        String answer = rawSsync(chunk("garbage\r\n"));
        assertThat(answer).contains(":ERROR: 0 \"Looking for :MISSING_CHECK: START got b'garbage\\\\r\\\\n'\"\n");
    }

    @Test
    void shouldAnswerSwiftsErrorWhenSubrequestMethodIsUnknown() throws Exception {
        String answer = rawSsync(chunk(":MISSING_CHECK: START\r\n")
                + chunk(":MISSING_CHECK: END\r\n")
                + chunk(":UPDATES: START\r\n")
                + chunk("GET /AUTH_test/cont/o\r\n\r\n"));
        assertThat(answer).contains(":MISSING_CHECK: START\r\n\r\n:MISSING_CHECK: END\r\n");
        assertThat(answer).contains(":ERROR: 0 'Invalid subrequest method GET'\n");
    }

    @Test
    void shouldNotCommitAndAnswer500WhenPutBodyIsTruncated() throws Exception {
        String answer = rawSsync(chunk(":MISSING_CHECK: START\r\n") + chunk(":MISSING_CHECK: END\r\n")
                + chunk(":UPDATES: START\r\n")
                + chunk("PUT /AUTH_test/cont/short\r\nContent-Length: 100\r\nContent-Type: text/plain\r\n"
                        + "X-Timestamp: " + ts(1).internal() + "\r\n\r\n")
                + chunk("only 18 bytes here") + "0\r\n\r\n");
        assertThat(answer).contains(":ERROR: 500 b'ERROR: With :UPDATES: 1 failures to 0 successes'\n");
        assertThat(SsyncFixture.objectFiles(receiverDevices.resolve("sdb"))).isEmpty();
        assertThat(SsyncFixture.objectFiles(receiverDevices.resolve("sdb").resolve("tmp")))
                .isEmpty();
    }

    @Test
    void shouldFailWithinTimeoutWhenPeerAcceptsAndNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SsyncFixture.put(sender, 1, 0, "o", ts(1), "x", Map.of());
            SsyncSender s = new SsyncSender(
                    sender,
                    new SsyncTimeouts(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300)),
                    Clock.systemUTC());
            long start = System.nanoTime();
            SsyncResult r = s.send(
                    new SsyncTarget("127.0.0.1", silent.getLocalPort(), "sdb"),
                    "sda",
                    1,
                    0,
                    sender.suffixHashes("sda", 1, 0, List.of()).keySet());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.success()).isFalse();
            assertThat(r.error()).contains("0.3 seconds: connect receive");
            assertThat(ms).isLessThan(5_000);
        }
    }

    /** The payload of a chunked body (possibly cut off without its last chunk). */
    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, eol).strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    private static String chunk(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return Integer.toHexString(b.length) + "\r\n" + s + "\r\n";
    }

    /** Sends an SSYNC request with {@code body} (already chunked) and returns everything the server sent. */
    private String rawSsync(String body) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), cairn.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("SSYNC /sdb/0 HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                            + "X-Backend-Storage-Policy-Index: 0\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    got.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the receiver neither finished nor hung up; got: " + got, e);
            }
            String answer = got.toString(StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("X-Backend-Accept-No-Commit: True");
            return dechunk(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        }
    }
}
