package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.auditor.object.ObjectAuditor;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.daemon.Daemon;
import io.cairn.common.daemon.PassReport;
import io.cairn.object.diskfile.DiskLayout;
import io.cairn.object.hashes.SuffixHashStore;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.cairn.ring.RingLoader;
import io.cairn.ring.policy.StoragePolicies;
import io.cairn.ring.policy.StoragePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * {@code cairn saio}'s two storage policies, Swift's SAIO {@code gold} (0, default) and {@code silver} (1): a silver
 * container's objects land under {@code objects-1} on the three primaries of {@code object-1.ring.gz}, and the object
 * replicator, auditor and updater work on policy 1's directories ({@code objects-1}, {@code quarantined/objects-1},
 * {@code async_pending-1}). Daemons run pass by pass (their timers are a day long).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SaioPoliciesIT {
    private static final String ACCOUNT = "AUTH_test";
    private static final int SILVER = 1;

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
        saio = SaioHarness.startWithDaemons(
                data,
                Map.of("conn_timeout", "0.5", "node_timeout", "2", "error_suppression_limit", "1000"),
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

    @Test
    @Order(1)
    void shouldOfferGoldAndSilverWithAThreeReplicaObjectRingEachOnANewDataDirectory() throws Exception {
        StoragePolicies policies =
                StoragePolicies.fromSwiftConf(SwiftConf.load(etc()).ini());
        assertThat(policies.all()).extracting(StoragePolicy::name).containsExactly("gold", "silver");
        assertThat(policies.defaultPolicy().index()).isZero();
        assertThat(saio.cluster().policies().all()).hasSize(2);
        Ring gold = RingLoader.open(etc().resolve("object.ring.gz")).ring();
        Ring silver = RingLoader.open(etc().resolve("object-1.ring.gz")).ring();
        assertThat(etc().resolve("object-1.builder")).isRegularFile();
        for (Ring ring : List.of(gold, silver)) {
            assertThat(ring.replicaCount()).isEqualTo(3.0);
        }
        assertThat(ports(silver)).hasSize(SaioCluster.NODES).isEqualTo(ports(gold));

        putContainer("silvery", "silver");
        HttpResponse<byte[]> head =
                saio.send(SaioHarness.request(login, "/silvery").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(204);
        assertThat(head.headers().firstValue("X-Storage-Policy")).hasValue("silver");
        putContainer("golden", null);
        head = saio.send(SaioHarness.request(login, "/golden").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.headers().firstValue("X-Storage-Policy")).hasValue("gold");
    }

    @Test
    @Order(2)
    void shouldStoreASilverContainersObjectUnderObjects1OnItsThreePrimaries() throws Exception {
        byte[] body = "silver body".getBytes(StandardCharsets.UTF_8);
        assertThat(putObject("silvery", "o", body)).isEqualTo(201);
        HttpResponse<byte[]> got =
                saio.send(SaioHarness.request(login, "/silvery/o").GET());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(body);

        List<Integer> primaries = primaries(SILVER, "silvery", "o");
        assertThat(nodesWithData(SILVER, "silvery", "o")).containsExactlyInAnyOrderElementsOf(primaries);
        assertThat(nodesWithData(0, "silvery", "o")).isEmpty();
        for (int n : primaries) {
            Path tmp = DiskLayout.tmpDir(device(n), SILVER);
            assertThat(tmp).isDirectory(); // policy 1's bodies are staged in tmp-1
            assertThat(fileNames(tmp)).isEmpty();
        }

        assertThat(putObject("golden", "o", body)).isEqualTo(201);
        assertThat(nodesWithData(0, "golden", "o")).containsExactlyInAnyOrderElementsOf(primaries(0, "golden", "o"));
        assertThat(nodesWithData(SILVER, "golden", "o")).isEmpty();
    }

    @Test
    @Order(3)
    void shouldRestoreALostSilverCopyWithTheObjectReplicator() throws Exception {
        List<Integer> primaries = primaries(SILVER, "silvery", "o");
        int lost = primaries.get(0);
        Path dataFile = dataFile(lost, "silvery", "o");
        byte[] bytes = Files.readAllBytes(dataFile);
        saio.cluster().stopNode(lost);
        deleteTree(device(lost).resolve(DiskLayout.policyDir(DiskLayout.OBJECTS, SILVER)));
        // nor may the node's suffix hashes remember the files just removed
        Files.deleteIfExists(device(lost).resolve(SuffixHashStore.MAP_FILE));
        saio.cluster().startNode(lost);
        assertThat(dataFile).doesNotExist();

        for (int n : primaries.subList(1, primaries.size())) {
            PassReport r = pass(n, NodeDaemons.Section.OBJECT_REPLICATOR);
            assertThat(r.completed()).as(r.errors().toString()).isTrue();
        }
        assertThat(dataFile).exists();
        assertThat(Files.readAllBytes(dataFile)).isEqualTo(bytes);
    }

    @Test
    @Order(4)
    void shouldQuarantineACorruptSilverCopyUnderQuarantinedObjects1WithTheAuditor() throws Exception {
        List<Integer> primaries = primaries(SILVER, "silvery", "o");
        int rotten = primaries.get(1);
        Path dataFile = dataFile(rotten, "silvery", "o");
        byte[] bytes = Files.readAllBytes(dataFile);
        byte[] flipped = bytes.clone();
        flipped[flipped.length / 2] ^= 0x01;
        Files.write(dataFile, flipped);

        PassReport audit = pass(rotten, NodeDaemons.Section.OBJECT_AUDITOR);
        assertThat(audit.counter(ObjectAuditor.QUARANTINED)).isGreaterThanOrEqualTo(1);
        assertThat(dataFile).doesNotExist();
        String hash = SwiftConf.load(etc()).hashPath().hex(ACCOUNT, "silvery", "o");
        assertThat(DiskLayout.quarantineDir(device(rotten), SILVER).resolve(hash))
                .isDirectory();

        pass(primaries.get(0), NodeDaemons.Section.OBJECT_REPLICATOR);
        assertThat(Files.readAllBytes(dataFile)).isEqualTo(bytes);
    }

    @Test
    @Order(5)
    void shouldReplaySilverAsyncPendingsFromAsyncPending1WithTheUpdater() throws Exception {
        putContainer("pending-silver", "silver");
        assertThat(asyncPendingCount(SILVER)).isZero();
        int down = containerNodes("pending-silver").get(0);
        saio.cluster().stopNode(down);
        List<String> names = List.of("p0", "p1", "p2", "p3");
        for (String name : names) {
            assertThat(putObject("pending-silver", name, name.getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(201);
        }
        assertThat(asyncPendingCount(SILVER)).isPositive();
        assertThat(asyncPendingCount(0)).isZero();
        saio.cluster().startNode(down);
        assertThat(directListing(down, "pending-silver")).isEmpty();

        for (int n = 1; n <= SaioCluster.NODES; n++) {
            PassReport r = pass(n, NodeDaemons.Section.OBJECT_UPDATER);
            assertThat(r.completed()).as(r.errors().toString()).isTrue();
        }
        for (int n : containerNodes("pending-silver")) {
            assertThat(directListing(n, "pending-silver"))
                    .as("container node %d", n)
                    .isEqualTo(names);
        }
        assertThat(asyncPendingCount(SILVER)).isZero();
    }

    @Test
    @Order(6)
    void shouldAnswer404WithTheDeletedContainersPolicyIndexFromItsContainerServers() throws Exception {
        putContainer("gone-silver", "silver");
        assertThat(saio.send(SaioHarness.request(login, "/gone-silver").DELETE())
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<byte[]> head = saio.send(
                SaioHarness.request(login, "/gone-silver").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(404);
        assertThat(saio.send(SaioHarness.request(login, "/gone-silver").GET()).statusCode())
                .isEqualTo(404);
        // each container server keeps the deleted DB and answers as Swift's gen_resp_headers(is_deleted=True)
        for (int n : containerNodes("gone-silver")) {
            for (String method : List.of("HEAD", "GET")) {
                HttpResponse<byte[]> direct = saio.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + saio.cluster().storagePort("container", n) + "/sdb" + n + "/"
                                + containerPartition("gone-silver") + "/" + ACCOUNT + "/gone-silver"))
                        .method(method, HttpRequest.BodyPublishers.noBody()));
                assertThat(direct.statusCode()).as("%s on node %d", method, n).isEqualTo(404);
                assertThat(direct.headers().firstValue("X-Backend-Storage-Policy-Index"))
                        .as("%s on node %d", method, n)
                        .hasValue("1");
                assertThat(direct.headers().firstValue("X-Backend-DELETE-Timestamp"))
                        .as("%s on node %d", method, n)
                        .isPresent()
                        .get()
                        .isNotEqualTo("0000000000.00000");
                assertThat(direct.headers().firstValue("X-Container-Object-Count"))
                        .as("%s on node %d", method, n)
                        .isEmpty();
            }
        }
    }

    // ---- helpers ----

    private void putContainer(String container, @org.jspecify.annotations.Nullable String policy) throws Exception {
        HttpRequest.Builder r = SaioHarness.request(login, "/" + container).PUT(HttpRequest.BodyPublishers.noBody());
        if (policy != null) {
            r.header("X-Storage-Policy", policy);
        }
        assertThat(saio.send(r).statusCode()).as("PUT %s", container).isIn(201, 202);
    }

    private int putObject(String container, String object, byte[] body) throws Exception {
        return saio.send(SaioHarness.request(login, "/" + container + "/" + object)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)))
                .statusCode();
    }

    private PassReport pass(int node, NodeDaemons.Section section) throws InterruptedException {
        for (NodeDaemons.Built b : saio.cluster().node(node).daemons()) {
            if (b.section() == section) {
                Daemon d = b.daemon();
                return d.runOnce();
            }
        }
        throw new AssertionError("node " + node + " has no " + section.sectionName());
    }

    private Path etc() {
        return data.resolve("etc");
    }

    private Path device(int node) {
        return data.resolve("srv/node" + node + "/sdb" + node);
    }

    private static List<Integer> ports(Ring ring) {
        List<Integer> ports = new ArrayList<>();
        for (Device d : ring.devices()) {
            if (d != null) {
                ports.add(d.port());
            }
        }
        ports.sort(null);
        return ports;
    }

    private List<Integer> primaries(int policy, String container, String object) throws IOException {
        return saio.objectNodes(policy, ACCOUNT, container, object).subList(0, SaioCluster.REPLICAS);
    }

    private Path hashDir(int node, int policy, String container, String object) throws IOException {
        String hash = SwiftConf.load(etc()).hashPath().hex(ACCOUNT, container, object);
        return DiskLayout.hashDir(device(node), policy, saio.objectPartition(policy, ACCOUNT, container, object), hash);
    }

    /** The nodes with a {@code .data} of the object in policy {@code policy}'s objects directory. */
    private List<Integer> nodesWithData(int policy, String container, String object) throws IOException {
        List<Integer> nodes = new ArrayList<>();
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            if (fileNames(hashDir(n, policy, container, object)).stream().anyMatch(f -> f.endsWith(".data"))) {
                nodes.add(n);
            }
        }
        return nodes;
    }

    private Path dataFile(int node, String container, String object) throws IOException {
        Path dir = hashDir(node, SILVER, container, object);
        return fileNames(dir).stream()
                .filter(f -> f.endsWith(".data"))
                .findFirst()
                .map(dir::resolve)
                .orElseThrow(() -> new AssertionError(object + " has no .data on node " + node));
    }

    private static List<String> fileNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private int containerPartition(String container) throws IOException {
        Ring ring = RingLoader.open(etc().resolve("container.ring.gz")).ring();
        return ring.partition(SwiftConf.load(etc()).hashPath(), ACCOUNT, container, null);
    }

    private List<Integer> containerNodes(String container) throws IOException {
        Ring ring = RingLoader.open(etc().resolve("container.ring.gz")).ring();
        List<Integer> nodes = new ArrayList<>();
        for (Device d : ring.primaries(containerPartition(container))) {
            nodes.add(Integer.parseInt(d.device().substring("sdb".length())));
        }
        return nodes;
    }

    /** The object names node {@code n}'s container server lists for {@code container}. */
    private List<String> directListing(int node, String container) throws Exception {
        HttpResponse<byte[]> r = saio.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + saio.cluster().storagePort("container", node) + "/sdb" + node + "/"
                                + containerPartition(container) + "/" + ACCOUNT + "/" + container + "?format=json"))
                .GET());
        assertThat(r.statusCode()).as("listing on node %d", node).isIn(200, 204);
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\"name\": ?\"([^\"]*)\"").matcher(new String(r.body(), StandardCharsets.UTF_8));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private long asyncPendingCount(int policy) {
        long count = 0;
        for (int n = 1; n <= SaioCluster.NODES; n++) {
            Path dir = DiskLayout.asyncPendingDir(device(n), policy);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    count += s.filter(Files::isRegularFile).count();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return count;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
