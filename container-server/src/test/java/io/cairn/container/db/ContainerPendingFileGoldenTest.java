package io.cairn.container.db;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Cairn's {@code .pending} entries against Swift 2.30.1's: the bytes Swift's {@code ContainerBroker.put_object}
 * / {@code delete_object} append for a record are the bytes Cairn appends for it, and Swift folds a pending
 * file Cairn wrote.
 */
@Timeout(120)
class ContainerPendingFileGoldenTest {
    /** Records as the container server passes them: str texts, int numbers, None for absent timestamps. */
    private static final List<ObjectRecord> RECORDS = List.of(
            ObjectRecord.put("obj-1", "1700000000.00001", 1024, "text/plain", "d41d8cd98f00b204e9800998ecf8427e", 0),
            ObjectRecord.put("dir/ünïcødé-☃-😀", "1700000000.00002", 0, "image/png", "etag-2", 1)
                    .withTimestamps("1700000000.00003", "1700000000.00004"),
            ObjectRecord.put("big", "1700000000.00006", 6_442_450_944L, "text/plain;swift_bytes=12", "e3", 0),
            ObjectRecord.delete("obj-1", "1700000000.00005", 2));

    /** Swift appends the same records (put_object / delete_object, one put_record each) and prints the file. */
    private static final String SWIFT_APPEND = String.join(
            "\n",
            "import sys",
            "from swift.container.backend import ContainerBroker",
            "b = ContainerBroker(sys.argv[1], account='a', container='c')",
            "b.initialize('1700000000.00000', 0)",
            "b.put_object('obj-1', '1700000000.00001', 1024, 'text/plain', 'd41d8cd98f00b204e9800998ecf8427e', 0, 0)",
            "b.put_object('dir/\\u00fcn\\u00efc\\u00f8d\\u00e9-\\u2603-\\U0001F600', '1700000000.00002', 0,"
                    + " 'image/png', 'etag-2', 0, 1, '1700000000.00003', '1700000000.00004')",
            "b.put_object('big', '1700000000.00006', 6442450944, 'text/plain;swift_bytes=12', 'e3', 0, 0)",
            "b.delete_object('obj-1', '1700000000.00005', 2)",
            "sys.stdout.buffer.write(open(b.pending_file, 'rb').read())");

    @Test
    void shouldAppendTheBytesSwiftAppendsWhenGivenTheSameRecords(@TempDir Path dir) throws Exception {
        Path swiftDb = dir.resolve("sda/containers/1/abc/swift/swift.db");
        Files.createDirectories(swiftDb.getParent());
        byte[] swift = Python.run(SWIFT_APPEND, new byte[0], swiftDb.toString());
        assertThat(new String(swift, StandardCharsets.US_ASCII)).startsWith(":gAIo"); // b64 of PROTO 2, MARK

        Path cairnDb = dir.resolve("sda/containers/1/abc/cairn/cairn.db");
        try (ContainerBroker broker = new ContainerBroker(cairnDb, "a", "c", Clock.systemUTC())) {
            broker.initialize("1700000000.00000", 0);
            broker.appendPending(RECORDS.subList(0, 1));
            broker.appendPending(RECORDS.subList(1, RECORDS.size()));
            assertThat(Files.readAllBytes(broker.pendingFile())).isEqualTo(swift);
            // and Cairn reads back what it wrote
            assertThat(broker.commitPending()).isEqualTo(RECORDS.size());
        }
    }

    @Test
    void shouldBeFoldedBySwiftWhenCairnLeftRowsPending(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("sda/containers/1/abc/hash/hash.db");
        try (ContainerBroker broker = new ContainerBroker(db, "a", "c", Clock.systemUTC())) {
            broker.initialize("1700000000.00000", 0);
            broker.appendPending(RECORDS);
        }
        String swiftView = Python.runText(
                String.join(
                        "\n",
                        "import sys, os",
                        "from swift.container.backend import ContainerBroker",
                        "b = ContainerBroker(sys.argv[1], account='a', container='c')",
                        "i = b.get_info()", // folds the pending file (_commit_puts_stale_ok)
                        "print(i['object_count'], i['bytes_used'], os.path.getsize(b.pending_file))",
                        "with b.get() as conn:",
                        "    for r in conn.execute('SELECT name, created_at, size, content_type, deleted,"
                                + " storage_policy_index FROM object ORDER BY name, storage_policy_index'):",
                        "        print('|'.join(str(c) for c in r))"),
                db.toString());
        assertThat(swiftView.lines().toList())
                .containsExactly(
                        "2 6442451968 0", // policy 0: obj-1 and big
                        "big|1700000000.00006|6442450944|text/plain;swift_bytes=12|0|0",
                        "dir/ünïcødé-☃-😀|1700000000.00002+1+1|0|image/png|0|1",
                        "obj-1|1700000000.00001|1024|text/plain|0|0",
                        "obj-1|1700000000.00005|0|application/deleted|1|2");
    }
}
