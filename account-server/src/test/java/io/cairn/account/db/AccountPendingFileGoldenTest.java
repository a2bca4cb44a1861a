package io.cairn.account.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.db.DbPaths;
import io.cairn.common.testing.Python;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cairn's account {@code .pending} entries against Swift 2.30.1's: Swift's account server calls {@code
 * put_container} with the report's header strings (timestamps, counts, policy index), and the bytes it appends
 * are the bytes Cairn appends for the same report; Swift folds a pending file Cairn wrote.
 */
@Timeout(120)
class AccountPendingFileGoldenTest {
    private static final String HASH = "d41d8cd98f00b204e9800998ecf8427e";

    private static final List<ContainerRecord> REPORTS = List.of(
            ContainerRecord.report("c1", "1700000000.00001", "0", 3, 1024, 0),
            ContainerRecord.report("gone", "1700000000.00002", "1700000000.00003", 0, 0, 1),
            ContainerRecord.report("ünï-☃-😀", "1700000000.00004", "0", 7, 5_000_000_000L, 2));

    /** Swift's account server: {@code put_container(container, x-put-timestamp, ..., policy header)}. */
    private static final String SWIFT_APPEND = String.join(
            "\n",
            "import os, sys",
            "from swift.account.backend import AccountBroker",
            "p = sys.argv[1]",
            "os.makedirs(os.path.dirname(p))",
            "b = AccountBroker(p, account='AUTH_test')",
            "b.initialize('1700000000.00000')",
            "b.put_container('c1', '1700000000.00001', '0', '3', '1024', '0')",
            "b.put_container('gone', '1700000000.00002', '1700000000.00003', '0', '0', '1')",
            "b.put_container('\\u00fcn\\u00ef-\\u2603-\\U0001F600', '1700000000.00004', '0', '7', '5000000000', '2')",
            "sys.stdout.buffer.write(open(b.pending_file, 'rb').read())");

    @TempDir
    Path devices;

    private Path dbFile(String dev) {
        return DbPaths.dbFile(devices.resolve(dev), DbPaths.ACCOUNTS, "3", HASH);
    }

    @Test
    void shouldAppendTheBytesSwiftsAccountServerAppendsWhenGivenTheSameReports() throws Exception {
        byte[] swift = Python.run(SWIFT_APPEND, new byte[0], dbFile("swift").toString());
        assertThat(new String(swift, StandardCharsets.US_ASCII))
                .startsWith(":gAIo")
                .contains(":");
        assertThat(REPORTS.get(1).deleted()).isEqualTo(1);
        try (AccountBroker b = new AccountBroker(dbFile("cairn"), "AUTH_test", Clock.systemUTC())) {
            b.initialize("1700000000.00000", 0);
            b.appendPending(REPORTS);
            assertThat(Files.readAllBytes(b.pendingFile())).isEqualTo(swift);
            assertThat(b.commitPending()).isEqualTo(REPORTS.size());
            assertThat(b.info()).containsEntry("container_count", 2);
        }
    }

    @Test
    void shouldBeFoldedBySwiftWhenCairnLeftReportsPending() throws Exception {
        Path db = dbFile("sda");
        try (AccountBroker b = new AccountBroker(db, "AUTH_test", Clock.systemUTC())) {
            b.initialize("1700000000.00000", 0);
            b.appendPending(REPORTS);
        }
        String swiftView = Python.runText(
                String.join(
                        "\n",
                        "import sys, os",
                        "from swift.account.backend import AccountBroker",
                        "b = AccountBroker(sys.argv[1], account='AUTH_test')",
                        "i = b.get_info()", // folds the pending file
                        "print(i['container_count'], i['object_count'], i['bytes_used'],"
                                + " os.path.getsize(b.pending_file))",
                        "with b.get() as conn:",
                        "    for r in conn.execute('SELECT name, put_timestamp, delete_timestamp, object_count,"
                                + " bytes_used, deleted, storage_policy_index FROM container ORDER BY name'):",
                        "        print('|'.join(str(c) for c in r))"),
                db.toString());
        assertThat(swiftView.lines().toList())
                .containsExactly(
                        "2 10 5000001024 0",
                        "c1|1700000000.00001|0|3|1024|0|0",
                        "gone|1700000000.00002|1700000000.00003|0|0|1|1",
                        "ünï-☃-😀|1700000000.00004|0|7|5000000000|0|2");
    }
}
