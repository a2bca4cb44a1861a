package io.cairn.account.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.db.Chexor;
import io.cairn.common.db.DbPaths;
import io.cairn.common.listing.ListingParams;
import io.cairn.common.testing.Python;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account DB against Swift 2.30.1's own AccountBroker (Debian's /usr/bin/python3). */
class AccountBrokerSwiftInteropTest {
    private static final String HASH = "d41d8cd98f00b204e9800998ecf8427e";

    @TempDir
    Path devices;

    private Path dbFile(String dev) {
        return DbPaths.dbFile(devices.resolve(dev), DbPaths.ACCOUNTS, "3", HASH);
    }

    private static List<String> schema(Path db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        return out;
    }

    private static AccountBroker broker(Path file) {
        return new AccountBroker(file, "AUTH_test", Clock.systemUTC());
    }

    @Test
    void shouldCreateExactlySwiftsSchemaWhenInitialized() throws Exception {
        Path swiftDb = dbFile("swift");
        Python.runText(
                "import os, sys\nfrom swift.account.backend import AccountBroker\n"
                        + "p = sys.argv[1]\nos.makedirs(os.path.dirname(p))\n"
                        + "AccountBroker(p, account='AUTH_test').initialize('1700000000.00000')\n",
                swiftDb.toString());
        try (AccountBroker b = broker(dbFile("cairn"))) {
            b.initialize("1700000000.00000", 0);
        }
        assertThat(schema(dbFile("cairn"))).isEqualTo(schema(swiftDb)).hasSize(18);
    }

    @Test
    void shouldBeReadBySwiftWhenCairnWroteTheDb() throws Exception {
        Path file = dbFile("sda");
        try (AccountBroker b = broker(file)) {
            b.initialize("1700000000.00000", 0);
            b.mergeItems(
                    List.of(
                            ContainerRecord.report("c1", "1700000001.00000", "0", 3, 30, 0),
                            ContainerRecord.report("d\u00e9j\u00e0/x", "1700000002.00000", "0", 1, 5, 1),
                            ContainerRecord.report("gone", "1700000001.00000", "1700000003.00000", 0, 0, 0)),
                    null,
                    -1);
            b.mergeItems(List.of(ContainerRecord.report("c1", "1700000001.00000", "0", 4, 40, 0)), null, -1);
        }
        String out = Python.runText(
                "import sys, json\nfrom swift.account.backend import AccountBroker\n"
                        + "from swift.common.db import chexor\n"
                        + "b = AccountBroker(sys.argv[1])\ni = b.get_info()\n"
                        + "print(json.dumps([i['container_count'], i['object_count'], i['bytes_used'], i['hash'],"
                        + " i['account']]))\n"
                        + "print(json.dumps(b.list_containers_iter(100, '', None, None, None)))\n"
                        + "print(json.dumps(sorted(b.get_policy_stats().items())))\n"
                        + "h = '0' * 32\n"
                        + "for r in b.get_items_since(-1, 100):\n"
                        + "    h = chexor(h, r['name'], '%s-%s-%s-%s' % (r['put_timestamp'], r['delete_timestamp'],"
                        + " r['object_count'], r['bytes_used']))\n"
                        + "print(h)\n",
                file.toString());
        String[] lines = out.split("\n");
        try (AccountBroker b = broker(file)) {
            Map<String, Object> info = b.info();
            assertThat(lines[0]).isEqualTo("[2, 5, 45, \"" + info.get("hash") + "\", \"AUTH_test\"]");
            assertThat(lines[3]).isEqualTo(info.get("hash"));
            assertThat(info.get("hash")).isNotEqualTo(Chexor.EMPTY);
        }
        assertThat(lines[1])
                .isEqualTo("[[\"c1\", 4, 40, \"1700000001.00000\", 0],"
                        + " [\"d\\u00e9j\\u00e0/x\", 1, 5, \"1700000002.00000\", 0]]");
        assertThat(lines[2])
                .isEqualTo("[[0, {\"container_count\": 1, \"object_count\": 4, \"bytes_used\": 40}],"
                        + " [1, {\"container_count\": 1, \"object_count\": 1, \"bytes_used\": 5}]]");
    }

    @Test
    void shouldReadSwiftsDbAndItsPendingFileWhenSwiftWroteThem() throws Exception {
        Path file = dbFile("sdb");
        Python.runText(
                "import os, sys\nfrom swift.account.backend import AccountBroker\n"
                        + "p = sys.argv[1]\nos.makedirs(os.path.dirname(p))\n"
                        + "b = AccountBroker(p, account='AUTH_test')\nb.initialize('1700000000.00000')\n"
                        + "b.put_container('a', '1700000001.00000', '0', 2, 20, 0)\n"
                        + "b.get_info()\n" // folds the pending entry into the DB
                        + "b.put_container('b\\u2603', '1700000002.00000', '0', 1, 7, 0)\n"
                        + "b.put_container('a', '1700000001.00000', '1700000004.00000', 0, 0, 0)\n"
                        + "b.update_metadata({'X-Account-Meta-Color': ('blue', '1700000005.00000')})\n",
                file.toString());
        assertThat(Files.size(Path.of(file + ".pending"))).isPositive();
        try (AccountBroker b = broker(file)) {
            assertThat(b.commitPending()).isEqualTo(2);
            assertThat(Files.size(b.pendingFile())).isZero();
            Map<String, Object> info = b.info();
            assertThat(info).containsEntry("container_count", 1).containsEntry("object_count", 1);
            assertThat(b.listContainers(ListingParams.of(null, null, null, null, null, false, 100), false))
                    .containsExactly(new ContainerListingRow("b\u2603", 1, 7, "1700000002.00000", false));
            assertThat(b.metadata().get("X-Account-Meta-Color")).isNotNull();
            assertThat(b.isDeleted()).isFalse();
        }
        String swiftHash = Python.runText(
                        "import sys\nfrom swift.account.backend import AccountBroker\n"
                                + "print(AccountBroker(sys.argv[1]).get_info()['hash'])",
                        file.toString())
                .strip();
        try (AccountBroker b = broker(file)) {
            assertThat(b.info().get("hash")).isEqualTo(swiftHash);
        }
    }
}
