package io.cairn.replicator.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.account.db.AccountBroker;
import io.cairn.account.server.AccountServer;
import io.cairn.account.server.AccountServerConfig;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.path.Constraints;
import io.cairn.ring.Ring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Account DB replication between real Cairn account servers on loopback. */
@Timeout(120)
class AccountDbReplicatorIT {
    @TempDir
    Path root;

    private final List<AccountServer> servers = new ArrayList<>();
    private final List<Path> devices = new ArrayList<>();
    private final List<DbReplicator> replicators = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        for (int i = 0; i < 3; i++) {
            Path dev = root.resolve("node" + i);
            Files.createDirectories(dev.resolve("sda"));
            AccountServer s = new AccountServer(
                    AccountServerConfig.forTest(dev),
                    TestCluster.HASH_PATH,
                    Constraints.DEFAULTS,
                    Map.of(0, "gold"),
                    Clock.systemUTC());
            s.start();
            servers.add(s);
            devices.add(dev);
        }
    }

    @AfterEach
    void stop() {
        replicators.forEach(DbReplicator::close);
        servers.forEach(AccountServer::close);
    }

    private DbReplicator replicator(int node, Ring ring, DbReplicatorConfig config) {
        DbReplicator r = new DbReplicator(
                DbKind.account(),
                config,
                new DeviceRoot(devices.get(node), false),
                () -> ring,
                TestCluster.HASH_PATH,
                Set.of(new DbReplicator.Endpoint("127.0.0.1", servers.get(node).port())),
                Clock.systemUTC());
        replicators.add(r);
        return r;
    }

    private Ring ring() {
        return TestCluster.ring(
                List.of(
                        servers.get(0).port(),
                        servers.get(1).port(),
                        servers.get(2).port()),
                List.of());
    }

    private Path dbFile(int node, int part, String account) {
        String hash = TestCluster.HASH_PATH.hex(account, null, null);
        return devices.get(node)
                .resolve("sda/accounts/" + part + "/" + hash.substring(hash.length() - 3) + "/" + hash + "/" + hash
                        + ".db");
    }

    private String hash(int node, int part, String account) throws Exception {
        try (AccountBroker b = new AccountBroker(dbFile(node, part, account), "", Clock.systemUTC())) {
            return String.valueOf(b.info().get("hash"));
        }
    }

    private int send(int node, String method, String path, Map<String, String> headers) throws Exception {
        return TestCluster.send(servers.get(node).port(), method, path, headers).statusCode();
    }

    @Test
    void shouldReplicateContainerRowsAndWholeAccountDbsToPeers() throws Exception {
        Ring ring = ring();
        int part = ring.partition(TestCluster.HASH_PATH, "AUTH_r", null, null);
        assertThat(send(0, "PUT", "/sda/" + part + "/AUTH_r", Map.of("X-Timestamp", "1700000000.00000")))
                .isEqualTo(201);
        assertThat(send(1, "PUT", "/sda/" + part + "/AUTH_r", Map.of("X-Timestamp", "1700000000.00000")))
                .isEqualTo(201);
        for (int i = 0; i < 4; i++) {
            assertThat(send(
                            0,
                            "PUT",
                            "/sda/" + part + "/AUTH_r/c" + i,
                            Map.of(
                                    "X-Put-Timestamp",
                                    "170000000" + i + ".00000",
                                    "X-Delete-Timestamp",
                                    "0",
                                    "X-Object-Count",
                                    String.valueOf(i),
                                    "X-Bytes-Used",
                                    String.valueOf(10 * i),
                                    "X-Backend-Storage-Policy-Index",
                                    "0",
                                    "X-Timestamp",
                                    "170000000" + i + ".00000")))
                    .isEqualTo(201);
        }

        DbReplicatorConfig d = TestCluster.fastConfig();
        PassReport report = replicator(
                        0,
                        ring,
                        new DbReplicatorConfig(
                                d.interval(),
                                10,
                                d.maxDiffs(),
                                d.concurrency(),
                                d.nodeTimeout(),
                                d.connTimeout(),
                                d.reclaimAge(),
                                0))
                .runOnce();

        assertThat(report.counter(DbReplicator.FAILURES)).isZero();
        assertThat(report.counter(DbReplicator.DIFF)).isEqualTo(1); // node 1 had the DB
        assertThat(report.counter(DbReplicator.RSYNC)).isEqualTo(1); // node 2 had none
        String expected = TestCluster.send(
                        servers.get(0).port(), "GET", "/sda/" + part + "/AUTH_r?format=json", Map.of())
                .body();
        assertThat(expected).contains("\"c3\"");
        for (int n = 1; n < 3; n++) {
            assertThat(TestCluster.send(servers.get(n).port(), "GET", "/sda/" + part + "/AUTH_r?format=json", Map.of())
                            .body())
                    .isEqualTo(expected);
            assertThat(hash(n, part, "AUTH_r")).isEqualTo(hash(0, part, "AUTH_r"));
        }
    }

    @Test
    void shouldRemoveADeletedAccountDbWhenPastReclaimAge() throws Exception {
        Ring ring = ring();
        int part = ring.partition(TestCluster.HASH_PATH, "AUTH_gone", null, null);
        assertThat(send(0, "PUT", "/sda/" + part + "/AUTH_gone", Map.of("X-Timestamp", "1700000000.00000")))
                .isEqualTo(201);
        assertThat(send(0, "DELETE", "/sda/" + part + "/AUTH_gone", Map.of("X-Timestamp", "1700000001.00000")))
                .isEqualTo(204);
        DbReplicatorConfig d = TestCluster.fastConfig();
        DbReplicatorConfig week = new DbReplicatorConfig(
                d.interval(),
                d.perDiff(),
                d.maxDiffs(),
                d.concurrency(),
                d.nodeTimeout(),
                d.connTimeout(),
                Duration.ofDays(7),
                0);

        PassReport report = replicator(0, ring, week).runOnce();

        assertThat(report.counter(DbReplicator.REMOVES)).isEqualTo(1);
        assertThat(report.counter(DbReplicator.RSYNC)).isZero();
        assertThat(Files.exists(dbFile(0, part, "AUTH_gone"))).isFalse();
        assertThat(Files.exists(dbFile(0, part, "AUTH_gone").getParent())).isFalse();
    }
}
