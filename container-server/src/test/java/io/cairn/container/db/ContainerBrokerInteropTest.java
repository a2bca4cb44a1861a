package io.cairn.container.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Python;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cairn's container DBs against Swift 2.30.1's {@code ContainerBroker} on the same files, both ways. */
class ContainerBrokerInteropTest {
    private static final String SCHEMA_DUMP = String.join(
            "\n",
            "import sqlite3, sys",
            "c = sqlite3.connect(sys.argv[1])",
            "for r in c.execute('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid'):",
            "    print(repr(tuple(r)))");

    @Test
    void shouldCreateTheSchemaSwiftCreatesWhenInitialized(@TempDir Path dir) throws Exception {
        Path swiftDb = dir.resolve("dev/containers/1/abc/swift/swift.db");
        Files.createDirectories(swiftDb.getParent());
        Python.runText(
                "import sys\nfrom swift.container.backend import ContainerBroker\n"
                        + "ContainerBroker(sys.argv[1], account='a', container='c').initialize('0000000001.00000', 0)",
                swiftDb.toString());
        Path cairnDb = dir.resolve("dev/containers/1/abc/cairn/cairn.db");
        try (ContainerBroker broker = new ContainerBroker(cairnDb, "a", "c", Clock.systemUTC())) {
            broker.initialize("0000000001.00000", 0);
        }
        String swift = Python.runText(SCHEMA_DUMP, swiftDb.toString());
        assertThat(swift).contains("CREATE VIEW container_stat");
        assertThat(Python.runText(SCHEMA_DUMP, cairnDb.toString())).isEqualTo(swift);
    }

    @Test
    void shouldBeReadBySwiftAndReadSwiftsPendingWhenSharingAFile(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("sda/containers/1/abc/hash/hash.db");
        try (ContainerBroker broker = new ContainerBroker(db, "a", "c", Clock.systemUTC())) {
            broker.initialize("0000000002.00000", 0);
            broker.mergeItems(
                    List.of(
                            ObjectRecord.put("o1", "0000000003.00000", 10, "text/plain", "e1", 0),
                            ObjectRecord.put("o2", "0000000003.00000", 5, "text/plain;swift_bytes=99", "e2", 0),
                            ObjectRecord.put("o1", "0000000004.00000", 11, "text/x", "e1b", 0),
                            ObjectRecord.delete("gone", "0000000003.00000", 0)),
                    null,
                    0);
            // a newer content-type only: keeps data attributes, takes the content type
            broker.mergeItems(
                    List.of(ObjectRecord.put("o2", "0000000003.00000", 5, "image/png", "e2", 0)
                            .withTimestamps("0000000006.00000", null)),
                    null,
                    0);
        }
        String swiftView = Python.runText(
                String.join(
                        "\n",
                        "import sys",
                        "from swift.container.backend import ContainerBroker",
                        "b = ContainerBroker(sys.argv[1], account='a', container='c')",
                        "i = b.get_info()",
                        "print(i['object_count'], i['bytes_used'], i['hash'])",
                        "for r in b.get_objects(): print(r['name'], r['created_at'], r['size'], r['content_type'],"
                                + " r['etag'], r['deleted'])",
                        "b.put_object('from-swift', '0000000007.00000', 3, 'text/plain', 'e3')"),
                db.toString());
        assertThat(swiftView.lines().toList())
                .startsWith("2 16 " + swiftHash(db))
                .contains(
                        "o1 0000000004.00000 11 text/x e1b 0",
                        "o2 0000000003.00000+493e0+0 5 image/png;swift_bytes=99 e2 0",
                        "gone 0000000003.00000 0 application/deleted noetag 1");
        assertThat(Files.size(db.resolveSibling("hash.db.pending"))).isPositive();
        try (ContainerBroker broker = new ContainerBroker(db, "a", "c", Clock.systemUTC())) {
            assertThat(broker.commitPending()).isEqualTo(1);
            assertThat(broker.info()).containsEntry("object_count", 3).containsEntry("bytes_used", 19);
            assertThat(broker.isEmpty()).isFalse();
            assertThat(broker.isDeleted()).isFalse();
        }
    }

    /** The DB hash as Swift recomputes it from the rows (chexor over name-created_at). */
    private static String swiftHash(Path db) {
        return Python.runText(
                        String.join(
                                "\n",
                                "import sys, sqlite3",
                                "from swift.common.db import chexor",
                                "h = '0' * 32",
                                "for n, t in sqlite3.connect(sys.argv[1]).execute('SELECT name, created_at FROM object'):",
                                "    h = chexor(h, n, t)",
                                "print(h)"),
                        db.toString())
                .strip();
    }
}
