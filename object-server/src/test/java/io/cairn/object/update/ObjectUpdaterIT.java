package io.cairn.object.update;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.Json;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.daemon.DaemonScheduler;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.LoopbackPorts;
import io.cairn.common.http.Transport;
import io.cairn.common.path.HashPath;
import io.cairn.common.testing.Await;
import io.cairn.common.testing.Python;
import io.cairn.object.server.ObjectServerConfig;
import io.cairn.object.server.ObjectServerNode;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.cairn.ring.RingData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The updater against two real container servers (ring ids 0 and 1, one partition, both replicas): one is
 * down until the test brings it up on the port the ring already names.
 */
@Timeout(120)
class ObjectUpdaterIT {
    private static final String SWIFT_CONF = "[swift-hash]\nswift_hash_path_prefix = cairnpre\n"
            + "swift_hash_path_suffix = cairnsuf\n[storage-policy:0]\nname = gold\ndefault = yes\n";
    private static final String TS1 = "1700000001.00000";
    private static final String TS2 = "1700000002.00000";

    @TempDir
    Path root;

    private Path swiftDir;
    private Path objectDevices;
    private HashPath hashPath;
    private ContainerPeer peerA;
    private @Nullable ContainerPeer peerB;
    private int portB;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ReconRegistry recon = new ReconRegistry();
    private final DaemonScheduler scheduler = new DaemonScheduler(clock, recon, line -> {});
    private ObjectUpdater updater;

    @BeforeEach
    void setUp() throws Exception {
        swiftDir = Files.createDirectories(root.resolve("etc"));
        Files.writeString(swiftDir.resolve("swift.conf"), SWIFT_CONF);
        objectDevices = Files.createDirectories(root.resolve("node"));
        Files.createDirectories(objectDevices.resolve("sdo"));
        hashPath = SwiftConf.load(swiftDir).hashPath();
        peerA = new ContainerPeer(root.resolve("a"), swiftDir, 0);
        peerA.createContainer("a", "c", TS1);
        portB = LoopbackPorts.pickFree(); // nothing listens here until startPeerB()
        List<@Nullable Device> devices = List.of(
                new Device(0, 1, 1, "127.0.0.1", peerA.port(), "127.0.0.1", peerA.port(), "sda", 1.0, ""),
                new Device(1, 1, 2, "127.0.0.1", portB, "127.0.0.1", portB, "sda", 1.0, ""));
        Ring ring = new Ring(new RingData(devices, new int[][] {{0}, {1}}, 32, 1L, null));
        ObjectUpdaterConfig config = ObjectUpdaterConfig.from(IniFile.parse(
                        "[object-updater]\ndevices = " + objectDevices + "\nmount_check = false\ninterval = 10\n"
                                + "max_backoff = 40\nobjects_per_second = 0\nconn_timeout = 1\nnode_timeout = 5\n",
                        "updater.conf")
                .section(ObjectUpdaterConfig.SECTION));
        updater = new ObjectUpdater(config, () -> ring, hashPath, Transport.select(true), clock);
        updater.publishTo(recon);
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
        updater.close();
        peerA.close();
        if (peerB != null) {
            peerB.close();
        }
    }

    private ContainerPeer startPeerB() throws Exception {
        ContainerPeer b = new ContainerPeer(root.resolve("b"), swiftDir, portB);
        peerB = b;
        b.createContainer("a", "c", TS1);
        return b;
    }

    @Test
    void shouldKeepBackOffThenDeliverWhenAContainerReplicaComesBack() throws Exception {
        try (ObjectServerNode node = startObjectServer()) {
            HttpResponse<byte[]> put = objectPut(node, "/sdo/0/a/c/o%20x", "hello");
            assertThat(put.statusCode()).isEqualTo(201);
            Await.until(
                    "async_pending saved",
                    Duration.ofSeconds(10),
                    () -> !pendingFilesQuietly().isEmpty());
            Path pending = pendingFiles().get(0);
            assertThat(pending.getFileName().toString()).isEqualTo(hashPath.hex("a", "c", "o x") + "-" + TS1);

            PassReport first = scheduler.runPass(updater);
            assertThat(first.counter("failures")).isEqualTo(1);
            assertThat(first.counter("successes")).isZero();
            assertThat(first.counter("outstanding")).isEqualTo(1);
            assertThat(first.completed()).isFalse();
            assertThat(AsyncPendingStore.read(pending).successes()).containsExactly(0);
            assertThat(names(peerA)).containsExactly("o x");
            assertThat(reconJson(node, "/recon/async")).containsEntry("async_pending", 1L);

            PassReport tooSoon = scheduler.runPass(updater);
            assertThat(tooSoon.counter("backed_off")).isEqualTo(1);
            assertThat(tooSoon.counter("failures")).isZero();

            clock.advance(Duration.ofSeconds(10)); // first back-off: one interval
            PassReport second = scheduler.runPass(updater);
            assertThat(second.counter("failures")).isEqualTo(1);
            assertThat(AsyncPendingStore.read(pending).successes()).containsExactly(0);

            ContainerPeer b = startPeerB();
            clock.advance(Duration.ofSeconds(10)); // second back-off doubled to 20 s: still waiting
            assertThat(scheduler.runPass(updater).counter("backed_off")).isEqualTo(1);
            clock.advance(Duration.ofSeconds(10));
            PassReport delivered = scheduler.runPass(updater);
            assertThat(delivered.counter("successes")).isEqualTo(1);
            assertThat(delivered.counter("unlinks")).isEqualTo(1);
            assertThat(delivered.counter("outstanding")).isZero();
            assertThat(delivered.completed()).isTrue();
            assertThat(pending).doesNotExist();
            assertThat(pending.getParent()).doesNotExist();
            for (ContainerPeer peer : List.of(peerA, b)) {
                List<Map<String, Object>> rows = peer.listing("a", "c");
                assertThat(rows).singleElement().satisfies(row -> {
                    assertThat(row.get("name")).isEqualTo("o x");
                    assertThat(row.get("bytes")).isEqualTo(5L);
                    assertThat(row.get("hash")).isEqualTo("5d41402abc4b2a76b9719d911017c592");
                });
            }
            assertReconDocuments(node);
        }
    }

    private void assertReconDocuments(ObjectServerNode node) throws Exception {
        Map<String, Object> async = reconJson(node, "/recon/async");
        assertThat(async.get("async_pending")).isEqualTo(0L);
        assertThat(async.get("async_pending_last")).isInstanceOf(Double.class);
        assertThat(reconJson(node, "/recon/updater/object").get("object_updater_sweep"))
                .isInstanceOf(Double.class);
        Map<String, Object> daemons =
                ContainerPeer.map(reconJson(node, "/recon/daemons").get("daemons"));
        Map<String, Object> last = ContainerPeer.map(daemons.get(ObjectUpdater.NAME));
        assertThat(last.get("successes")).isEqualTo(1L);
        assertThat(last.get("completed")).isEqualTo(true);
        Map<String, Object> replication = reconJson(node, "/recon/replication/object");
        assertThat(replication.keySet())
                .containsExactly(
                        "replication_time",
                        "replication_stats",
                        "replication_last",
                        "object_replication_time",
                        "object_replication_last");
        assertThat(replication.get("replication_last")).isNull();
        assertThat(reconJson(node, "/recon/auditor/object").keySet())
                .containsExactly("object_auditor_stats_ALL", "object_auditor_stats_ZBF");
        assertThat(reconJson(node, "/recon/quarantined"))
                .containsEntry("objects", 0L)
                .containsEntry("policies", Map.of());
        HttpResponse<byte[]> unknown = get(node, "/recon/nonsense");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).isEqualTo("Invalid path: /recon/nonsense");
    }

    @Test
    void shouldUnlinkObsoleteOlderPendingWhenANewerOneExistsForTheObject() throws Exception {
        ContainerPeer b = startPeerB();
        Path older = writePending("o1", TS1, 1);
        Path newer = writePending("o1", TS2, 2);
        Path other = writePending("o2", TS1, 3);

        PassReport pass = scheduler.runPass(updater);

        assertThat(pass.counter("obsolete")).isEqualTo(1);
        assertThat(pass.counter("successes")).isEqualTo(2);
        assertThat(pass.counter("unlinks")).isEqualTo(3);
        assertThat(List.of(older, newer, other)).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(pendingFiles()).isEmpty();
        for (ContainerPeer peer : List.of(peerA, b)) {
            Map<String, Object> bytesByName = new LinkedHashMap<>();
            peer.listing("a", "c").forEach(row -> bytesByName.put((String) row.get("name"), row.get("bytes")));
            assertThat(bytesByName).isEqualTo(Map.of("o1", 2L, "o2", 3L));
        }
        assertThat(updater.asyncPendings()).isZero();
    }

    @Test
    void shouldQuarantineAnUnloadablePendingWhenItIsNotAPickle() throws Exception {
        Path bad = objectDevices.resolve("sdo/async_pending/abc/0123456789abcdef0123456789abcabc-" + TS1);
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "not a pickle");

        PassReport pass = scheduler.runPass(updater);

        assertThat(pass.counter("quarantines")).isEqualTo(1);
        assertThat(bad).doesNotExist();
        assertThat(objectDevices.resolve("sdo/quarantined/objects").resolve(bad.getFileName()))
                .hasContent("not a pickle");
    }

    @Test
    void shouldReplaySwiftsOwnPendingAndHonourItsSuccessesWhenSwiftPickledIt() throws Exception {
        // Swift's pickle_async_update (protocol 0, HeaderKeyDict headers); replica 1 already accepted it
        String script = String.join(
                "\n",
                "import sys",
                "from swift.common import utils",
                "utils.HASH_PATH_PREFIX = b'cairnpre'",
                "utils.HASH_PATH_SUFFIX = b'cairnsuf'",
                "from swift.common.header_key_dict import HeaderKeyDict",
                "from swift.common.storage_policy import POLICIES",
                "from swift.common.utils import Timestamp",
                "from swift.obj.diskfile import DiskFileManager",
                "mgr = DiskFileManager({'devices': sys.argv[1], 'mount_check': 'false'},"
                        + " utils.get_logger({}, log_route='t'))",
                "ts = Timestamp(sys.argv[2])",
                "hkd = HeaderKeyDict({'x-size': '7', 'x-content-type': 'text/plain',"
                        + " 'x-etag': 'd41d8cd98f00b204e9800998ecf8427e', 'x-timestamp': ts.internal,"
                        + " 'x-trans-id': 'tx1', 'user-agent': 'object-server 1', 'referer': 'PUT http://x/a/c/s p',"
                        + " 'X-Backend-Storage-Policy-Index': '0'})",
                "mgr.pickle_async_update('sdo', 'a', 'c', 's p', {'op': 'PUT', 'account': 'a', 'container': 'c',"
                        + " 'obj': 's p', 'headers': hkd, 'successes': [1]}, ts, POLICIES[0])");
        Python.runText(script, objectDevices.toString(), TS2);
        Path pending = pendingFiles().get(0);
        assertThat(pending.getFileName().toString()).isEqualTo(hashPath.hex("a", "c", "s p") + "-" + TS2);

        PassReport pass = scheduler.runPass(updater); // replica 1 (down) is skipped: Swift's file says it has it

        assertThat(pass.counter("successes")).isEqualTo(1);
        assertThat(pass.counter("failures")).isZero();
        assertThat(pending).doesNotExist();
        assertThat(peerA.listing("a", "c")).singleElement().satisfies(row -> {
            assertThat(row.get("name")).isEqualTo("s p");
            assertThat(row.get("bytes")).isEqualTo(7L);
            assertThat(row.get("content_type")).isEqualTo("text/plain");
        });
    }

    private Path writePending(String object, String ts, int size) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Size", Integer.toString(size));
        headers.put("X-Content-Type", "text/plain");
        headers.put("X-Etag", "d41d8cd98f00b204e9800998ecf8427e");
        headers.put("X-Timestamp", ts);
        headers.put("X-Backend-Storage-Policy-Index", "0");
        Path dev = objectDevices.resolve("sdo");
        return AsyncPendingStore.write(
                dev.resolve("async_pending"),
                dev.resolve("tmp"),
                hashPath.hex("a", "c", object),
                new AsyncUpdate("PUT", "a", "c", object, headers, null));
    }

    private List<Path> pendingFiles() throws IOException {
        Path dir = objectDevices.resolve("sdo/async_pending");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
        }
    }

    private List<Path> pendingFilesQuietly() {
        try {
            return pendingFiles();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(); // a temp file renamed while we walked: look again
        }
    }

    private static List<Object> names(ContainerPeer peer) throws Exception {
        return peer.listing("a", "c").stream()
                .<Object>map(row -> row.get("name"))
                .toList();
    }

    private ObjectServerNode startObjectServer() throws Exception {
        String conf = "[DEFAULT]\ndevices = " + objectDevices + "\nmount_check = false\nswift_dir = " + swiftDir
                + "\nbind_ip = 127.0.0.1\nbind_port = 0\n[app:object-server]\nlog_requests = false\n";
        return ObjectServerNode.start(
                ObjectServerConfig.from(IniFile.parse(conf, "object-server.conf")),
                SwiftConf.load(swiftDir),
                Transport.select(true),
                Clock.systemUTC(),
                recon);
    }

    private HttpResponse<byte[]> objectPut(ObjectServerNode node, String rawPath, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + rawPath))
                .timeout(Duration.ofSeconds(20))
                .header("X-Timestamp", TS1)
                .header("Content-Type", "text/plain")
                .header("X-Container-Host", "127.0.0.1:" + peerA.port() + ",127.0.0.1:" + portB)
                .header("X-Container-Device", "sda,sda")
                .header("X-Container-Partition", "0")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return ContainerPeer.HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(ObjectServerNode node, String rawPath)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + rawPath))
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build();
        return ContainerPeer.HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, Object> reconJson(ObjectServerNode node, String path) throws Exception {
        HttpResponse<byte[]> r = get(node, path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        return ContainerPeer.map(Json.parse(new String(r.body(), StandardCharsets.UTF_8)));
    }
}
