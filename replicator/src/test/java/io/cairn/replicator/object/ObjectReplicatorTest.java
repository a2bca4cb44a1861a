package io.cairn.replicator.object;

import static io.cairn.replicator.object.ReplicationCluster.LOCAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.daemon.PassReport;
import io.cairn.common.testing.Await;
import io.cairn.common.time.Timestamp;
import io.cairn.replicator.object.ReplicationCluster.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectReplicatorTest {
    @TempDir
    Path root;

    private final List<ReplicationCluster> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (ReplicationCluster c : opened) {
            c.close();
        }
    }

    private ReplicationCluster cluster(Map<String, Kind> peers) throws Exception {
        ReplicationCluster c = new ReplicationCluster(root, 3, peers);
        opened.add(c);
        return c;
    }

    private ReplicationCluster fourNodes() throws Exception {
        Map<String, Kind> peers = new LinkedHashMap<>();
        peers.put("B", Kind.SERVER);
        peers.put("C", Kind.SERVER);
        peers.put("D", Kind.SERVER);
        return cluster(peers);
    }

    private static CopyingSyncer syncer(ReplicationCluster cluster) {
        return new CopyingSyncer(cluster.devicesDir(LOCAL), cluster::devicesOf);
    }

    private static List<String> peersOf(ReplicationCluster cluster, String object) {
        List<String> peers = new ArrayList<>(cluster.primaries(cluster.partition(object)));
        peers.remove(LOCAL);
        return peers;
    }

    @Test
    void shouldPushDifferingSuffixAndMakePeerRehashWhenPeerHasOlderCopy() throws Exception {
        ReplicationCluster cluster = fourNodes();
        String object = cluster.objectWhere(true, 0);
        int partition = cluster.partition(object);
        List<String> peers = peersOf(cluster, object);
        Timestamp old = cluster.secondsAgo(60);
        Timestamp fresh = cluster.secondsAgo(10);
        for (String peer : peers) {
            cluster.put(peer, object, "old", old);
            // cache the peer's suffix hash so that only REPLICATE /<suffix> can make it see the new copy
            cluster.manager(peer).suffixHashes("sda", partition, 0, List.of());
        }
        cluster.put(LOCAL, object, "new", fresh);
        CopyingSyncer syncer = syncer(cluster);

        PassReport first =
                cluster.replicator(syncer, ReplicationCluster.fastConfig()).runOnce();

        assertThat(syncer.peersCalled()).containsExactlyInAnyOrderElementsOf(peers);
        assertThat(first.counter("partitions_checked")).isEqualTo(1);
        assertThat(first.counter("partitions_synced")).isEqualTo(1);
        assertThat(first.counter("suffixes_synced")).isEqualTo(2);
        assertThat(first.counter("objects_sent")).isEqualTo(2);
        assertThat(first.counter("peer_failures")).isZero();
        assertThat(first.completed()).isTrue();

        syncer.calls.clear();
        PassReport second =
                cluster.replicator(syncer, ReplicationCluster.fastConfig()).runOnce();

        assertThat(syncer.calls).as("peers rehashed the pushed suffix").isEmpty();
        assertThat(second.counter("peers_in_sync")).isEqualTo(2);
        for (String peer : peers) {
            // the peer's rehash ran cleanup: the older .data is gone
            assertThat(cluster.files(peer, object)).containsExactly(fresh.internal() + ".data");
        }
    }

    @Test
    void shouldSendNothingWhenAllPrimariesAreInSync() throws Exception {
        ReplicationCluster cluster = fourNodes();
        String object = cluster.objectWhere(true, 0);
        Timestamp ts = cluster.secondsAgo(10);
        cluster.put(LOCAL, object, "same", ts);
        for (String peer : peersOf(cluster, object)) {
            cluster.put(peer, object, "same", ts);
        }
        CopyingSyncer syncer = syncer(cluster);

        PassReport report =
                cluster.replicator(syncer, ReplicationCluster.fastConfig()).runOnce();

        assertThat(syncer.calls).isEmpty();
        assertThat(report.counter("peers_in_sync")).isEqualTo(2);
        assertThat(report.counter("objects_sent")).isZero();
        assertThat(report.counter("partitions_synced")).isZero();
        assertThat(report.completed()).isTrue();
    }

    @Test
    void shouldPushHandoffToEveryPrimaryAndRemoveItWhenAllSucceeded() throws Exception {
        ReplicationCluster cluster = fourNodes();
        String object = cluster.objectWhere(false, 0);
        int partition = cluster.partition(object);
        Timestamp ts = cluster.secondsAgo(10);
        cluster.put(LOCAL, object, "stray", ts);
        CopyingSyncer syncer = syncer(cluster);

        PassReport report =
                cluster.replicator(syncer, ReplicationCluster.fastConfig()).runOnce();

        List<String> primaries = cluster.primaries(partition);
        assertThat(primaries).hasSize(3).doesNotContain(LOCAL);
        assertThat(syncer.peersCalled()).containsExactlyInAnyOrderElementsOf(primaries);
        for (String primary : primaries) {
            assertThat(cluster.files(primary, object)).containsExactly(ts.internal() + ".data");
        }
        assertThat(cluster.partitionDir(LOCAL, partition)).doesNotExist();
        assertThat(report.counter("handoffs_reverted")).isEqualTo(1);
        assertThat(report.counter("handoff_partitions_removed")).isEqualTo(1);
        assertThat(report.completed()).isTrue();
        // the local suffix-hash store forgot the partition
        assertThat(cluster.manager(LOCAL).suffixHashes("sda", partition, 0, List.of()))
                .isEmpty();
    }

    @Test
    void shouldKeepHandoffWhenOnePrimaryFailsAndRemoveItWithHandoffDeleteReached() throws Exception {
        ReplicationCluster cluster = fourNodes();
        String object = cluster.objectWhere(false, 0);
        int partition = cluster.partition(object);
        cluster.put(LOCAL, object, "stray", cluster.secondsAgo(10));
        String refused = cluster.primaries(partition).get(0);
        CopyingSyncer copying = syncer(cluster);
        SuffixSyncer failingOne =
                (peer, dev, part, policy, suffixes) -> peer.meta().equals(refused)
                        ? SyncOutcome.failed("refused by the test")
                        : copying.sync(peer, dev, part, policy, suffixes);

        PassReport kept =
                cluster.replicator(failingOne, ReplicationCluster.fastConfig()).runOnce();

        assertThat(cluster.partitionDir(LOCAL, partition)).isDirectory();
        assertThat(kept.counter("peer_failures")).isEqualTo(1);
        assertThat(kept.counter("handoffs_reverted")).isZero();
        assertThat(kept.completed()).isFalse();
        assertThat(kept.errors()).singleElement().asString().contains("refused by the test");

        ObjectReplicatorConfig two = withHandoffDelete(ReplicationCluster.fastConfig(), 2);
        PassReport removed = cluster.replicator(failingOne, two).runOnce();

        assertThat(cluster.partitionDir(LOCAL, partition)).doesNotExist();
        assertThat(removed.counter("handoff_partitions_removed")).isEqualTo(1);
    }

    private static ObjectReplicatorConfig withHandoffDelete(ObjectReplicatorConfig c, int handoffDelete) {
        return new ObjectReplicatorConfig(
                c.interval(),
                c.concurrency(),
                c.replicatorWorkers(),
                c.partitionsPerSecond(),
                c.httpTimeout(),
                c.nodeTimeout(),
                c.connTimeout(),
                c.reclaimAge(),
                c.handoffsFirst(),
                handoffDelete);
    }

    @Test
    void shouldPushToAHandoffInsteadWhenAPrimaryAnswers507() throws Exception {
        ReplicationCluster cluster = fourNodes();
        String object = cluster.objectWhere(true, 0);
        int partition = cluster.partition(object);
        List<String> peers = peersOf(cluster, object);
        String unmounted = peers.get(0);
        // the peer's device directory is gone: its object server answers REPLICATE with 507
        io.cairn.common.io.Directories.deleteTree(cluster.devicesDir(unmounted).resolve("sda"));
        cluster.put(LOCAL, object, "x", cluster.secondsAgo(10));
        CopyingSyncer syncer = syncer(cluster);

        PassReport report =
                cluster.replicator(syncer, ReplicationCluster.fastConfig()).runOnce();

        List<String> all = new ArrayList<>(List.of(LOCAL, "B", "C", "D"));
        all.removeAll(cluster.primaries(partition));
        String handoff = all.get(0);
        assertThat(syncer.peersCalled()).containsExactlyInAnyOrder(peers.get(1), handoff);
        assertThat(cluster.files(handoff, object)).hasSize(1);
        assertThat(report.counter("peer_failures")).isEqualTo(1);
        assertThat(report.completed()).isFalse();
    }

    @Test
    void shouldReplicateEveryPartitionWhenSeveralJobsRunAtOnce() throws Exception {
        ReplicationCluster cluster = fourNodes();
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            objects.add(cluster.objectWhere(true, i));
        }
        objects.add(cluster.objectWhere(false, 0));
        java.util.Set<Integer> partitions = new java.util.HashSet<>();
        for (String o : objects) {
            cluster.put(LOCAL, o, o, cluster.secondsAgo(10));
            partitions.add(cluster.partition(o));
        }
        ObjectReplicatorConfig c = ReplicationCluster.fastConfig();
        ObjectReplicatorConfig parallel = new ObjectReplicatorConfig(
                c.interval(), 3, 1, 200, c.httpTimeout(), c.nodeTimeout(), c.connTimeout(), c.reclaimAge(), false, 0);

        PassReport report = cluster.replicator(syncer(cluster), parallel).runOnce();

        assertThat(report.counter("partitions_checked")).isEqualTo(partitions.size());
        for (String o : objects) {
            for (String primary : cluster.primaries(cluster.partition(o))) {
                assertThat(cluster.files(primary, o)).as(o + " on " + primary).hasSize(1);
            }
        }
        assertThat(report.completed()).isTrue();
    }

    @Test
    void shouldSkipPrimariesWhenHandoffsFirstAndAHandoffRemains() throws Exception {
        ReplicationCluster cluster = fourNodes();
        String handoffObject = cluster.objectWhere(false, 0);
        String primaryObject = cluster.objectWhere(true, 0);
        cluster.put(LOCAL, handoffObject, "h", cluster.secondsAgo(10));
        cluster.put(LOCAL, primaryObject, "p", cluster.secondsAgo(10));
        ObjectReplicatorConfig c = ReplicationCluster.fastConfig();
        ObjectReplicatorConfig handoffsFirst = new ObjectReplicatorConfig(
                c.interval(), 1, 0, 0, c.httpTimeout(), c.nodeTimeout(), c.connTimeout(), c.reclaimAge(), true, 0);
        CopyingSyncer copying = syncer(cluster);
        int handoffPartition = cluster.partition(handoffObject);
        SuffixSyncer handoffFails = (peer, dev, part, policy, suffixes) -> part == handoffPartition
                ? SyncOutcome.failed("refused by the test")
                : copying.sync(peer, dev, part, policy, suffixes);

        PassReport report = cluster.replicator(handoffFails, handoffsFirst).runOnce();

        assertThat(report.counter("partitions_checked")).isEqualTo(1);
        assertThat(report.errors()).anyMatch(e -> e.contains("handoffs_first"));
        for (String peer : peersOf(cluster, primaryObject)) {
            assertThat(cluster.files(peer, primaryObject)).isEmpty();
        }
    }

    @Test
    void shouldFinishWithinTimeoutsWhenOnePeerIsDownAndOneNeverAnswers() throws Exception {
        Map<String, Kind> peers = new LinkedHashMap<>();
        peers.put("DEAD", Kind.DEAD);
        peers.put("SILENT", Kind.SILENT);
        ReplicationCluster cluster = cluster(peers);
        cluster.put(LOCAL, "o1", "x", cluster.secondsAgo(10));
        CopyingSyncer syncer = syncer(cluster);

        long started = System.nanoTime();
        PassReport report = cluster.replicator(syncer, ReplicationCluster.withHttpTimeout(Duration.ofSeconds(1)))
                .runOnce();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // http_timeout 1 s for the silent peer, an immediate refusal for the dead one
        assertThat(took).isLessThan(Duration.ofSeconds(6));
        assertThat(report.counter("partitions_checked")).isEqualTo(1);
        assertThat(report.counter("peer_failures")).isEqualTo(2);
        assertThat(report.completed()).isFalse();
        assertThat(syncer.calls).isEmpty();
    }

    @Test
    void shouldReclaimOldTombstoneAndNeverPushTheObjectBackWhenPastReclaimAge() throws Exception {
        ReplicationCluster cluster = fourNodes();
        String reclaimed = cluster.objectWhere(true, 0);
        int partition = cluster.partition(reclaimed);
        String recentlyDeleted = cluster.objectWhere(true, 1);
        List<String> peers = peersOf(cluster, reclaimed);
        long age = ReplicationCluster.RECLAIM_AGE_SECONDS;
        // written while still inside reclaim_age (cleanup after a write reclaims at once otherwise)
        for (String node : List.of(LOCAL, peers.get(0), peers.get(1))) {
            cluster.put(node, reclaimed, "gone", cluster.secondsAgo(age - 100));
            cluster.delete(node, reclaimed, cluster.secondsAgo(age - 200));
        }
        assertThat(cluster.files(LOCAL, reclaimed)).singleElement().asString().endsWith(".ts");
        cluster.clock.advance(Duration.ofSeconds(400));
        Timestamp recentDelete = cluster.secondsAgo(10);
        cluster.put(LOCAL, recentlyDeleted, "x", cluster.secondsAgo(20));
        cluster.delete(LOCAL, recentlyDeleted, recentDelete);
        CopyingSyncer syncer = syncer(cluster);

        PassReport first =
                cluster.replicator(syncer, ReplicationCluster.fastConfig()).runOnce();
        PassReport second =
                cluster.replicator(syncer, ReplicationCluster.fastConfig()).runOnce();

        assertThat(cluster.files(LOCAL, reclaimed))
                .as("tombstone reclaimed while hashing")
                .isEmpty();
        for (String node : List.of("B", "C", "D")) {
            assertThat(cluster.files(node, reclaimed)).noneMatch(f -> f.endsWith(".data"));
        }
        for (String peer : peersOf(cluster, recentlyDeleted)) {
            assertThat(cluster.files(peer, recentlyDeleted)).containsExactly(recentDelete.internal() + ".ts");
        }
        assertThat(first.completed()).isTrue();
        assertThat(second.counter("objects_sent")).isZero();
        assertThat(syncer.calls)
                .noneMatch(c -> c.partition() == partition
                        && c.suffixes()
                                .contains(cluster.hashPath
                                        .hex("a", "c", reclaimed)
                                        .substring(29)));
    }

    @Test
    void shouldStopPromptlyWhenInterrupted() throws Exception {
        ReplicationCluster cluster = fourNodes();
        cluster.put(LOCAL, cluster.objectWhere(true, 0), "x", cluster.secondsAgo(10));
        cluster.put(LOCAL, cluster.objectWhere(false, 0), "y", cluster.secondsAgo(10));
        CountDownLatch entered = new CountDownLatch(1);
        SuffixSyncer blocking = (peer, dev, part, policy, suffixes) -> {
            entered.countDown();
            new CountDownLatch(1).await(); // a push that never ends
            return SyncOutcome.failed("refused by the test");
        };
        ObjectReplicator replicator = cluster.replicator(blocking, ReplicationCluster.fastConfig());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread pass = new Thread(() -> {
            try {
                replicator.runOnce();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        pass.start();
        Await.until("a push started", Duration.ofSeconds(10), () -> entered.getCount() == 0);

        pass.interrupt();
        pass.join(Duration.ofSeconds(3).toMillis());

        assertThat(pass.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void shouldReportAndSkipThePolicyWhenThisNodeIsNotInTheRing() throws Exception {
        ReplicationCluster cluster = fourNodes();
        cluster.put(LOCAL, "o1", "x", cluster.secondsAgo(10));
        ObjectReplicator stranger = ObjectReplicator.builder()
                .localNode(new LocalNode(java.util.Set.of("10.9.9.9"), 6200))
                .deviceRoot(new io.cairn.common.io.DeviceRoot(cluster.devicesDir(LOCAL), false))
                .policies(cluster.policies)
                .rings(() -> Map.of(0, cluster.ring))
                .diskFiles(cluster.manager(LOCAL))
                .replicateClient(new ReplicateClient(cluster.client, Duration.ofSeconds(1)))
                .syncer(syncer(cluster))
                .config(ReplicationCluster.fastConfig())
                .clock(cluster.clock)
                .build();

        PassReport report = stranger.runOnce();

        assertThat(report.counter("partitions_checked")).isZero();
        assertThat(report.completed()).isFalse();
        assertThat(report.errors()).singleElement().asString().contains("cannot find this node");
        assertThat(Files.isDirectory(cluster.partitionDir(LOCAL, cluster.partition("o1"))))
                .isTrue();
    }
}
