package io.cairn.auditor.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.account.db.AccountBroker;
import io.cairn.common.config.IniFile;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.db.DbPaths;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.testing.ManualClock;
import io.cairn.container.db.ContainerBroker;
import io.cairn.container.db.ObjectRecord;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Container and account auditor passes over real SQLite files in a temp devices dir. */
@Timeout(60)
class DbAuditorTest {
    private static final String GOOD = "0123456789abcdef0123456789abcabc";
    private static final String BAD = "fedcba9876543210fedcba9876543def";

    @TempDir
    Path devices;

    private final ManualClock clock = new ManualClock(Instant.ofEpochSecond(1_704_067_200L));

    private DbAuditor auditor(DbAuditor.Kind kind, String conf) {
        String section = DbAuditorConfig.section(kind);
        DbAuditorConfig config = DbAuditorConfig.from(kind, IniFile.parse("[" + section + "]\n" + conf, "test"));
        return new DbAuditor(config, new DeviceRoot(devices, false), clock, clock);
    }

    private Path containerDb(String hash, int rows) throws Exception {
        Path db = DbPaths.dbFile(devices.resolve("sda"), DbPaths.CONTAINERS, "5", hash);
        try (ContainerBroker broker = new ContainerBroker(db, "a", "c" + hash, clock)) {
            broker.initialize("0000000002.00000", 0);
            List<ObjectRecord> records = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                records.add(ObjectRecord.put("object-" + i, "0000000003.00000", i, "text/plain", "etag" + i, 0));
            }
            if (!records.isEmpty()) {
                broker.mergeItems(records, null, 0);
            }
        }
        return db;
    }

    private Path quarantined(String type, String hash) {
        return devices.resolve("sda/quarantined").resolve(type).resolve(hash);
    }

    @Test
    void shouldQuarantineAGarbageFileAndPassAGoodOneWhenContainerAuditorRuns() throws Exception {
        containerDb(GOOD, 10);
        Path bad = DbPaths.dbFile(devices.resolve("sda"), DbPaths.CONTAINERS, "5", BAD);
        Files.createDirectories(bad.getParent());
        byte[] garbage = new byte[8192];
        Arrays.fill(garbage, (byte) 0x5a);
        Files.write(bad, garbage);

        PassReport report = auditor(DbAuditor.Kind.CONTAINER, "").runOnce();

        assertThat(report.daemon()).isEqualTo("container-auditor");
        assertThat(report.counter(DbAuditor.PASSES)).isEqualTo(1);
        assertThat(report.counter(DbAuditor.FAILURES)).isEqualTo(1);
        assertThat(report.counter(DbAuditor.QUARANTINED)).isEqualTo(1);
        assertThat(bad).doesNotExist();
        assertThat(quarantined("containers", BAD).resolve(BAD + ".db")).exists();
        assertThat(DbPaths.dbFile(devices.resolve("sda"), DbPaths.CONTAINERS, "5", GOOD))
                .exists();
    }

    @Test
    void shouldQuarantineWhenPagesDeepInTheFileAreCorrupt() throws Exception {
        Path db = containerDb(BAD, 3000);
        long size = Files.size(db);
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.WRITE)) {
            // keep the header and schema pages, scribble over the second half (object rows and indexes)
            byte[] junk = new byte[(int) (size / 2)];
            Arrays.fill(junk, (byte) 0xa5);
            ch.write(ByteBuffer.wrap(junk), size - junk.length);
        }

        PassReport report = auditor(DbAuditor.Kind.CONTAINER, "").runOnce();

        assertThat(report.counter(DbAuditor.QUARANTINED)).isEqualTo(1);
        assertThat(report.counter(DbAuditor.PASSES)).isZero();
        assertThat(quarantined("containers", BAD)).exists();
    }

    @Test
    void shouldPassAGoodAccountDbWhenAccountAuditorRuns() throws Exception {
        Path db = DbPaths.dbFile(devices.resolve("sda"), DbPaths.ACCOUNTS, "1", GOOD);
        try (AccountBroker broker = new AccountBroker(db, "AUTH_test", clock)) {
            broker.initialize("0000000002.00000", 0);
        }

        PassReport report = auditor(DbAuditor.Kind.ACCOUNT, "").runOnce();

        assertThat(report.daemon()).isEqualTo("account-auditor");
        assertThat(report.counter(DbAuditor.PASSES)).isEqualTo(1);
        assertThat(report.counter(DbAuditor.FAILURES)).isZero();
        assertThat(db).exists();
    }

    @Test
    void shouldWaitTheExpectedVirtualTimeWhenContainersPerSecondLimitsThePass() throws Exception {
        for (int i = 0; i < 4; i++) {
            containerDb(GOOD.substring(0, 31) + i, 0);
        }

        PassReport report =
                auditor(DbAuditor.Kind.CONTAINER, "containers_per_second = 2\n").runOnce();

        assertThat(report.counter(DbAuditor.PASSES)).isEqualTo(4);
        assertThat(clock.slept().toMillis()).isBetween(1499L, 1501L);
    }

    @Test
    void shouldReadSwiftsKeysAndDefaultsWhenConfigured() {
        DbAuditorConfig container = DbAuditorConfig.defaults(DbAuditor.Kind.CONTAINER);
        assertThat(container.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(container.dbsPerSecond()).isEqualTo(200);
        DbAuditorConfig account = DbAuditorConfig.from(
                DbAuditor.Kind.ACCOUNT,
                IniFile.parse("[account-auditor]\naccounts_per_second = 7\ncontainers_per_second = 3\n", "t"));
        assertThat(account.dbsPerSecond()).isEqualTo(7);
        assertThat(account.unknownKeys()).containsExactly("containers_per_second");
    }
}
