package io.cairn.replicator.ssync;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.http.LoopbackPorts;
import io.cairn.common.path.PercentCoding;
import io.cairn.common.testing.Await;
import io.cairn.common.testing.Python;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskLayout;
import io.cairn.object.diskfile.LocalDiskFileManager;
import io.cairn.object.server.ObjectServerNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SSYNC between Cairn and Debian's Swift 2.30.1, both ways. */
@Timeout(180)
class SsyncSwiftInteropIT {
    private static final String UNICODE = "ünïcødé ☃/päth";
    private static final long T0 = (System.currentTimeMillis() / 1000 - 3600) * Timestamp.UNITS_PER_SECOND;

    private static Timestamp ts(int seconds) {
        return Timestamp.ofRaw(T0 + seconds * Timestamp.UNITS_PER_SECOND, 0);
    }

    @Test
    void shouldStoreObjectsReadableBySwiftWhenCairnSendsToSwiftsObjectServer() throws Exception {
        try (SsyncFixture fx = new SsyncFixture()) {
            Path senderDevices = fx.devices("sender", "sda");
            Path swiftDevices = fx.devices("swift", "sdc");
            int part = 7;
            try (LocalDiskFileManager sender = fx.manager(senderDevices)) {
                SsyncFixture.put(sender, part, 0, "plain", ts(1), "hello", Map.of("X-Object-Meta-Color", "blue"));
                SsyncFixture.put(sender, part, 0, "posted", ts(2), "posted body", Map.of());
                SsyncFixture.post(
                        sender,
                        "sda",
                        part,
                        0,
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
                SsyncFixture.put(sender, part, 0, "gone", ts(4), "doomed", Map.of());
                SsyncFixture.delete(sender, "sda", part, 0, "gone", ts(5));
                SsyncFixture.put(sender, part, 0, UNICODE, ts(6), "ünï body", Map.of("X-Object-Meta-K", "v"));
                Map<String, String> local = sender.suffixHashes("sda", part, 0, List.of());
                Process swift = startSwift(fx, swiftDevices);
                try {
                    int port = swiftPort;
                    SsyncResult r = new SsyncSender(sender, SsyncTimeouts.defaults(), Clock.systemUTC())
                            .send(new SsyncTarget("127.0.0.1", port, "sdc"), "sda", part, 0, local.keySet());
                    assertThat(r.error()).isNull();
                    assertThat(r.success()).isTrue();
                    assertThat(r.objectsSent()).isEqualTo(5);
                    assertThat(get(port, part, "plain")).isEqualTo("200 hello blue");
                    assertThat(get(port, part, "gone")).startsWith("404");
                    assertThat(get(port, part, UNICODE)).isEqualTo("200 ünï body null");
                    HttpURLConnection c = open(port, part, "posted");
                    assertThat(c.getResponseCode()).isEqualTo(200);
                    assertThat(c.getHeaderField("Content-Type")).isEqualTo("image/png");
                    assertThat(c.getHeaderField("X-Object-Meta-Shape")).isEqualTo("round");
                    c.disconnect();
                } finally {
                    stop(swift);
                }
                SsyncFixture.assertSameObjectFiles(
                        DiskLayout.partitionDir(senderDevices.resolve("sda"), 0, part),
                        DiskLayout.partitionDir(swiftDevices.resolve("sdc"), 0, part));
            }
        }
    }

    @Test
    void shouldReceiveByteIdenticalObjectsWhenSwiftsSenderSendsToCairn() throws Exception {
        try (SsyncFixture fx = new SsyncFixture()) {
            Path swiftDevices = fx.devices("swiftsrc", "sdd");
            Path cairnDevices = fx.devices("receiver", "sdb");
            int part = 5;
            try (ObjectServerNode cairn = fx.cairnServer(cairnDevices);
                    InputStream script =
                            Objects.requireNonNull(getClass().getResourceAsStream("swift_ssync_send.py"))) {
                String out = new String(
                                Python.run(
                                        new String(script.readAllBytes(), StandardCharsets.UTF_8),
                                        new byte[0],
                                        fx.swiftDir.resolve("swift.conf").toString(),
                                        swiftDevices.toString(),
                                        "sdd",
                                        Integer.toString(cairn.port()),
                                        "sdb",
                                        Integer.toString(part),
                                        Long.toString(T0 / Timestamp.UNITS_PER_SECOND)),
                                StandardCharsets.UTF_8)
                        .strip();
                assertThat(out).isEqualTo("True 4");
                SsyncFixture.assertSameObjectFiles(
                        DiskLayout.partitionDir(swiftDevices.resolve("sdd"), 0, part),
                        DiskLayout.partitionDir(cairnDevices.resolve("sdb"), 0, part));
                try (LocalDiskFileManager source = fx.manager(swiftDevices)) {
                    assertThat(cairn.server().api().diskFiles().suffixHashes("sdb", part, 0, List.of()))
                            .isEqualTo(source.suffixHashes("sdd", part, 0, List.of()));
                }
            }
        }
    }

    private int swiftPort;

    private Process startSwift(SsyncFixture fx, Path devices) throws IOException {
        swiftPort = LoopbackPorts.pickFree();
        Path conf = Files.writeString(
                fx.root.resolve("object-server.conf"),
                "[DEFAULT]\ndevices = " + devices + "\nmount_check = false\nbind_ip = 127.0.0.1\nbind_port = "
                        + swiftPort + "\nworkers = 0\nuser = " + System.getProperty("user.name") + "\nswift_dir = "
                        + fx.swiftDir + "\nlog_address = /nonexistent\n[pipeline:main]\npipeline = object-server\n"
                        + "[app:object-server]\nuse = egg:swift#object\n");
        Path wrapper = fx.root.resolve("swift_object_server.py");
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("swift_object_server.py"))) {
            Files.write(wrapper, in.readAllBytes());
        }
        Path log = fx.root.resolve("swift.log");
        Process p = new ProcessBuilder(
                        Python.INTERPRETER,
                        wrapper.toString(),
                        fx.swiftDir.resolve("swift.conf").toString(),
                        conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int port = swiftPort;
        Await.until("Swift's object server listening", Duration.ofSeconds(30), () -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("swift-object-server exited: " + read(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return p;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static HttpURLConnection open(int port, int part, String obj) throws IOException {
        URI uri =
                URI.create("http://127.0.0.1:" + port + "/sdc/" + part + "/AUTH_test/cont/" + PercentCoding.quote(obj));
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestProperty("X-Backend-Storage-Policy-Index", "0");
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        return c;
    }

    /** Swift's GET: {@code "<status> <body> <X-Object-Meta-Color>"}. */
    private static String get(int port, int part, String obj) throws IOException {
        HttpURLConnection c = open(port, part, obj);
        try {
            int status = c.getResponseCode();
            if (status != 200) {
                return Integer.toString(status);
            }
            try (InputStream in = c.getInputStream()) {
                return status + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8) + " "
                        + c.getHeaderField("X-Object-Meta-Color");
            }
        } finally {
            c.disconnect();
        }
    }
}
