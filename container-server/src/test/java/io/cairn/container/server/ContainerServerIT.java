package io.cairn.container.server;

import static io.cairn.container.server.ContainerTestNode.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.db.DbPaths;
import io.cairn.common.db.PendingFile;
import io.cairn.common.path.HashPath;
import io.cairn.common.testing.Await;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ContainerServerIT {
    @TempDir
    static Path root;

    static ContainerTestNode node;
    static StubAccountServer account;
    static long clock = 1_700_000_000_00000L;

    @BeforeAll
    static void start() throws Exception {
        node = new ContainerTestNode(
                root, root.resolve("devices"), "listing_chunk_size = 512\npending_fold_delay = 0.2");
        account = new StubAccountServer(201);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (account != null) {
            account.close();
        }
    }

    static synchronized String ts() {
        clock += 1000;
        return (clock / 100000) + "." + String.format("%05d", clock % 100000);
    }

    static Map<String, String> h(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static HttpResponse<byte[]> putRow(String path, int size) throws Exception {
        return node.send(
                "PUT",
                path,
                h(
                        "X-Timestamp",
                        ts(),
                        "X-Size",
                        String.valueOf(size),
                        "X-Content-Type",
                        "text/plain",
                        "X-Etag",
                        "d41d8cd98f00b204e9800998ecf8427e",
                        "X-Backend-Storage-Policy-Index",
                        "0"));
    }

    @Test
    void shouldRunTheWholeContainerLifecycleWhenTalkingToARealPort() throws Exception {
        int before = account.received.size();
        HttpResponse<byte[]> created = node.send(
                "PUT",
                "/sda/1/a/life",
                h(
                        "X-Timestamp",
                        ts(),
                        "X-Account-Host",
                        account.hostPort(),
                        "X-Account-Partition",
                        "7",
                        "X-Account-Device",
                        "sdb",
                        "X-Container-Meta-Color",
                        "blue",
                        "X-Container-Read",
                        ".r:*"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Backend-Storage-Policy-Index"))
                .hasValue("0");
        assertThat(account.received).hasSize(before + 1);
        StubAccountServer.Received update = account.received.get(before);
        assertThat(update.method()).isEqualTo("PUT");
        assertThat(update.path()).isEqualTo("/sdb/7/a/life");
        assertThat(update.header("X-Object-Count")).isEqualTo("0");
        assertThat(update.header("X-Delete-Timestamp")).isEqualTo("0");
        assertThat(update.header("X-Put-Timestamp")).matches("\\d{10}\\.\\d{5}");
        assertThat(update.header("X-Backend-Storage-Policy-Index")).isEqualTo("0");

        assertThat(node.send("PUT", "/sda/1/a/life", h("X-Timestamp", ts())).statusCode())
                .isEqualTo(202);
        assertThat(putRow("/sda/1/a/life/o1", 10).statusCode()).isEqualTo(201);
        assertThat(putRow("/sda/1/a/life/dir/o2", 20).statusCode()).isEqualTo(201);
        assertThat(putRow("/sda/1/a/life/%E2%98%83", 30).statusCode()).isEqualTo(201);

        HttpResponse<byte[]> head = node.send("HEAD", "/sda/1/a/life", h());
        assertThat(head.statusCode()).isEqualTo(204);
        assertThat(head.headers().firstValue("X-Container-Object-Count")).hasValue("3");
        assertThat(head.headers().firstValue("X-Container-Bytes-Used")).hasValue("60");
        assertThat(head.headers().firstValue("X-Container-Meta-Color")).hasValue("blue");
        assertThat(head.headers().firstValue("X-Container-Read")).hasValue(".r:*");
        assertThat(head.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(head.headers().firstValue("X-Backend-Sharding-State")).hasValue("unsharded");
        assertThat(head.headers().firstValue("Last-Modified")).isPresent();

        HttpResponse<byte[]> plain = node.send("GET", "/sda/1/a/life", h());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(text(plain)).isEqualTo("dir/o2\no1\n\u2603\n");
        HttpResponse<byte[]> delim = node.send("GET", "/sda/1/a/life?delimiter=/&format=json", h());
        assertThat(text(delim))
                .startsWith("[{\"subdir\": \"dir/\"}, {\"bytes\": 10, \"hash\": ")
                .contains("\"name\": \"\\u2603\"");
        assertThat(delim.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        HttpResponse<byte[]> xml = node.send("GET", "/sda/1/a/life?prefix=o", h("Accept", "application/xml"));
        assertThat(text(xml))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"life\">")
                .contains("<name>o1</name>");

        assertThat(node.send("POST", "/sda/1/a/life", h("X-Timestamp", ts(), "X-Container-Meta-Color", "red"))
                        .statusCode())
                .isEqualTo(204);
        assertThat(node.send("HEAD", "/sda/1/a/life", h()).headers().firstValue("X-Container-Meta-Color"))
                .hasValue("red");

        assertThat(node.send("DELETE", "/sda/1/a/life", h("X-Timestamp", ts())).statusCode())
                .isEqualTo(409);
        for (String o : List.of("o1", "dir/o2", "%E2%98%83")) {
            assertThat(node.send("DELETE", "/sda/1/a/life/" + o, h("X-Timestamp", ts()))
                            .statusCode())
                    .isEqualTo(204);
        }
        assertThat(node.send(
                                "DELETE",
                                "/sda/1/a/life",
                                h(
                                        "X-Timestamp",
                                        ts(),
                                        "X-Account-Host",
                                        account.hostPort(),
                                        "X-Account-Partition",
                                        "7",
                                        "X-Account-Device",
                                        "sdb"))
                        .statusCode())
                .isEqualTo(204);
        StubAccountServer.Received deleted = account.received.get(account.received.size() - 1);
        assertThat(deleted.header("X-Delete-Timestamp")).isNotEqualTo("0");
        HttpResponse<byte[]> gone = node.send("HEAD", "/sda/1/a/life", h());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("X-Backend-DELETE-Timestamp")).isPresent();
        assertThat(gone.headers().firstValue("X-Container-Object-Count")).isEmpty();
        assertThat(node.send("GET", "/sda/1/a/life", h()).statusCode()).isEqualTo(404);
        assertThat(node.send("DELETE", "/sda/1/a/life", h("X-Timestamp", ts())).statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldAnswerSwiftsErrorsWhenInputIsBad() throws Exception {
        HttpResponse<byte[]> noTs = node.send("PUT", "/sda/1/a/bad", h());
        assertThat(noTs.statusCode()).isEqualTo(400);
        assertThat(text(noTs)).isEqualTo("Missing X-Timestamp header");
        assertThat(text(node.send("PUT", "/sda/1/a/bad", h("X-Timestamp", "nope"))))
                .isEqualTo("Invalid X-Timestamp header");
        HttpResponse<byte[]> badUtf8 = node.send("GET", "/sda/1/a/%FF", h());
        assertThat(badUtf8.statusCode()).isEqualTo(412);
        assertThat(text(badUtf8)).isEqualTo("Invalid UTF8 or contains NULL");
        HttpResponse<byte[]> badPath = node.send("GET", "/sda/1/a", h());
        assertThat(badPath.statusCode()).isEqualTo(400);
        assertThat(text(badPath)).isEqualTo("Invalid path: /sda/1/a");
        HttpResponse<byte[]> noDevice = node.send("PUT", "/nodev/1/a/c", h("X-Timestamp", ts()));
        assertThat(noDevice.statusCode()).isEqualTo(507);
        assertThat(text(noDevice)).contains("Drive: nodev");
        assertThat(node.send("HEAD", "/sda/1/a/missing", h()).statusCode()).isEqualTo(404);
        assertThat(putRow("/sda/1/a/missing/o", 1).statusCode()).isEqualTo(404);
        assertThat(node.send("COPY", "/sda/1/a/c", h()).statusCode()).isEqualTo(405);
        HttpResponse<byte[]> bigMeta =
                node.send("PUT", "/sda/1/a/bad", h("X-Timestamp", ts(), "X-Container-Meta-Big", "x".repeat(257)));
        assertThat(bigMeta.statusCode()).isEqualTo(400);
        assertThat(text(bigMeta)).startsWith("Metadata value longer than 256");
        assertThat(node.send("HEAD", "/sda/1/a/bad", h()).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> policy =
                node.send("PUT", "/sda/1/a/bad", h("X-Timestamp", ts(), "X-Backend-Storage-Policy-Index", "9"));
        assertThat(policy.statusCode()).isEqualTo(400);
        assertThat(text(policy)).isEqualTo("Invalid X-Backend-Storage-Policy-Index 9");
        HttpResponse<byte[]> limit = node.send("GET", "/sda/1/a/bad?limit=10001", h());
        assertThat(limit.statusCode()).isEqualTo(412);
    }

    @Test
    void shouldConflictWithThePolicyIndexWhenAnotherPolicyIsRequested() throws Exception {
        assertThat(node.send("PUT", "/sda/1/a/pol", h("X-Timestamp", ts(), "X-Backend-Storage-Policy-Index", "1"))
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<byte[]> conflict =
                node.send("PUT", "/sda/1/a/pol", h("X-Timestamp", ts(), "X-Backend-Storage-Policy-Index", "0"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.headers().firstValue("X-Backend-Storage-Policy-Index"))
                .hasValue("1");
    }

    @Test
    void shouldAnswerNotFoundWhenEveryAccountServerSaysNotFound() throws Exception {
        try (StubAccountServer missing = new StubAccountServer(404)) {
            HttpResponse<byte[]> r = node.send(
                    "PUT",
                    "/sda/1/a/orphan",
                    h(
                            "X-Timestamp",
                            ts(),
                            "X-Account-Host",
                            missing.hostPort() + "," + missing.hostPort(),
                            "X-Account-Partition",
                            "3",
                            "X-Account-Device",
                            "sdb,sdc"));
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(missing.received).hasSize(2);
        }
        HttpResponse<byte[]> mismatch = node.send(
                "PUT",
                "/sda/1/a/orphan",
                h(
                        "X-Timestamp",
                        ts(),
                        "X-Account-Host",
                        account.hostPort(),
                        "X-Account-Partition",
                        "3",
                        "X-Account-Device",
                        "sdb,sdc"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
    }

    @Test
    void shouldAnswerNoContentForAnEmptyPlainListingAndJsonArrayOtherwise() throws Exception {
        node.send("PUT", "/sda/1/a/empty", h("X-Timestamp", ts()));
        assertThat(node.send("GET", "/sda/1/a/empty", h()).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> json = node.send("GET", "/sda/1/a/empty?format=json", h());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(text(json)).isEqualTo("[]");
    }

    /** The container DB file of {@code /sda/1/a/<container>}. */
    static Path dbFile(String container) {
        String hash = HashPath.of("changeme", "changeme").hex("a", container, null);
        return DbPaths.dbFile(node.devices.resolve("sda"), DbPaths.CONTAINERS, "1", hash);
    }

    /** Object rows in SQLite, read on a connection of our own (so nothing folds the pending file). */
    static long rowsInSqlite(Path dbFile) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM object WHERE deleted = 0")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldAcknowledgeConcurrentRowUpdatesFromThePendingFileAndCountThemAllOnAHead() throws Exception {
        node.send("PUT", "/sda/1/a/busy", h("X-Timestamp", ts()));
        long batchesBefore = node.server.committer().batchesAppended();
        long rowsBefore = node.server.committer().rowsAppended();
        int n = 200;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String path = "/sda/1/a/busy/obj-" + i;
                all.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return putRow(path, 3).statusCode();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        pool));
            }
            for (CompletableFuture<Integer> f : all) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        long batches = node.server.committer().batchesAppended() - batchesBefore;
        assertThat(node.server.committer().rowsAppended() - rowsBefore).isEqualTo(n);
        assertThat(batches).isBetween(1L, (long) n);
        // read-your-writes: HEAD folds whatever is still pending before it counts
        HttpResponse<byte[]> head = node.send("HEAD", "/sda/1/a/busy", h());
        assertThat(head.headers().firstValue("X-Container-Object-Count")).hasValue(String.valueOf(n));
        assertThat(head.headers().firstValue("X-Container-Bytes-Used")).hasValue(String.valueOf(3 * n));
        assertThat(rowsInSqlite(dbFile("busy"))).isEqualTo(n);
        assertThat(Files.size(PendingFile.of(dbFile("busy")))).isZero();
    }

    @Test
    void shouldFoldAcknowledgedRowsIntoSqliteWithoutAReadWhenTheFoldDelayPasses() throws Exception {
        node.send("PUT", "/sda/1/a/quiet", h("X-Timestamp", ts()));
        for (int i = 0; i < 3; i++) {
            assertThat(putRow("/sda/1/a/quiet/o" + i, 1).statusCode()).isEqualTo(201);
        }
        Path db = dbFile("quiet");
        Await.until("3 rows folded without a read", Duration.ofSeconds(20), () -> rowsInSqlite(db) == 3);
        assertThat(Files.size(PendingFile.of(db))).isZero();
    }

    @Test
    void shouldAnswer500WithTheCauseWhenTheRowCannotBeAppended() throws Exception {
        node.send("PUT", "/sda/1/a/broken", h("X-Timestamp", ts()));
        Path pending = PendingFile.of(dbFile("broken"));
        Files.createDirectory(pending); // cannot be opened for appending, even by root
        try {
            HttpResponse<byte[]> r = putRow("/sda/1/a/broken/o", 1);
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(text(r)).contains("cannot append 1 row(s) to " + pending);
        } finally {
            Files.delete(pending);
        }
        assertThat(putRow("/sda/1/a/broken/o", 1).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> head = node.send("HEAD", "/sda/1/a/broken", h());
        assertThat(head.headers().firstValue("X-Container-Object-Count")).hasValue("1");
    }

    @Test
    void shouldStreamALargeListingInChunksWhenItExceedsOneChunk() throws Exception {
        node.send("PUT", "/sda/1/a/big", h("X-Timestamp", ts()));
        int n = 300;
        List<CompletableFuture<HttpResponse<byte[]>>> puts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            puts.add(node.http.sendAsync(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + node.server.port()
                                    + "/sda/1/a/big/" + String.format("object-%05d", i)))
                            .PUT(java.net.http.HttpRequest.BodyPublishers.noBody())
                            .header("X-Timestamp", ts())
                            .header("X-Size", "1")
                            .header("X-Content-Type", "a/b")
                            .header("X-Etag", "e")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (CompletableFuture<HttpResponse<byte[]>> p : puts) {
            assertThat(p.get().statusCode()).isEqualTo(201);
        }
        HttpResponse<byte[]> list = node.send("GET", "/sda/1/a/big?format=json", h());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        String body = text(list);
        assertThat(body.startsWith("[{\"bytes\": 1, \"hash\": \"e\", \"name\": \"object-00000\""))
                .isTrue();
        assertThat(body.endsWith("}]")).isTrue();
        assertThat(body.split("\"name\"").length).isEqualTo(n + 1);
    }
}
