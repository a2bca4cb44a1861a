package io.cairn.object.diskfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.codec.PickleReader;
import io.cairn.common.codec.PyBytes;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.path.HashPath;
import io.cairn.common.testing.Python;
import io.cairn.common.time.Timestamp;
import io.cairn.object.metadata.ObjectMetadata;
import io.cairn.object.update.AsyncPendingStore;
import io.cairn.object.update.AsyncUpdate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden interop with Debian's Swift 2.30.1 in one Python run: Swift's DiskFileManager reads what Cairn
 * wrote (metadata, body, timestamps, async_pending, suffix hashes), and Cairn reads what Swift wrote
 * (including .meta with a content-type time, tombstones, unicode names, non-ASCII metadata) and computes the
 * same REPLICATE hashes, with and without Swift's hashes.pkl/hashes.invalid.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwiftDiskFileInteropTest {
    static final HashPath HASH_PATH = HashPath.of("", "cairntest");
    static final List<String> NAMES = List.of("a/c/o1", "a/c/obj-\u00fcn\u00ef-\u2603", "a/c/o3", "a/c/o4");

    Path devices = Path.of("unset");

    LocalDiskFileManager manager;
    Map<?, ?> swift = Map.of();
    final Map<String, ObjectMetadata> cairnWritten = new LinkedHashMap<>();
    Map<String, String> cairnSdaHashes;
    long base;

    @BeforeAll
    void writeWithCairnThenRunSwift(@TempDir Path tempDir) throws Exception {
        devices = tempDir;
        Files.createDirectories(devices.resolve("sda"));
        manager = new LocalDiskFileManager(
                new DeviceRoot(devices, false), HASH_PATH, DiskFileConfig.defaults(), Clock.systemUTC());
        base = Timestamp.now(Clock.systemUTC()).raw() / Timestamp.UNITS_PER_SECOND - 200;
        put(
                "sda",
                NAMES.get(0),
                "hello world".getBytes(StandardCharsets.UTF_8),
                1,
                Map.of(
                        "X-Object-Meta-Color", "blue",
                        "X-Object-Meta-Note", wire("caf\u00e9 \u2603"),
                        "X-Object-Sysmeta-Foo", "bar"));
        byte[] big = new byte[25600];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        put("sda", NAMES.get(1), big, 2, Map.of());
        DiskFile o3 =
                put("sda", NAMES.get(2), "three".getBytes(StandardCharsets.UTF_8), 3, Map.of("X-Object-Meta-Old", "1"));
        o3.writeMetadata(ObjectMetadata.of(Map.of(
                "X-Timestamp",
                ts(5).internal(),
                "X-Object-Meta-New",
                "2",
                "Content-Type",
                "image/png",
                "Content-Type-Timestamp",
                ts(4).internal())));
        DiskFile o4 = put("sda", NAMES.get(3), "four".getBytes(StandardCharsets.UTF_8), 6, Map.of());
        o4.delete(ts(7));
        for (String n : NAMES.subList(0, 3)) {
            try (DiskFileReader r = open("sda", n)) {
                cairnWritten.put(n, r.metadata());
            }
        }
        manager.pickleAsyncUpdate(
                "sda",
                0,
                new AsyncUpdate(
                        "PUT",
                        "a",
                        "c",
                        "o1",
                        Map.of(
                                "x-size",
                                "11",
                                "x-content-type",
                                "text/plain",
                                "x-etag",
                                "5eb63bbbe01eeed093cb22bb8f5acdc3",
                                "x-timestamp",
                                ts(1).internal(),
                                "referer",
                                "PUT http://localhost/sda/0/a/c/o1"),
                        null));
        cairnSdaHashes = manager.suffixHashes("sda", 0, 0, List.of());

        String script;
        try (InputStream in = getClass().getResourceAsStream("/io/cairn/object/swift_interop.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> args = new ArrayList<>();
        args.add(devices.toString());
        args.addAll(NAMES);
        swift = (Map<?, ?>) get(PickleReader.load(Python.run(script, new byte[0], args.toArray(new String[0]))));
    }

    @AfterAll
    void close() {
        manager.close();
    }

    static String wire(String unicode) {
        return new String(unicode.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    Timestamp ts(int i) {
        return Timestamp.ofRaw((base + i) * Timestamp.UNITS_PER_SECOND, 0);
    }

    DiskFile put(String dev, String name, byte[] body, int tsIndex, Map<String, String> meta) throws IOException {
        DiskFile df = diskFile(dev, name);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("X-Timestamp", ts(tsIndex).internal());
        m.put("Content-Type", "text/plain");
        m.putAll(meta);
        try (DiskFileWriter w = df.writer(body.length)) {
            w.write(ByteBuffer.wrap(body));
            w.put(ObjectMetadata.of(m));
        }
        return df;
    }

    DiskFile diskFile(String dev, String name) throws IOException {
        String[] p = name.split("/", 3);
        return manager.diskFile(dev, 0, p[0], p[1], p[2], 0);
    }

    DiskFileReader open(String dev, String name) throws IOException {
        return diskFile(dev, name).open();
    }

    static byte[] body(DiskFileReader r) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) r.contentLength());
        while (buf.hasRemaining() && r.read(buf, buf.position()) > 0) {
            // positional reads until full
        }
        return buf.array();
    }

    static <T> T get(@Nullable T value) {
        return java.util.Objects.requireNonNull(value, "missing value in Swift's answer");
    }

    static Object get(Map<?, ?> map, String key) {
        return get(map.get(key));
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> asMap(Object o) {
        return (Map<Object, Object>) o;
    }

    Map<?, ?> swiftObject(String device, String name) {
        return (Map<?, ?>) get((Map<?, ?>) get(swift, device), name);
    }

    @Test
    void shouldBeReadBySwiftIdenticallyWhenCairnWroteTheObjects() throws IOException {
        for (String n : NAMES.subList(0, 3)) {
            Map<?, ?> s = swiftObject("sda", n);
            assertThat(s.get("metadata"))
                    .as(n)
                    .isEqualTo(get(cairnWritten.get(n)).asMap());
            try (DiskFileReader r = open("sda", n)) {
                assertThat(((PyBytes) get(s, "body")).toByteArray()).isEqualTo(body(r));
                assertThat(s.get("data_ts")).isEqualTo(r.dataTimestamp().internal());
                assertThat(s.get("ts")).isEqualTo(r.timestamp().internal());
                assertThat(s.get("ctype_ts")).isEqualTo(r.contentTypeTimestamp().internal());
            }
        }
        assertThat(asMap(swiftObject("sda", NAMES.get(3)))).containsEntry("deleted", ts(7).internal());
        assertThat(get(cairnWritten.get(NAMES.get(2))).asMap())
                .containsEntry("Content-Type", "image/png")
                .containsEntry("X-Object-Meta-New", "2")
                .doesNotContainKey("X-Object-Meta-Old");
    }

    @Test
    void shouldAnswerReplicateLikeSwiftWhenCairnWroteTheObjects() {
        assertThat(cairnSdaHashes).isNotEmpty().isEqualTo(swift.get("sda_hashes"));
    }

    @Test
    void shouldWriteAsyncPendingsSwiftsUpdaterLoads() {
        List<?> asyncs = (List<?>) get(swift, "sda_async");
        assertThat(asyncs).hasSize(1);
        List<?> entry = (List<?>) asyncs.get(0);
        assertThat((String) entry.get(0)).isEqualTo(HASH_PATH.hex("a", "c", "o1") + "-" + ts(1).internal());
        Map<?, ?> update = (Map<?, ?>) entry.get(1);
        assertThat(update.get("op")).isEqualTo("PUT");
        assertThat(update.get("obj")).isEqualTo("o1");
        assertThat(asMap(get(update, "headers")))
                .containsEntry("X-Size", "11")
                .containsEntry("X-Etag", "5eb63bbbe01eeed093cb22bb8f5acdc3")
                .containsEntry("Referer", "PUT http://localhost/sda/0/a/c/o1");
    }

    @Test
    void shouldReadSwiftsObjectsIdenticallyWhenSwiftWroteThem() throws IOException {
        for (String n : NAMES.subList(0, 3)) {
            Map<?, ?> s = swiftObject("sdb", n);
            try (DiskFileReader r = open("sdb", n)) {
                assertThat(r.metadata().asMap()).as(n).isEqualTo(s.get("metadata"));
                assertThat(body(r)).isEqualTo(((PyBytes) get(s, "body")).toByteArray());
                assertThat(r.dataTimestamp().internal()).isEqualTo(s.get("data_ts"));
                assertThat(r.timestamp().internal()).isEqualTo(s.get("ts"));
                assertThat(r.contentTypeTimestamp().internal()).isEqualTo(s.get("ctype_ts"));
            }
        }
        try (DiskFileReader r = open("sdb", NAMES.get(0))) {
            assertThat(r.metadata().get("X-Object-Meta-Note")).isEqualTo(wire("caf\u00e9 \u2603"));
        }
        assertThatThrownBy(() -> open("sdb", NAMES.get(3)))
                .isInstanceOfSatisfying(
                        DiskFileDeleted.class,
                        e -> assertThat(e.timestamp().internal())
                                .isEqualTo(((Map<?, ?>) swiftObject("sdb", NAMES.get(3))).get("deleted")));
    }

    @Test
    void shouldComputeSwiftsSuffixHashesWhenSwiftWroteTheObjects() throws IOException {
        Map<String, String> cairn = manager.suffixHashes("sdb", 0, 0, List.of());
        assertThat(cairn).isNotEmpty().isEqualTo(swift.get("sdb_hashes"));
    }

    @Test
    void shouldHonourSwiftsHashesFilesWhenPresent() throws IOException {
        assertThat(swift.get("sdc_pkl_before")).asString().hasSize(4); // one suffix + newline
        Map<String, String> cairn = manager.suffixHashes("sdc", 0, 0, List.of());
        assertThat(cairn).isNotEmpty().isEqualTo(swift.get("sdc_expected"));
        assertThat(devices.resolve("sdc/objects/0/hashes.pkl")).doesNotExist();
    }

    @Test
    void shouldReadSwiftsAsyncPendingsWhenSwiftWroteThem() throws IOException {
        List<AsyncPendingStore.Pending> pending = AsyncPendingStore.list(devices.resolve("sdb/async_pending"));
        assertThat(pending).hasSize(1);
        AsyncUpdate u = pending.get(0).update();
        assertThat(u.op()).isEqualTo("PUT");
        assertThat(u.object()).isEqualTo("o1");
        assertThat(u.header("x-size")).isEqualTo("11");
        assertThat(pending.get(0).file().getFileName().toString())
                .isEqualTo(HASH_PATH.hex("a", "c", "o1") + "-" + u.timestamp().internal());
    }
}
