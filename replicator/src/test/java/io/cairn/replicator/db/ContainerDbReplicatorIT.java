package io.cairn.replicator.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.daemon.PassReport;
import io.cairn.common.http.LoopbackPorts;
import io.cairn.ring.Ring;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Container DB replication between real Cairn container servers on loopback. */
@Timeout(120)
class ContainerDbReplicatorIT {
    @TempDir
    Path root;

    private TestCluster cluster;

    @BeforeEach
    void start() throws Exception {
        cluster = new TestCluster(root, 4);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private Ring threeNodeRing() {
        return TestCluster.ring(List.of(cluster.port(0), cluster.port(1), cluster.port(2)), List.of(cluster.port(3)));
    }

    @Test
    void shouldCopyRowsToPeersWhenOnlyOneNodeHasThem() throws Exception {
        Ring ring = threeNodeRing();
        int part = TestCluster.partition(ring, "acct", "rows");
        for (int n = 0; n < 3; n++) {
            assertThat(cluster.createContainer(n, part, "acct", "rows")).isEqualTo(201);
        }
        for (int i = 0; i < 8; i++) {
            assertThat(cluster.putObject(0, part, "acct", "rows", "obj-" + i)).isEqualTo(201);
        }

        // per_diff 10: 9 rows apart is not "far behind" (Swift's rule), so usync, one batch per peer
        PassReport report = cluster.replicator(0, ring, perDiff(10)).runOnce();

        assertThat(report.counter(DbReplicator.DBS_CHECKED)).isEqualTo(1);
        assertThat(report.counter(DbReplicator.DIFF)).isEqualTo(2);
        assertThat(report.counter(DbReplicator.MERGE_BATCHES)).isEqualTo(2);
        assertThat(report.counter(DbReplicator.REMOTE_MERGES)).isZero();
        assertThat(report.counter(DbReplicator.FAILURES)).isZero();
        String expected = cluster.listing(0, part, "acct", "rows");
        assertThat(expected).contains("obj-7");
        for (int n = 1; n < 3; n++) {
            assertThat(cluster.listing(n, part, "acct", "rows")).isEqualTo(expected);
            assertThat(cluster.dbHash(n, part, "acct", "rows")).isEqualTo(cluster.dbHash(0, part, "acct", "rows"));
        }
        PassReport again = cluster.replicator(0, ring, TestCluster.fastConfig()).runOnce();
        assertThat(again.counter(DbReplicator.NO_CHANGE)).isEqualTo(2);
        assertThat(again.counter(DbReplicator.DIFF)).isZero();
    }

    @Test
    void shouldTransferAndMergeTheWholeDbWhenPeersAreFarBehind() throws Exception {
        Ring ring = threeNodeRing();
        int part = TestCluster.partition(ring, "acct", "behind");
        for (int n = 0; n < 3; n++) {
            assertThat(cluster.createContainer(n, part, "acct", "behind")).isEqualTo(201);
        }
        assertThat(cluster.putObject(1, part, "acct", "behind", "peer-only")).isEqualTo(201);
        for (int i = 0; i < 8; i++) {
            assertThat(cluster.putObject(0, part, "acct", "behind", "obj-" + i)).isEqualTo(201);
        }

        PassReport report = cluster.replicator(0, ring, perDiff(3)).runOnce();

        assertThat(report.counter(DbReplicator.REMOTE_MERGES)).isEqualTo(2);
        assertThat(report.counter(DbReplicator.DIFF)).isZero();
        assertThat(report.counter(DbReplicator.FAILURES)).isZero();
        assertThat(cluster.listing(1, part, "acct", "behind")).contains("peer-only", "obj-7");
        assertThat(cluster.listing(2, part, "acct", "behind")).contains("obj-7").doesNotContain("peer-only");
        assertThat(cluster.dbHash(2, part, "acct", "behind")).isEqualTo(cluster.dbHash(0, part, "acct", "behind"));
    }

    private static DbReplicatorConfig perDiff(int perDiff) {
        DbReplicatorConfig d = TestCluster.fastConfig();
        return new DbReplicatorConfig(
                d.interval(),
                perDiff,
                d.maxDiffs(),
                d.concurrency(),
                d.nodeTimeout(),
                d.connTimeout(),
                d.reclaimAge(),
                0);
    }

    @Test
    void shouldTransferTheWholeDbWhenPeersHaveNone() throws Exception {
        Ring ring = threeNodeRing();
        int part = TestCluster.partition(ring, "acct", "whole");
        assertThat(cluster.createContainer(0, part, "acct", "whole")).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            assertThat(cluster.putObject(0, part, "acct", "whole", "o" + i)).isEqualTo(201);
        }

        PassReport report =
                cluster.replicator(0, ring, TestCluster.fastConfig()).runOnce();

        assertThat(report.counter(DbReplicator.RSYNC)).isEqualTo(2);
        assertThat(report.counter(DbReplicator.FAILURES)).isZero();
        String expected = cluster.listing(0, part, "acct", "whole");
        for (int n = 1; n < 3; n++) {
            assertThat(cluster.listing(n, part, "acct", "whole")).isEqualTo(expected);
            assertThat(cluster.dbHash(n, part, "acct", "whole")).isEqualTo(cluster.dbHash(0, part, "acct", "whole"));
            try (var tmp = Files.list(cluster.devices.get(n).resolve("sda/tmp"))) {
                assertThat(tmp.toList()).as("nothing left in tmp").isEmpty();
            }
        }
        try (var tmp = Files.list(cluster.devices.get(0).resolve("sda/tmp"))) {
            assertThat(tmp.toList()).as("no snapshot left behind").isEmpty();
        }
    }

    @Test
    void shouldConvergeWhenRowsDivergeBothWays() throws Exception {
        Ring ring = threeNodeRing();
        int part = TestCluster.partition(ring, "acct", "diverge");
        for (int n = 0; n < 3; n++) {
            assertThat(cluster.createContainer(n, part, "acct", "diverge")).isEqualTo(201);
        }
        assertThat(cluster.putObject(0, part, "acct", "diverge", "only-on-0")).isEqualTo(201);
        assertThat(cluster.putObject(1, part, "acct", "diverge", "only-on-1")).isEqualTo(201);
        assertThat(cluster.putObject(2, part, "acct", "diverge", "only-on-2")).isEqualTo(201);

        for (int n = 0; n < 3; n++) {
            assertThat(cluster.replicator(n, ring, TestCluster.fastConfig())
                            .runOnce()
                            .counter(DbReplicator.FAILURES))
                    .isZero();
        }
        // node 0 pushed before it received node 1's and node 2's rows: one more pass carries them everywhere
        cluster.replicator(0, ring, TestCluster.fastConfig()).runOnce();

        String hash = cluster.dbHash(0, part, "acct", "diverge");
        for (int n = 0; n < 3; n++) {
            assertThat(cluster.listing(n, part, "acct", "diverge")).contains("only-on-0", "only-on-1", "only-on-2");
            assertThat(cluster.dbHash(n, part, "acct", "diverge")).isEqualTo(hash);
        }
    }

    @Test
    void shouldMoveAHandoffDbToThePrimariesAndRemoveItLocally() throws Exception {
        Ring ring = threeNodeRing();
        int part = TestCluster.partition(ring, "acct", "handoff");
        assertThat(cluster.createContainer(3, part, "acct", "handoff")).isEqualTo(201);
        assertThat(cluster.putObject(3, part, "acct", "handoff", "misplaced")).isEqualTo(201);
        assertThat(cluster.createContainer(1, part, "acct", "handoff")).isEqualTo(201);
        // a listing folds the row out of .pending, so the hash read from the DB file below includes it
        assertThat(cluster.listing(3, part, "acct", "handoff")).contains("misplaced");
        String expectedHashBefore = cluster.dbHash(3, part, "acct", "handoff");

        PassReport report =
                cluster.replicator(3, ring, TestCluster.fastConfig()).runOnce();

        assertThat(report.counter(DbReplicator.FAILURES)).isZero();
        assertThat(report.counter(DbReplicator.RSYNC)).isEqualTo(2);
        assertThat(report.counter(DbReplicator.DIFF)).isEqualTo(1);
        assertThat(report.counter(DbReplicator.HANDOFFS_REVERTED)).isEqualTo(1);
        assertThat(report.counter(DbReplicator.REMOVES)).isEqualTo(1);
        assertThat(Files.exists(cluster.dbFile(3, part, "acct", "handoff"))).isFalse();
        for (int n = 0; n < 3; n++) {
            assertThat(cluster.listing(n, part, "acct", "handoff")).contains("misplaced");
        }
        assertThat(cluster.dbHash(0, part, "acct", "handoff")).isEqualTo(expectedHashBefore);
        assertThat(cluster.dbHash(2, part, "acct", "handoff")).isEqualTo(expectedHashBefore);
    }

    @Test
    void shouldFinishThePassAndCountFailuresWhenPeersAreDeadOrSilent() throws Exception {
        int deadPort = LoopbackPorts.pickFree();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Ring ring = TestCluster.ring(List.of(cluster.port(0), deadPort, silent.getLocalPort()), List.of());
            int part = TestCluster.partition(ring, "acct", "lonely");
            assertThat(cluster.createContainer(0, part, "acct", "lonely")).isEqualTo(201);
            assertThat(cluster.putObject(0, part, "acct", "lonely", "x")).isEqualTo(201);
            Instant start = Instant.now();

            PassReport report =
                    cluster.replicator(0, ring, TestCluster.fastConfig()).runOnce();

            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
            assertThat(report.counter(DbReplicator.DBS_CHECKED)).isEqualTo(1);
            assertThat(report.counter(DbReplicator.FAILURES)).isEqualTo(2);
            assertThat(report.completed()).isFalse();
            assertThat(Files.exists(cluster.dbFile(0, part, "acct", "lonely"))).isTrue();
        }
    }

    @Test
    void shouldRemoveADeletedDbWhenPastReclaimAge() throws Exception {
        Ring ring = threeNodeRing();
        int part = TestCluster.partition(ring, "acct", "gone");
        assertThat(cluster.createContainer(0, part, "acct", "gone")).isEqualTo(201);
        assertThat(TestCluster.send(
                                cluster.port(0),
                                "DELETE",
                                "/sda/" + part + "/acct/gone",
                                java.util.Map.of("X-Timestamp", cluster.ts()))
                        .statusCode())
                .isEqualTo(204);
        DbReplicatorConfig d = TestCluster.fastConfig();
        DbReplicatorConfig reclaimNow = new DbReplicatorConfig(
                d.interval(),
                d.perDiff(),
                d.maxDiffs(),
                d.concurrency(),
                d.nodeTimeout(),
                d.connTimeout(),
                Duration.ZERO,
                0);

        PassReport report = cluster.replicator(0, ring, reclaimNow).runOnce();

        // the account was never told (no account server): Swift keeps such a DB until it was reported
        assertThat(report.counter(DbReplicator.REMOVES)).isZero();
        assertThat(Files.exists(cluster.dbFile(0, part, "acct", "gone"))).isTrue();
    }

    @Test
    void shouldStoreOrRefuseATransferredDbFileWhenItsMd5MatchesOrNot() throws Exception {
        byte[] body = "not really sqlite, but bytes are bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String md5 = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("MD5").digest(body));
        Path tmp = cluster.devices.get(1).resolve("sda/tmp");

        assertThat(transfer(1, "/sda/0/abc/peer-id-1", body, md5)).isEqualTo(201);
        assertThat(Files.readAllBytes(tmp.resolve("peer-id-1"))).isEqualTo(body);
        assertThat(transfer(1, "/sda/0/abc/peer-id-2", body, "0".repeat(32))).isEqualTo(422);
        assertThat(transfer(1, "/sda/0/abc/peer.part", body, md5)).isEqualTo(400);
        assertThat(transfer(1, "/nodev/0/abc/peer-id-3", body, md5)).isEqualTo(507);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("peer-id-1");
        }
        // the JSON RPCs still reach the container handler on the same server
        assertThat(TestCluster.send(cluster.port(1), "REPLICATE", "/sda/0/abc", java.util.Map.of())
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void shouldStopPromptlyWhenThePassIsInterrupted() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Ring ring = TestCluster.ring(List.of(cluster.port(0), silent.getLocalPort()), List.of());
            int part = TestCluster.partition(ring, "acct", "stuck");
            assertThat(cluster.createContainer(0, part, "acct", "stuck")).isEqualTo(201);
            DbReplicatorConfig d = TestCluster.fastConfig();
            DbReplicator replicator = cluster.replicator(
                    0,
                    ring,
                    new DbReplicatorConfig(
                            d.interval(), 10, 10, 1, Duration.ofMinutes(5), d.connTimeout(), d.reclaimAge(), 0));
            java.util.concurrent.atomic.AtomicReference<Throwable> outcome =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread pass = new Thread(() -> {
                try {
                    replicator.runOnce();
                    outcome.set(new AssertionError("pass finished although its peer never answered"));
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            pass.start();
            io.cairn.common.testing.Await.until(
                    "the replicator waits on the silent peer",
                    Duration.ofSeconds(20),
                    () -> pass.getState() == Thread.State.WAITING || pass.getState() == Thread.State.TIMED_WAITING);
            pass.interrupt();
            pass.join(10_000);

            assertThat(pass.isAlive()).isFalse();
            assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        }
    }

    private int transfer(int node, String path, byte[] body, String md5) throws Exception {
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + cluster.port(node) + path))
                .header(io.cairn.common.db.DbFileTransferHandler.MD5_HEADER, md5)
                .method("REPLICATE", java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return TestCluster.HTTP
                .send(req, java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
