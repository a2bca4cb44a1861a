package io.cairn.replicator.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.Json;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.db.SwiftDbServerProcess;
import io.cairn.ring.Ring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cairn's container replicator pushing to Debian's Swift 2.30.1 {@code swift-container-server}: the
 * {@code sync} + {@code merge_items} + {@code merge_syncs} exchange leaves Swift's DB with Cairn's rows
 * and chexor hash; a whole-DB transfer (Cairn's HTTP extension) is refused by Swift and counted as a
 * failure.
 */
@Timeout(180)
class DbReplicatorSwiftInteropIT {
    @TempDir
    Path root;

    private TestCluster cairn;
    private SwiftDbServerProcess swift;
    private Path swiftDevices;

    @BeforeEach
    void start() throws Exception {
        cairn = new TestCluster(root.resolve("cairn"), 1);
        swiftDevices = root.resolve("swift-devices");
        Files.createDirectories(swiftDevices.resolve("sda"));
        swift = SwiftDbServerProcess.start("container", swiftDevices, root);
    }

    @AfterEach
    void stop() {
        if (swift != null) {
            swift.close();
        }
        cairn.close();
    }

    @Test
    void shouldMergeCairnRowsIntoASwiftPeerWithSyncAndMergeItems() throws Exception {
        Ring ring = TestCluster.ring(List.of(cairn.port(0), swift.port()), List.of());
        int part = TestCluster.partition(ring, "acct", "interop");
        assertThat(cairn.createContainer(0, part, "acct", "interop")).isEqualTo(201);
        SwiftDbServerProcess.Answer created = swiftRequest(
                "PUT",
                "/sda/" + part + "/acct/interop",
                Map.of("X-Timestamp", cairn.ts(), "X-Backend-Storage-Policy-Index", "0"));
        assertThat(created.status()).isEqualTo(201);
        // rows both have (same timestamps), then rows only Cairn has: Swift is not "far behind", so usync
        for (int i = 0; i < 10; i++) {
            String ts = cairn.ts();
            String path = "/sda/" + part + "/acct/interop/row-" + i;
            assertThat(TestCluster.send(cairn.port(0), "PUT", path, objectHeaders(ts))
                            .statusCode())
                    .isEqualTo(201);
            if (i < 7) {
                assertThat(swiftRequest("PUT", path, objectHeaders(ts)).status())
                        .isEqualTo(201);
            }
        }

        PassReport report = cairn.replicator(0, ring, TestCluster.fastConfig()).runOnce();

        assertThat(report.errors()).isEmpty();
        assertThat(report.counter(DbReplicator.DIFF)).isEqualTo(1);
        assertThat(report.counter(DbReplicator.MERGE_BATCHES)).isEqualTo(4); // 10 rows, per_diff 3
        assertThat(report.counter(DbReplicator.FAILURES)).isZero();
        SwiftDbServerProcess.Answer listing =
                SwiftDbServerProcess.send(swift.port(), "GET", "/sda/" + part + "/acct/interop?format=json", "");
        assertThat(listing.status()).isEqualTo(200);
        assertThat(names(listing.body())).isEqualTo(names(cairn.listing(0, part, "acct", "interop")));
        assertThat(swiftDbHash(part)).isEqualTo(cairn.dbHash(0, part, "acct", "interop"));

        PassReport again = cairn.replicator(0, ring, TestCluster.fastConfig()).runOnce();
        assertThat(again.counter(DbReplicator.NO_CHANGE)).isEqualTo(1);
    }

    @Test
    void shouldCountAFailureWhenASwiftPeerRefusesTheWholeDbTransfer() throws Exception {
        Ring ring = TestCluster.ring(List.of(cairn.port(0), swift.port()), List.of());
        int part = TestCluster.partition(ring, "acct", "no-rsync");
        assertThat(cairn.createContainer(0, part, "acct", "no-rsync")).isEqualTo(201);

        PassReport report = cairn.replicator(0, ring, TestCluster.fastConfig()).runOnce();

        assertThat(report.counter(DbReplicator.RSYNC)).isEqualTo(1);
        assertThat(report.counter(DbReplicator.FAILURES)).isEqualTo(1);
        assertThat(SwiftDbServerProcess.send(swift.port(), "HEAD", "/sda/" + part + "/acct/no-rsync", "")
                        .status())
                .isEqualTo(404);
    }

    private static Map<String, String> objectHeaders(String ts) {
        return Map.of(
                "X-Timestamp",
                ts,
                "X-Size",
                "7",
                "X-Content-Type",
                "text/plain",
                "X-Etag",
                "d41d8cd98f00b204e9800998ecf8427e",
                "X-Backend-Storage-Policy-Index",
                "0");
    }

    private SwiftDbServerProcess.Answer swiftRequest(String method, String path, Map<String, String> headers)
            throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + swift.port() + path))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        java.net.http.HttpRequest req = b.build();
        java.net.http.HttpResponse<String> r =
                TestCluster.HTTP.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
        return new SwiftDbServerProcess.Answer(r.statusCode(), r.body());
    }

    private String swiftDbHash(int part) throws Exception {
        String hash = TestCluster.HASH_PATH.hex("acct", "interop", null);
        Path db = swiftDevices.resolve(
                "sda/containers/" + part + "/" + hash.substring(hash.length() - 3) + "/" + hash + "/" + hash + ".db");
        try (var broker = new io.cairn.container.db.ContainerBroker(db, "", "", java.time.Clock.systemUTC())) {
            return String.valueOf(broker.info().get("hash"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(@org.jspecify.annotations.Nullable String json) throws Exception {
        List<Object> out = new java.util.ArrayList<>();
        if (json == null) {
            return out;
        }
        for (Object o : (List<Object>) java.util.Objects.requireNonNull(Json.parse(json))) {
            out.add(((Map<String, Object>) o).get("name"));
        }
        return out;
    }
}
