package io.cairn.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPLICATE RPC (Swift's {@code db_replicator.ReplicatorRpc}: {@code sync}, {@code merge_items},
 * {@code merge_syncs}, {@code complete_rsync}, {@code rsync_then_merge}) answered by Cairn's server and by
 * Debian's Swift server on copies of the same DB: every request is sent, with the same JSON body Swift's
 * replicator sends, to both, and the statuses and bodies must be equal (JSON compared key by key, in
 * order; only the random {@code id} a {@code newid} draws, and {@code status_changed_at} where Swift
 * stamps "now", are masked).
 *
 * <p>A server module extends it with its Cairn server and its DB rows. Not thread-safe (one class, one
 * pair of servers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReplicateGoldenContract {
    private static final String DEV = "sda";
    private static final String PART = "3";

    private @Nullable Path root;

    private @Nullable SwiftDbServerProcess swift;
    private long clock = 1_700_000_000_00000L;

    /** {@code container} or {@code account}. */
    protected abstract String type();

    /** Starts Cairn's server over {@code devices} (with {@code sda} in it). */
    protected abstract void startCairn(Path root, Path devices) throws Exception;

    /** Cairn's port. */
    protected abstract int cairnPort();

    /** Stops Cairn's server. */
    protected abstract void stopCairn();

    /** Creates DB {@code name} (with a few rows and metadata) through Cairn at partition 3; its hash. */
    protected abstract String createDb(String name, String timestamp) throws Exception;

    /** A row of the type's rows table as {@code get_items_since} gives it (with ROWID). */
    protected abstract Map<String, @Nullable Object> row(String name, long rowid, String timestamp);

    /** The metadata header prefix ({@code X-Container-Meta-} / {@code X-Account-Meta-}). */
    protected abstract String metaPrefix();

    protected final Path cairnDevices() {
        return root().resolve("cairn-devices");
    }

    protected final Path swiftDevices() {
        return root().resolve("swift-devices");
    }

    private Path root() {
        Path r = root;
        if (r == null) {
            throw new IllegalStateException("not started");
        }
        return r;
    }

    protected final synchronized String ts() {
        clock += 1000;
        return (clock / 100000) + "." + String.format(java.util.Locale.ROOT, "%05d", clock % 100000);
    }

    @BeforeAll
    final void startBoth(@TempDir Path dir) throws Exception {
        root = dir;
        Files.createDirectories(cairnDevices().resolve(DEV));
        Files.createDirectories(swiftDevices().resolve(DEV));
        startCairn(dir, cairnDevices());
        swift = SwiftDbServerProcess.start(type(), swiftDevices(), dir);
    }

    @AfterAll
    final void stopBoth() {
        SwiftDbServerProcess s = swift;
        if (s != null) {
            s.close();
        }
        stopCairn();
    }

    @Test
    void shouldAnswerSyncAsSwiftWhenTimestampsMetadataAndPointsDiffer() throws Exception {
        String hash = copied(createDb("sync-" + type(), ts()));
        String meta = Json.write(Map.of(metaPrefix() + "Shape", List.of("round", ts())));
        List<Object> sync = syncArgs(-1, "remotehash", "remote-a", "0000000001.00000", ts(), "0", meta);
        Map<String, @Nullable Object> first = same(hash, sync, List.of());
        assertThat(first).containsKeys("hash", "id", "count", "max_row", "metadata", "point");
        Map<String, @Nullable Object> second = same(hash, sync, List.of());
        assertThat(second.get("created_at")).isEqualTo("0000000001.00000");
        assertThat(String.valueOf(second.get("metadata"))).contains("round");
        List<Object> sameHash = syncArgs(99, String.valueOf(second.get("hash")), "remote-b", "0", "0", "0", "");
        assertThat(same(hash, sameHash, List.of()).get("point")).isEqualTo(99L);
        assertThat(same(hash, sameHash, List.of()).get("point")).isEqualTo(99L);
    }

    @Test
    void shouldMergeItemsAsSwiftWhenRowsComeFromAPeer() throws Exception {
        String hash = copied(createDb("merge-items-" + type(), ts()));
        List<Object> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(row("peer-row-" + i, 10 + i, ts()));
        }
        sameStatus(hash, List.of("merge_items", rows, "peer-x"), 202);
        Map<String, @Nullable Object> info = same(hash, syncArgs(-1, "h", "peer-x", "0", "0", "0", ""), List.of());
        assertThat(info.get("point")).isEqualTo(15L);
        sameStatus(hash, List.of("merge_items", List.of(row("peer-row-1", 16, ts())), ""), 202);
        same(hash, syncArgs(-1, "h", "peer-x", "0", "0", "0", ""), List.of());
    }

    @Test
    void shouldMergeSyncsAsSwiftWhenAPeerSendsItsSyncTable() throws Exception {
        String hash = copied(createDb("merge-syncs-" + type(), ts()));
        sameStatus(
                hash,
                List.of(
                        "merge_syncs",
                        List.of(
                                Map.of("remote_id", "peer-1", "sync_point", 7),
                                Map.of("remote_id", "peer-2", "sync_point", 3))),
                202);
        assertThat(same(hash, syncArgs(-1, "h", "peer-1", "0", "0", "0", ""), List.of())
                        .get("point"))
                .isEqualTo(7L);
        sameStatus(hash, List.of("merge_syncs", List.of(Map.of("remote_id", "peer-1", "sync_point", 2))), 202);
        assertThat(same(hash, syncArgs(-1, "h", "peer-1", "0", "0", "0", ""), List.of())
                        .get("point"))
                .isEqualTo(7L);
    }

    @Test
    void shouldRsyncThenMergeAsSwiftWhenATempCopyArrived() throws Exception {
        String hash = copied(createDb("rtm-" + type(), ts()));
        String other = createDb("rtm-other-" + type(), ts());
        placeTemp(other, "arrived-1");
        sameStatus(hash, List.of("rsync_then_merge", "arrived-1"), 204);
        Map<String, @Nullable Object> info =
                same(hash, syncArgs(-1, "h", "arrived-1", "0", "0", "0", ""), List.of("id"));
        assertThat(info.get("count")).isNotEqualTo(0L);
        assertThat(Files.exists(cairnDevices().resolve(DEV).resolve("tmp").resolve("arrived-1")))
                .isFalse();
        sameStatus(hash, List.of("rsync_then_merge", "never-arrived"), 404);
    }

    @Test
    void shouldCompleteRsyncAsSwiftWhenTheDbWasMissing() throws Exception {
        String source = createDb("cr-" + type(), ts());
        String hash = "f".repeat(29) + "abc";
        placeTemp(source, "whole-1");
        sameStatus(hash, List.of("complete_rsync", "whole-1"), 204);
        same(hash, syncArgs(-1, "h", "whole-1", "0", "0", "0", ""), List.of("id"));
        placeTemp(source, "whole-2");
        sameStatus(hash, List.of("complete_rsync", "whole-2"), 404);
        sameStatus(hash, List.of("complete_rsync", "never-arrived"), 404);
    }

    @Test
    void shouldAnswerLikeSwiftWhenTheDbOrTheOpIsBad() throws Exception {
        String missing = "e".repeat(29) + "def";
        sameStatus(missing, List.of("sync", -1, "h", "x", "0", "0", "0", ""), 404);
        // a JSON string has no pop(): Swift's 400 "Invalid object type" (a JSON object is a 500 traceback in Swift)
        Answer[] objectBody = both(missing, "\"sync\"");
        assertThat(objectBody[0]).isEqualTo(objectBody[1]);
        assertThat(objectBody[0].status()).isEqualTo(400);
        Answer[] notJson = both(missing, "[\"sync\",");
        assertThat(notJson[0].status()).isEqualTo(400).isEqualTo(notJson[1].status());
    }

    /** Swift's {@code _usync_db}/{@code _repl_to_node} sync args, as the replicator sends them. */
    protected static List<Object> syncArgs(
            long point, String hash, String id, String createdAt, String put, String delete, String metadata) {
        List<Object> args = new ArrayList<>(List.of("sync", point, hash, id, createdAt, put, delete, metadata));
        return args;
    }

    /** Sends {@code op} to both, asserts equal status {@code expected} and equal bodies. */
    protected final void sameStatus(String hash, List<?> op, int expected) {
        Answer[] a = both(hash, Json.write(op));
        assertThat(a[0].status()).as("Cairn's status for %s", op).isEqualTo(expected);
        assertThat(a[0]).as("Cairn vs Swift for %s", op).isEqualTo(a[1]);
    }

    /** Sends {@code op} to both; 200 from both with equal JSON apart from {@code masked} keys; Cairn's. */
    @SuppressWarnings("unchecked")
    protected final Map<String, @Nullable Object> same(String hash, List<?> op, List<String> masked)
            throws Json.JsonException {
        Answer[] a = both(hash, Json.write(op));
        assertThat(a[0].status())
                .as("Cairn's status for %s: %s", op, a[0].body())
                .isEqualTo(200);
        assertThat(a[1].status())
                .as("Swift's status for %s: %s", op, a[1].body())
                .isEqualTo(200);
        Map<String, @Nullable Object> cairn =
                new LinkedHashMap<>((Map<String, @Nullable Object>) Json.parse(a[0].body()));
        Map<String, @Nullable Object> swiftInfo =
                new LinkedHashMap<>((Map<String, @Nullable Object>) Json.parse(a[1].body()));
        if (masked.isEmpty()) {
            assertThat(a[0].body()).as("sync answer for %s", op).isEqualTo(a[1].body());
        }
        for (String key : masked) {
            assertThat(cairn).containsKey(key);
            cairn.put(key, "<masked>");
            swiftInfo.put(key, "<masked>");
        }
        assertThat(List.copyOf(cairn.keySet())).isEqualTo(List.copyOf(swiftInfo.keySet()));
        assertThat(cairn).isEqualTo(swiftInfo);
        return cairn;
    }

    /** The two answers, Cairn's first. */
    protected final Answer[] both(String hash, String body) {
        String path = "/" + DEV + "/" + PART + "/" + hash;
        SwiftDbServerProcess s = swift;
        if (s == null) {
            throw new IllegalStateException("Swift's server did not start");
        }
        SwiftDbServerProcess.Answer c = SwiftDbServerProcess.send(cairnPort(), "REPLICATE", path, body);
        SwiftDbServerProcess.Answer w = SwiftDbServerProcess.send(s.port(), "REPLICATE", path, body);
        return new Answer[] {new Answer(c.status(), c.body()), new Answer(w.status(), w.body())};
    }

    /** A status and body (one side's). */
    protected record Answer(int status, String body) {}

    /** Copies Cairn's DB directory of {@code hash} to Swift's devices; returns {@code hash}. */
    protected final String copied(String hash) throws IOException {
        Path rel = hashDir(hash);
        copyTree(cairnDevices().resolve(rel), swiftDevices().resolve(rel));
        return hash;
    }

    /** Puts a copy of DB {@code hash} (written by Cairn) at {@code <dev>/tmp/<name>} on both sides. */
    protected final void placeTemp(String hash, String name) throws IOException {
        Path db = cairnDevices().resolve(hashDir(hash)).resolve(hash + ".db");
        for (Path devices : List.of(cairnDevices(), swiftDevices())) {
            Path tmp = devices.resolve(DEV).resolve("tmp");
            Files.createDirectories(tmp);
            Files.copy(db, tmp.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path hashDir(String hash) {
        return Path.of(DEV, type() + "s", PART, hash.substring(hash.length() - 3), hash);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
