package io.cairn.ring.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.codec.PickleException;
import io.cairn.common.codec.PickleReader;
import io.cairn.common.codec.PickleWriter;
import io.cairn.common.codec.PyArray;
import io.cairn.common.codec.PyBytes;
import io.cairn.ring.Device;
import io.cairn.ring.RingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builder files as Swift's pickle: what is written, what is read back, and what is refused. */
class BuilderFileTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    /** {@code RingBuilder.to_dict()}'s keys in Swift 2.30.1's order. */
    private static final List<String> SWIFT_KEYS = List.of(
            "part_power",
            "next_part_power",
            "replicas",
            "min_part_hours",
            "parts",
            "devs",
            "devs_changed",
            "version",
            "overload",
            "_replica2part2dev",
            "_last_part_moves_epoch",
            "_last_part_moves",
            "_last_part_gather_start",
            "_dispersion_graph",
            "dispersion",
            "_remove_devs",
            "id");

    @TempDir
    Path dir;

    /** A builder with every kind of state: holes, a pending removal, overload, moved-partition hours. */
    static RingBuilder busyBuilder() {
        RingBuilder builder = TestRings.uniform(8, 3, 12, 4, 1, 2);
        builder.addDevice(DeviceSpec.parse("r1z5-[fe80::1]:6200R[fe80::2]:6300/sdz_meta with ünïcode", 50));
        builder.setOverload(0.1);
        builder.rebalance(T0);
        builder.removeDevice(2);
        builder.rebalance(T0.plus(Duration.ofHours(13)));
        builder.removeDevice(5);
        return builder;
    }

    @Test
    void shouldRestoreEverythingWhenSavedAndLoaded() throws IOException {
        RingBuilder original = busyBuilder();
        Path file = dir.resolve("object.builder");

        original.save(file);
        RingBuilder loaded = RingBuilder.load(file);

        assertSameRing(loaded.toRingData(), original.toRingData());
        assertThat(loaded.devices()).isEqualTo(original.devices());
        assertThat(loaded.report()).isEqualTo(original.report());
        assertThat(loaded.overload()).isEqualTo(0.1);
        assertThat(loaded.minPartHours()).isEqualTo(12);
        assertThat(loaded.replicas()).isEqualTo(3);
        assertThat(loaded.id()).isEqualTo(original.id()).matches("[0-9a-f]{32}");
        // the hidden state (pending removal, hours since moves, gather start) round-trips too:
        Instant next = T0.plus(Duration.ofHours(14));
        assertThat(loaded.rebalance(next)).isEqualTo(original.rebalance(next));
        assertSameRing(loaded.toRingData(), original.toRingData());
        assertThat(loaded.toRingData().devices().get(5)).isNull();
    }

    @Test
    void shouldRoundTripBuilderThatWasNeverRebalanced() throws IOException {
        RingBuilder original = TestRings.uniform(6, 2.5, 0, 3, 1, 1);
        Path file = dir.resolve("new.builder");

        original.save(file);
        RingBuilder loaded = RingBuilder.load(file);

        assertThat(loaded.toRingData().rowCount()).isZero();
        assertThat(loaded.devices()).isEqualTo(original.devices());
        assertThat(loaded.rebalance(T0)).isEqualTo(original.rebalance(T0));
    }

    @Test
    void shouldReplaceFileAndLeaveNoTempFileWhenSavedTwice() throws IOException {
        RingBuilder builder = busyBuilder();
        Path file = dir.resolve("object.builder");
        builder.save(file);
        builder.addDevice(TestRings.device(1, 7, 1, 0, 100));

        builder.save(file);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(RingBuilder.load(file).devices()).hasSize(builder.devices().size());
    }

    @Test
    void shouldWriteSwiftsDictWithSwiftsKeysAndTypes() throws IOException, PickleException {
        RingBuilder builder = busyBuilder();
        Path file = dir.resolve("object.builder");
        builder.save(file);
        byte[] bytes = Files.readAllBytes(file);

        assertThat(bytes[0] & 0xFF).isEqualTo(0x80);
        assertThat(bytes[1]).as("protocol 2, as Swift's save").isEqualTo((byte) 2);
        Map<?, ?> dict = (Map<?, ?>) Objects.requireNonNull(PickleReader.load(bytes));
        assertThat(dict).isNotNull();
        assertThat(new ArrayList<>(dict.keySet())).isEqualTo(SWIFT_KEYS);
        assertThat(dict.get("part_power")).isEqualTo(8L);
        assertThat(dict.get("next_part_power")).isNull();
        assertThat(dict.get("replicas")).isEqualTo(3.0);
        assertThat(dict.get("parts")).isEqualTo(256L);
        assertThat(dict.get("devs_changed")).isEqualTo(true);
        assertThat(dict.get("id")).isEqualTo(builder.id());
        List<?> rows = (List<?>) Objects.requireNonNull(dict.get("_replica2part2dev"));
        assertThat(rows)
                .hasSize(3)
                .allSatisfy(row -> assertThat(((PyArray) row).typecode()).isEqualTo('H'));
        assertThat(((PyArray) rows.get(0)).toIntArray())
                .isEqualTo(builder.toRingData().row(0));
        PyArray moves = (PyArray) Objects.requireNonNull(dict.get("_last_part_moves"));
        assertThat(moves).isNotNull();
        assertThat(moves.typecode()).isEqualTo('B');
        assertThat(moves.size()).isEqualTo(256);

        List<?> devs = (List<?>) Objects.requireNonNull(dict.get("devs"));
        assertThat(devs.get(2))
                .as("device 2 was removed by the second rebalance")
                .isNull();
        Map<?, ?> dev0 = (Map<?, ?>) devs.get(0);
        assertThat(new ArrayList<Object>(dev0.keySet()))
                .containsExactly(
                        "region",
                        "zone",
                        "ip",
                        "port",
                        "device",
                        "replication_ip",
                        "replication_port",
                        "meta",
                        "weight",
                        "id",
                        "parts",
                        "parts_wanted");
        int held = 0;
        for (int r = 0; r < 3; r++) {
            for (int dev : builder.toRingData().row(r)) {
                held += dev == 0 ? 1 : 0;
            }
        }
        assertThat(dev0.get("parts")).isEqualTo((long) held);
        assertThat(dev0.get("weight")).isEqualTo(100.0);
        List<?> removing = (List<?>) Objects.requireNonNull(dict.get("_remove_devs"));
        assertThat(removing).hasSize(1);
        assertThat(removing.get(0)).as("the very dict of devs, as Swift's").isSameAs(devs.get(5));
        assertThat(((Map<?, ?>) devs.get(5)).get("parts_wanted")).isEqualTo(-256.0 * 3);
        assertThat((Map<?, ?>) dict.get("_dispersion_graph")).isNotEmpty();
    }

    @Test
    void shouldGiveAnIdAtTheFirstSaveAndKeepIt() throws IOException {
        RingBuilder builder = TestRings.uniform(4, 1, 0, 1, 1, 1);
        assertThat(builder.id()).isNull();
        Path file = dir.resolve("a.builder");

        builder.save(file);
        String id = builder.id();
        builder.save(file);

        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(builder.id()).isEqualTo(id);
        assertThat(RingBuilder.load(file).id()).isEqualTo(id);
        RingBuilder other = TestRings.uniform(4, 1, 0, 1, 1, 1);
        other.save(dir.resolve("b.builder"));
        assertThat(other.id()).isNotEqualTo(id);
    }

    @Test
    void shouldTakeTheIdBackWhenTheFirstSaveFails() {
        RingBuilder builder = TestRings.uniform(4, 1, 0, 1, 1, 1);

        assertThatThrownBy(() -> builder.save(dir.resolve("missing-dir/a.builder")))
                .isInstanceOf(IOException.class);

        assertThat(builder.id()).isNull();
    }

    @Test
    void shouldLoadWithSwiftsDefaultsWhenOptionalKeysAreMissing() throws IOException {
        Path file = saved(busyBuilder());
        Map<Object, @Nullable Object> dict = load(file);
        for (String key : List.of("next_part_power", "overload", "_dispersion_graph", "id")) {
            dict.remove(key);
        }
        dict.put("_last_part_moves", null);
        dict.put("_last_part_moves_epoch", null); // as swift-ring-builder write_builder hands them to copy_from
        dict.put("dispersion", null);
        Map<Object, @Nullable Object> dev = deviceDict(dict, 0);
        for (String key : List.of("region", "replication_ip", "replication_port", "meta", "parts", "parts_wanted")) {
            dev.remove(key);
        }
        dev.put("weight", 100L); // an int, as Swift's remove_dev writes 0
        write(file, dict);

        RingBuilder loaded = RingBuilder.load(file);

        Device d = loaded.devices().get(0);
        assertThat(d.region()).isEqualTo(1);
        assertThat(d.replicationIp()).isEqualTo(d.ip());
        assertThat(d.replicationPort()).isEqualTo(d.port());
        assertThat(d.meta()).isEmpty();
        assertThat(d.weight()).isEqualTo(100.0);
        assertThat(loaded.overload()).isZero();
        assertThat(loaded.id()).isNull();
        assertThat(loaded.minPartSecondsLeft(T0)).isZero();
        loaded.save(file);
        assertThat(loaded.id()).as("given at the next save, as Swift does").isNotNull();
    }

    @Test
    void shouldReadPython2KeysAndStringsAsText() throws IOException {
        Path file = saved(busyBuilder());
        Map<Object, @Nullable Object> dict = load(file);
        Map<Object, @Nullable Object> py2 = new LinkedHashMap<>();
        dict.forEach((k, v) -> py2.put(PyBytes.latin1((String) k), v));
        Map<Object, @Nullable Object> dev = deviceDict(dict, 0);
        Map<Object, @Nullable Object> py2Dev = new LinkedHashMap<>();
        dev.forEach((k, v) -> py2Dev.put(PyBytes.latin1((String) k), v instanceof String s ? PyBytes.utf8(s) : v));
        @SuppressWarnings("unchecked")
        List<@Nullable Object> devs = (List<@Nullable Object>) Objects.requireNonNull(dict.get("devs"));
        devs.set(0, py2Dev);
        write(file, py2);

        assertThat(RingBuilder.load(file).devices()).isEqualTo(busyBuilder().devices());
    }

    @Test
    void shouldCarryNextPartPowerAndRefuseToRebalanceDuringAnIncrease() throws IOException {
        Path file = saved(busyBuilder());
        Map<Object, @Nullable Object> dict = load(file);
        dict.put("next_part_power", 9L);
        write(file, dict);

        RingBuilder loaded = RingBuilder.load(file);

        assertThat(loaded.toRingData().nextPartPower()).isEqualTo(9);
        assertThatThrownBy(() -> loaded.rebalance(T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Partition power increase in progress");
        loaded.save(file);
        assertThat(load(file).get("next_part_power")).isEqualTo(9L);
    }

    @Test
    void shouldKeepMinPartHoursAboveWhatCairnSetsWhenSwiftWroteThem() throws IOException {
        Path file = saved(busyBuilder());
        Map<Object, @Nullable Object> dict = load(file);
        dict.put("min_part_hours", 1000L);
        write(file, dict);

        RingBuilder loaded = RingBuilder.load(file);
        loaded.save(file);

        assertThat(loaded.minPartHours()).isEqualTo(1000);
        assertThat(load(file).get("min_part_hours")).isEqualTo(1000L);
    }

    @Test
    void shouldRejectPickleWhenTruncated() throws IOException {
        Path file = saved(busyBuilder());
        byte[] good = Files.readAllBytes(file);

        for (int length : new int[] {1, 2, 10, good.length / 2, good.length - 1}) {
            Files.write(file, Arrays.copyOf(good, length));

            assertThatThrownBy(() -> RingBuilder.load(file))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(CorruptBuilderFileException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("not a readable Swift builder pickle")
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void shouldRejectFilesInNeitherFormat() throws IOException {
        Path file = dir.resolve("x.builder");
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> RingBuilder.load(file))
                .isInstanceOf(CorruptBuilderFileException.class)
                .hasMessageContaining("empty");

        Files.writeString(file, "[ring]\nthis is no builder\n");
        assertThatThrownBy(() -> RingBuilder.load(file))
                .isInstanceOf(CorruptBuilderFileException.class)
                .hasMessageContaining("not a builder file: it starts with 0x5b");

        Files.write(file, PickleWriter.dumpProtocol2(List.of(1L, 2L)));
        assertThatThrownBy(() -> RingBuilder.load(file))
                .isInstanceOf(CorruptBuilderFileException.class)
                .hasMessageContaining("holds a list, not the dict of RingBuilder.to_dict()");
    }

    @Test
    void shouldRejectInconsistentContentNamingTheProblem() throws IOException {
        assertRejected(d -> d.remove("devs"), "builder has no 'devs'");
        assertRejected(d -> d.put("parts", 255L), "parts 255 is not 2 ** part_power (256)");
        assertRejected(d -> d.put("part_power", 31L), "part_power 31 is valid for Swift but this builder holds");
        assertRejected(d -> d.put("replicas", 0.5), "replicas 0.5");
        assertRejected(d -> d.put("version", "7"), "builder['version'] is a str, not an int");
        assertRejected(d -> deviceDict(d, 0).put("id", 3L), "devs[0] has id 3");
        assertRejected(d -> deviceDict(d, 0).remove("ip"), "devs[0] has no 'ip'");
        assertRejected(d -> deviceDict(d, 0).put("weight", -1.0), "devs[0] has weight -1.0");
        assertRejected(d -> rows(d).set(1, PyArray.of('H', 0, 1)), "_replica2part2dev[1] has 2 entries, expected 256");
        int[] removed = new int[256];
        Arrays.fill(removed, 2);
        assertRejected(d -> rows(d).set(0, PyArray.of('H', removed)), "partition 0 replica 0 names unknown device 2");
        assertRejected(d -> rows(d).set(0, 5L), "_replica2part2dev[0] is a Long, not an array");
        assertRejected(d -> d.put("_last_part_moves", PyArray.of('B', 1, 2)), "_last_part_moves has 2 entries");
        assertRejected(d -> d.put("_last_part_gather_start", 256L), "_last_part_gather_start 256 out of range");
        assertRejected(
                d -> {
                    Map<String, Object> ghost = new LinkedHashMap<>();
                    ghost.put("id", 2L);
                    d.put("_remove_devs", List.of(ghost));
                },
                "_remove_devs[0] names device 2, not in devs");
    }

    private void assertRejected(Consumer<Map<Object, @Nullable Object>> corruption, String message) throws IOException {
        Path file = saved(busyBuilder());
        Map<Object, @Nullable Object> dict = load(file);
        corruption.accept(dict);
        write(file, dict);

        assertThatThrownBy(() -> RingBuilder.load(file))
                .as(message)
                .isInstanceOf(CorruptBuilderFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(message);
    }

    private Path saved(RingBuilder builder) throws IOException {
        Path file = Files.createTempFile(dir, "b", ".builder");
        builder.save(file);
        return file;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, @Nullable Object> load(Path file) throws IOException {
        try {
            return (Map<Object, @Nullable Object>) Objects.requireNonNull(PickleReader.load(Files.readAllBytes(file)));
        } catch (PickleException e) {
            throw new IOException(e);
        }
    }

    private static void write(Path file, Map<Object, @Nullable Object> dict) throws IOException {
        Files.write(file, PickleWriter.dumpProtocol2(dict));
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, @Nullable Object> deviceDict(Map<Object, @Nullable Object> dict, int id) {
        return (Map<Object, @Nullable Object>)
                Objects.requireNonNull(((List<?>) Objects.requireNonNull(dict.get("devs"))).get(id));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> rows(Map<Object, @Nullable Object> dict) {
        return (List<Object>) Objects.requireNonNull(dict.get("_replica2part2dev"));
    }

    static void assertSameRing(RingData actual, RingData expected) {
        assertThat(actual.devices()).isEqualTo(expected.devices());
        assertThat(actual.version()).isEqualTo(expected.version());
        assertThat(actual.partShift()).isEqualTo(expected.partShift());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (int r = 0; r < expected.rowCount(); r++) {
            assertThat(actual.row(r)).as("row %d", r).isEqualTo(expected.row(r));
        }
    }
}
