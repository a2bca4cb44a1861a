package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.auditor.object.ObjectAuditor;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.daemon.Daemon;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.testing.Await;
import io.cairn.object.diskfile.DiskLayout;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.cairn.ring.RingLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's probe tests: a real four-node SAIO driven through the proxy, its daemons run pass by pass (their
 * timers are a day long) on the nodes each scenario names, and the result checked on disk and on each
 * storage server directly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DurabilityProbeIT {
    private static final String ACCOUNT = "AUTH_test";
    /** Short enough to wait out in a test, long enough for a tombstone to reach a returning node first. */
    private static final long RECLAIM_AGE_SECONDS = 6;

    private Path data;
    private SaioHarness saio;
    private SaioHarness.Login login;

    @BeforeAll
    void startSaio(@TempDir Path dataDir) throws Exception {
        this.data = dataDir;
        Map<String, Map<String, String>> settings = new TreeMap<>();
        for (NodeDaemons.Section s : NodeDaemons.Section.values()) {
            settings.put(s.sectionName(), Map.of("interval", "86400"));
        }
        String reclaim = Long.toString(RECLAIM_AGE_SECONDS);
        settings.put("object-replicator", Map.of("interval", "86400", "reclaim_age", reclaim));
        settings.put("object-auditor", Map.of("interval", "86400", "reclaim_age", reclaim));
        settings.put("app:object-server", Map.of("reclaim_age", reclaim));
        saio = SaioHarness.startWithDaemons(
                data,
                Map.of(
                        "conn_timeout", "0.5",
                        "node_timeout", "2",
                        "recoverable_node_timeout", "2",
                        // a stopped node's errors must not make later requests skip it once it is back
                        "error_suppression_limit", "1000"),
                NodeDaemons.standard(),
                settings);
        login = saio.login("test:tester", "testing");
    }

    @AfterEach
    void restartStoppedNodes() throws Exception {
        saio.restartStoppedNodes();
    }

    @AfterAll
    void stopSaio() {
        if (saio != null) {
            saio.close();
        }
    }

    // ---- 1: a wiped device ----

    @Test
    @Order(1)
    void shouldRestoreEveryObjectAndDatabaseByteForByteWhenADeviceWasWipedWhileItsNodeWasDown() throws Exception {
        String container = "wiped";
        putContainer(container);
        Map<String, byte[]> bodies = new TreeMap<>();
        for (int i = 0; i < 6; i++) {
            byte[] b = body(300 + i * 97, i);
            bodies.put("o" + i, b);
            assertThat(putObject(container, "o" + i, b)).isEqualTo(201);
        }
        // a node holding both the container DB and the account DB (3 of 4 nodes hold each, so two at least hold
        // both), so the wipe tests both DB replicators whatever the random hash prefix placed where
        List<Integer> accountNodes = accountNodes();
        int wiped = containerNodes(container).stream()
                .filter(accountNodes::contains)
                .findFirst()
                .orElseThrow();
        Map<String, byte[]> dataFiles = filesEndingWith(device(wiped), ".data");
        TreeSet<String> dbFiles =
                new TreeSet<>(filesEndingWith(device(wiped), ".db").keySet());
        assertThat(dataFiles).isNotEmpty();
        assertThat(dbFiles).anyMatch(p -> p.startsWith("containers/")).anyMatch(p -> p.startsWith("accounts/"));

        saio.cluster().stopNode(wiped);
        deleteContents(device(wiped));
        saio.cluster().startNode(wiped);
        assertThat(filesEndingWith(device(wiped), ".data")).isEmpty();

        int rounds = passRoundsUntil(2, others(wiped), () -> {
            Map<String, byte[]> now = filesEndingWith(device(wiped), ".data");
            return now.keySet().equals(dataFiles.keySet())
                    && filesEndingWith(device(wiped), ".db").keySet().containsAll(dbFiles);
        });
        assertThat(rounds).isBetween(1, 2);

        Map<String, byte[]> restored = filesEndingWith(device(wiped), ".data");
        assertThat(restored.keySet()).isEqualTo(dataFiles.keySet());
        restored.forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(dataFiles.get(path)));
        assertThat(filesEndingWith(device(wiped), ".db").keySet()).containsAll(dbFiles);
        for (Map.Entry<String, byte[]> e : bodies.entrySet()) {
            if (objectPrimaries(container, e.getKey()).contains(wiped)) {
                HttpResponse<byte[]> r = directObjectGet(wiped, container, e.getKey());
                assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
                assertThat(r.body()).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        assertThat(directListing(wiped, container)).isEqualTo(new ArrayList<>(bodies.keySet()));
    }

    // ---- 2: bit rot ----

    @Test
    @Order(2)
    void shouldNeverServeFlippedBytesAndRestoreAGoodCopyWhenOneByteOfADataFileIsFlipped() throws Exception {
        String container = "rot";
        putContainer(container);
        byte[] auditedBody = body(4096, 21);
        assertThat(putObject(container, "audited", auditedBody)).isEqualTo(201);
        int rotten = objectPrimaries(container, "audited").get(0);
        String read = firstObjectWithPrimary(container, "read-", rotten);
        byte[] readBody = body(2048, 22);
        assertThat(putObject(container, read, readBody)).isEqualTo(201);

        // the auditor finds the flipped byte of one object
        Path auditedData = flipOneByte(rotten, container, "audited");
        PassReport audit = pass(rotten, NodeDaemons.Section.OBJECT_AUDITOR);
        assertThat(audit.counter(ObjectAuditor.QUARANTINED)).isGreaterThanOrEqualTo(1);
        assertThat(auditedData).doesNotExist();
        assertThat(quarantined(rotten, container, "audited")).isTrue();

        // a read finds the other: no GET returns its corrupt bytes, whichever copy the proxy picks
        Path readData = flipOneByte(rotten, container, read);
        for (int i = 0; i < 6; i++) {
            assertServesGoodCopy(container, read, readBody, i % 2 == 0);
        }
        pass(rotten, NodeDaemons.Section.OBJECT_AUDITOR);
        assertThat(readData).doesNotExist();
        assertThat(quarantined(rotten, container, read)).isTrue();

        // asked directly, the object server does not answer with a corrupt copy either
        String direct = firstObjectWithPrimary(container, "direct-", rotten);
        byte[] directBody = body(3000, 23);
        assertThat(putObject(container, direct, directBody)).isEqualTo(201);
        Path directData = flipOneByte(rotten, container, direct);
        assertThat(directObjectGet(rotten, container, direct).statusCode()).isEqualTo(404);
        assertThat(directData).doesNotExist();
        assertThat(quarantined(rotten, container, direct)).isTrue();

        // a replicator pass on another primary puts good copies back
        for (String o : List.of("audited", read, direct)) {
            int other = objectPrimaries(container, o)
                    .get(objectPrimaries(container, o).get(0) == rotten ? 1 : 0);
            pass(other, NodeDaemons.Section.OBJECT_REPLICATOR);
        }
        assertThat(auditedData).exists();
        assertThat(directObjectGet(rotten, container, "audited").body()).isEqualTo(auditedBody);
        assertThat(readData).exists();
        assertThat(directObjectGet(rotten, container, read).body()).isEqualTo(readBody);
        assertThat(directData).exists();
        assertThat(directObjectGet(rotten, container, direct).body()).isEqualTo(directBody);
        PassReport again = pass(rotten, NodeDaemons.Section.OBJECT_AUDITOR);
        assertThat(again.counter(ObjectAuditor.QUARANTINED)).isZero();
        assertThat(auditedData).exists();
    }

    // ---- 3: a handoff goes home ----

    @Test
    @Order(3)
    void shouldMoveAHandoffCopyHomeAndRemoveItWhenThePrimaryReturns() throws Exception {
        String container = "handoff";
        putContainer(container);
        List<Integer> nodes = saio.objectNodes(ACCOUNT, container, "h");
        int down = nodes.get(0);
        int handoff = nodes.get(3);
        byte[] b = body(1500, 31);
        saio.cluster().stopNode(down);
        assertThat(putObject(container, "h", b)).isEqualTo(201);
        Path handoffDir = hashDir(handoff, container, "h");
        assertThat(dataFile(handoffDir)).isNotNull();
        saio.cluster().startNode(down);
        assertThat(dataFile(hashDir(down, container, "h"))).isNull();

        PassReport report = pass(handoff, NodeDaemons.Section.OBJECT_REPLICATOR);

        assertThat(report.completed())
                .as(report.counters() + " " + report.errors())
                .isTrue();
        Path home = dataFile(hashDir(down, container, "h"));
        assertThat(home).isNotNull();
        assertThat(directObjectGet(down, container, "h").body()).isEqualTo(b);
        assertThat(handoffDir).doesNotExist();
        assertThat(DiskLayout.partitionDir(device(handoff), 0, objectPartition(container, "h")))
                .doesNotExist();
        HttpResponse<byte[]> get = proxyGet(container, "h", false);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(b);
    }

    // ---- 4: tombstones ----

    @Test
    @Order(4)
    void shouldDeliverTheTombstoneThenReclaimItWhenAnObjectWasDeletedWhileAPrimaryWasDown() throws Exception {
        String container = "tombstones";
        putContainer(container);
        assertThat(putObject(container, "t", body(700, 41))).isEqualTo(201);
        List<Integer> nodes = saio.objectNodes(ACCOUNT, container, "t");
        int down = nodes.get(0);
        saio.cluster().stopNode(down);
        Instant deleted = Instant.now();
        assertThat(saio.send(request(container, "t").DELETE()).statusCode()).isEqualTo(204);
        assertThat(proxyGet(container, "t", false).statusCode()).isEqualTo(404);
        saio.cluster().startNode(down);
        assertThat(fileNames(hashDir(down, container, "t"))).anyMatch(n -> n.endsWith(".data"));
        // no GET in this window: the returning node's stale copy may be served, as in Swift (see
        // shouldAnswerXNewestWithTheTombstoneWhenAReturningNodeStillHasTheDeletedObject)

        // the tombstone reaches the returning primary (from another primary; the handoff reverts its own)
        pass(nodes.get(1), NodeDaemons.Section.OBJECT_REPLICATOR);
        pass(nodes.get(3), NodeDaemons.Section.OBJECT_REPLICATOR);
        assertThat(fileNames(hashDir(down, container, "t"))).singleElement().matches(n -> n.endsWith(".ts"));
        assertThat(proxyGet(container, "t", false).statusCode()).isEqualTo(404);
        assertThat(proxyGet(container, "t", true).statusCode()).isEqualTo(404);

        // after reclaim_age an auditor pass (invalidates the old tombstones' suffixes) and a replicator pass
        // remove them everywhere
        Instant reclaimable = deleted.plusSeconds(RECLAIM_AGE_SECONDS + 1);
        Await.until(
                "reclaim_age to pass",
                Duration.ofSeconds(RECLAIM_AGE_SECONDS + 5),
                () -> Instant.now().isAfter(reclaimable));
        long invalidated = 0;
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            invalidated += pass(n, NodeDaemons.Section.OBJECT_AUDITOR).counter(ObjectAuditor.TOMBSTONES_INVALIDATED);
            pass(n, NodeDaemons.Section.OBJECT_REPLICATOR);
        }
        assertThat(invalidated).isPositive();
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            assertThat(fileNames(hashDir(n, container, "t"))).as("node %d", n).isEmpty();
        }
        // and nothing brings the object back
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            pass(n, NodeDaemons.Section.OBJECT_REPLICATOR);
        }
        assertThat(proxyGet(container, "t", false).statusCode()).isEqualTo(404);
        assertThat(proxyGet(container, "t", true).statusCode()).isEqualTo(404);
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            assertThat(fileNames(hashDir(n, container, "t"))).as("node %d", n).isEmpty();
        }
    }

    // ---- 5: async pendings ----

    @Test
    @Order(5)
    void shouldReplayAsyncPendingsSoListingsConvergeWhenAContainerServerWasDownDuringPuts() throws Exception {
        String container = "pending";
        putContainer(container);
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            pass(n, NodeDaemons.Section.OBJECT_UPDATER); // what earlier tests left behind
        }
        assertThat(asyncPendingCount()).isZero();
        List<Integer> containerNodes = containerNodes(container);
        int down = containerNodes.get(0);
        saio.cluster().stopNode(down);
        List<String> names = List.of("p0", "p1", "p2", "p3", "p4");
        for (int i = 0; i < names.size(); i++) {
            assertThat(putObject(container, names.get(i), body(100 + i, 50 + i)))
                    .isEqualTo(201);
        }
        assertThat(asyncPendingCount()).isPositive();
        saio.cluster().startNode(down);
        assertThat(directListing(down, container)).isEmpty();

        for (int n = 1; n <= SaioCluster.NODES; n++) {
            PassReport r = pass(n, NodeDaemons.Section.OBJECT_UPDATER);
            assertThat(r.completed()).as(r.counters() + " " + r.errors()).isTrue();
        }

        for (int n : containerNodes) {
            assertThat(directListing(n, container)).as("container node %d", n).isEqualTo(names);
        }
        assertThat(asyncPendingCount()).isZero();
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            String recon = new String(
                    directGet(saio.cluster().storagePort("object", n), "/recon/async")
                            .body(),
                    StandardCharsets.UTF_8);
            assertThat(recon).as("node %d", n).containsPattern("\"async_pending\": ?0[,}]");
        }
    }

    // ---- 6: the --once command ----

    @Test
    @Order(6)
    void shouldExitZeroWhenTheReplicatorOnceCommandRunsAgainstAHealthySaio() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = CairnMain.run(
                new String[] {"replicator", "--once", "--saio", data.toString()},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            assertThat(printed)
                    .contains("node" + n + " object-replicator: completed")
                    .contains("node" + n + " container-replicator: completed")
                    .contains("node" + n + " account-replicator: completed");
        }
    }

    @Test
    @Order(7)
    void shouldFinishTheReplicatorOnceCommandAndExitOneWhenANodeIsDown() {
        saio.cluster().stopNode(4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int rc = CairnMain.run(
                new String[] {"replicator", "--once", "--saio", data.toString()},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String printed = out.toString(StandardCharsets.UTF_8);
        // a dead peer costs a refused connection, not a stalled pass
        assertThat(took).as(printed).isLessThan(Duration.ofSeconds(30));
        assertThat(rc).as(printed + err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        // the live nodes count the dead peer; node 4's own replicators (run on its files) reach the others
        for (int n = 1; n <= 3; n++) {
            assertThat(printed).containsPattern("node" + n + " object-replicator: INCOMPLETE .*peer_failures=[1-9]");
        }
        assertThat(printed)
                .containsPattern("node[123] container-replicator: INCOMPLETE .*failures=[1-9]")
                .contains("node4 object-replicator: completed");
    }

    /**
     * Swift's proxy drops a good source older than the newest tombstone 404 seen ({@code
     * latest_404_timestamp} in {@code proxy/controllers/base.py}): with X-Newest every node is asked, so a
     * node that missed the DELETE cannot resurrect the object. Cairn's {@code ObjectGetOperation} does not
     * (yet) compare a good source's timestamp with the 404s' {@code X-Backend-Timestamp}: it answers 200
     * with the stale copy.
     */
    @Test
    @Order(8)
    void shouldAnswerXNewestWithTheTombstoneWhenAReturningNodeStillHasTheDeletedObject() throws Exception {
        String container = "stale";
        putContainer(container);
        assertThat(putObject(container, "s", body(500, 81))).isEqualTo(201);
        int down = saio.objectNodes(ACCOUNT, container, "s").get(0);
        saio.cluster().stopNode(down);
        assertThat(saio.send(request(container, "s").DELETE()).statusCode()).isEqualTo(204);
        saio.cluster().startNode(down);
        assertThat(fileNames(hashDir(down, container, "s"))).anyMatch(n -> n.endsWith(".data"));

        assertThat(proxyGet(container, "s", true).statusCode()).isEqualTo(404);
    }

    // ---- daemons ----

    private PassReport pass(int node, NodeDaemons.Section section) throws InterruptedException {
        for (NodeDaemons.Built b : saio.cluster().node(node).daemons()) {
            if (b.section() == section) {
                Daemon d = b.daemon();
                PassReport r = d.runOnce();
                System.getLogger(DurabilityProbeIT.class.getName())
                        .log(
                                System.Logger.Level.INFO,
                                "node" + node + " " + r.daemon() + ": " + (r.completed() ? "completed" : "incomplete")
                                        + " in " + r.duration().toMillis() + " ms " + r.counters() + " "
                                        + r.errors());
                return r;
            }
        }
        throw new AssertionError("node " + node + " has no " + section.sectionName());
    }

    /**
     * Runs object, container and account replicator passes on {@code nodes} until {@code done} or {@code
     * max} rounds; returns the rounds it took.
     */
    private int passRoundsUntil(int max, List<Integer> nodes, BooleanSupplier done) throws InterruptedException {
        for (int round = 1; round <= max; round++) {
            for (int n : nodes) {
                pass(n, NodeDaemons.Section.OBJECT_REPLICATOR);
                pass(n, NodeDaemons.Section.CONTAINER_REPLICATOR);
                pass(n, NodeDaemons.Section.ACCOUNT_REPLICATOR);
            }
            if (done.getAsBoolean()) {
                return round;
            }
        }
        return max + 1;
    }

    private static List<Integer> others(int node) {
        List<Integer> others = new ArrayList<>();
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            if (n != node) {
                others.add(n);
            }
        }
        return others;
    }

    // ---- the proxy ----

    private HttpRequest.Builder request(String container, String object) {
        return SaioHarness.request(login, "/" + container + "/" + object);
    }

    private void putContainer(String container) throws Exception {
        int status = saio.send(SaioHarness.request(login, "/" + container).PUT(HttpRequest.BodyPublishers.noBody()))
                .statusCode();
        assertThat(status).isEqualTo(201);
    }

    private int putObject(String container, String object, byte[] body) throws Exception {
        return saio.send(request(container, object).PUT(HttpRequest.BodyPublishers.ofByteArray(body)))
                .statusCode();
    }

    private HttpResponse<byte[]> proxyGet(String container, String object, boolean newest) throws Exception {
        HttpRequest.Builder r = request(container, object).GET();
        if (newest) {
            r.header("X-Newest", "true");
        }
        return saio.send(r);
    }

    /**
     * A GET of a small object returns its true bytes: the object server checks the MD5 before it answers
     * (quarantining a corrupt copy, 404) and the proxy moves on to a good copy.
     */
    private void assertServesGoodCopy(String container, String object, byte[] good, boolean newest) throws Exception {
        HttpResponse<byte[]> r = proxyGet(container, object, newest);
        assertThat(r.statusCode()).as("GET %s (X-Newest: %s)", object, newest).isEqualTo(200);
        assertThat(r.body()).as("GET %s (X-Newest: %s)", object, newest).isEqualTo(good);
    }

    // ---- storage servers directly ----

    private HttpResponse<byte[]> directGet(int port, String path) throws Exception {
        return saio.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET());
    }

    private HttpResponse<byte[]> directObjectGet(int node, String container, String object) throws Exception {
        return directGet(
                saio.cluster().storagePort("object", node),
                "/sdb" + node + "/" + objectPartition(container, object) + "/" + ACCOUNT + "/" + container + "/"
                        + object);
    }

    /** The object names node {@code n}'s container server lists for {@code container}. */
    private List<String> directListing(int node, String container) throws Exception {
        HttpResponse<byte[]> r = directGet(
                saio.cluster().storagePort("container", node),
                "/sdb" + node + "/" + containerPartition(container) + "/" + ACCOUNT + "/" + container + "?format=json");
        assertThat(r.statusCode()).as("listing on node %d", node).isIn(200, 204);
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\"name\": ?\"([^\"]*)\"").matcher(new String(r.body(), StandardCharsets.UTF_8));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    // ---- rings and disk ----

    private Path etc() {
        return data.resolve("etc");
    }

    private Path device(int node) {
        return data.resolve("srv/node" + node + "/sdb" + node);
    }

    private int objectPartition(String container, String object) throws IOException {
        return saio.objectPartition(ACCOUNT, container, object);
    }

    private List<Integer> objectPrimaries(String container, String object) throws IOException {
        return saio.objectNodes(ACCOUNT, container, object).subList(0, SaioCluster.REPLICAS);
    }

    private String firstObjectWithPrimary(String container, String prefix, int node) throws IOException {
        for (int i = 0; i < 100; i++) {
            if (objectPrimaries(container, prefix + i).contains(node)) {
                return prefix + i;
            }
        }
        throw new AssertionError("no object name with a primary on node " + node);
    }

    private int containerPartition(String container) throws IOException {
        Ring ring = RingLoader.open(etc().resolve("container.ring.gz")).ring();
        return ring.partition(SwiftConf.load(etc()).hashPath(), ACCOUNT, container, null);
    }

    private List<Integer> accountNodes() throws IOException {
        Ring ring = RingLoader.open(etc().resolve("account.ring.gz")).ring();
        int partition = ring.partition(SwiftConf.load(etc()).hashPath(), ACCOUNT, null, null);
        List<Integer> nodes = new ArrayList<>();
        for (Device d : ring.primaries(partition)) {
            nodes.add(Integer.parseInt(d.device().substring("sdb".length())));
        }
        return nodes;
    }

    private List<Integer> containerNodes(String container) throws IOException {
        Ring ring = RingLoader.open(etc().resolve("container.ring.gz")).ring();
        List<Integer> nodes = new ArrayList<>();
        for (Device d : ring.primaries(containerPartition(container))) {
            nodes.add(Integer.parseInt(d.device().substring("sdb".length())));
        }
        return nodes;
    }

    private Path hashDir(int node, String container, String object) throws IOException {
        String hash = SwiftConf.load(etc()).hashPath().hex(ACCOUNT, container, object);
        return DiskLayout.hashDir(device(node), 0, objectPartition(container, object), hash);
    }

    private static List<String> fileNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static @Nullable Path dataFile(Path hashDir) throws IOException {
        for (String name : fileNames(hashDir)) {
            if (name.endsWith(".data")) {
                return hashDir.resolve(name);
            }
        }
        return null;
    }

    /** Flips one byte in the middle of the object's {@code .data} on {@code node}; returns the file. */
    private Path flipOneByte(int node, String container, String object) throws IOException {
        Path file = dataFile(hashDir(node, container, object));
        if (file == null) {
            throw new AssertionError(object + " has no .data on node " + node);
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        return file;
    }

    /** Whether node {@code n}'s quarantine holds the object's hash directory. */
    private boolean quarantined(int node, String container, String object) throws IOException {
        String hash = SwiftConf.load(etc()).hashPath().hex(ACCOUNT, container, object);
        Path q = DiskLayout.quarantineDir(device(node), 0).resolve(hash);
        return !fileNames(q).isEmpty();
    }

    /** Every file under {@code root} whose name ends with {@code suffix}, by relative path, with its bytes. */
    private static Map<String, byte[]> filesEndingWith(Path root, String suffix) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p :
                    s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private long asyncPendingCount() throws IOException {
        long count = 0;
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            Path dir = DiskLayout.asyncPendingDir(device(n), 0);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    count += s.filter(Files::isRegularFile).count();
                }
            }
        }
        return count;
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static byte[] body(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
