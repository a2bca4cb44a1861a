package io.cairn.ring.builder;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.Json;
import io.cairn.common.testing.Python;
import io.cairn.common.testing.SwiftRingBuilder;
import io.cairn.ring.Device;
import io.cairn.ring.RingData;
import io.cairn.ring.TestScripts;
import io.cairn.ring.format.RingFileReader;
import io.cairn.ring.format.RingFileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builder files between Cairn and Debian's Swift 2.30.1, both ways: the real {@code swift-ring-builder} opens,
 * lists, extends and rebalances what {@link RingBuilder#save} wrote, and {@link RingBuilder#load} reads, edits and
 * rebalances what {@code swift-ring-builder} wrote — including the rebalance state ({@code min_part_hours}, hours
 * since each partition moved, their epoch, pending removals), which must hold across the tools. {@code
 * swift_builder_dump.py} shows each file as Swift's {@code RingBuilder.load} sees it, with Swift's own checks
 * ({@code validate()}, the dispersion graph recomputed from the rows).
 *
 * <p>Swift reads the clock itself, so these tests use the real time.
 */
class SwiftBuilderFileIT {
    @TempDir
    Path dir;

    @Test
    void shouldOpenInSwiftWithEverythingCairnWrote() throws Exception {
        Path file = dir.resolve("object.builder");
        RingBuilder builder = RingBuilder.create(8, 2.5, 1);
        String[] devices = {
            "r1z1-127.0.0.1:6200/sda", "r1z1-127.0.0.1:6200/sdb", "r1z2-127.0.0.2:6200R10.0.0.2:6300/sda_spare",
            "r1z2-127.0.0.2:6200/sdb", "r1z3-127.0.0.3:6200/sda", "r2z1-[fe80::1]:6200R[fe80::2]:6300/sdz_m\u00e9ta",
            "r2z2-127.0.1.2:6200/sda"
        };
        for (int i = 0; i < devices.length; i++) {
            builder.addDevice(DeviceSpec.parse(devices[i], 100 + 25 * (i % 3)));
        }
        builder.setOverload(0.1);
        builder.rebalance(Instant.now());
        builder.removeDevice(2);
        builder.setWeight(3, 50);
        builder.save(file);

        Map<?, ?> swift = dump(file).get(0);

        assertSwiftSeesCairnsState(swift, BuilderFile.read(file));
        assertThat(swift.get("validate")).isEqualTo("ok");
        assertThat(swift.get("graph_same"))
                .as("dispersion graph as Swift computes it")
                .isEqualTo(true);
        assertThat(swift.get("graph_order_same")).isEqualTo(true);
        assertThat(swift.get("dispersion_same")).isEqualTo(true);
        assertThat(swift.get("remove_devs_shared")).isEqualTo(true);
        assertThat(swift.get("row_typecodes")).isEqualTo(List.of("H"));
        assertThat(swift.get("last_part_moves_typecode")).isEqualTo("B");
        SwiftRingBuilder.Result list = SwiftRingBuilder.run(file);
        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output())
                .contains("id " + builder.id())
                .contains("256 partitions, 2.500000 replicas, 2 regions, 5 zones, 7 devices")
                .contains("m\u00e9ta")
                .containsPattern("2 +1 +2 +127\\.0\\.0\\.2:6200 +10\\.0\\.0\\.2:6300 +sda +0\\.00 .* DEL");
    }

    @Test
    void shouldExtendAndRebalanceInSwiftAndReadItBackWhenCairnWroteTheBuilder() throws Exception {
        Path file = dir.resolve("object.builder");
        RingBuilder builder = RingBuilder.create(8, 3, 1);
        for (int zone = 1; zone <= 3; zone++) {
            builder.addDevice(DeviceSpec.parse("r1z" + zone + "-127.0.0." + zone + ":6200/sda", 100));
            builder.addDevice(DeviceSpec.parse("r1z" + zone + "-127.0.0." + zone + ":6200/sdb", 100));
        }
        builder.rebalance(Instant.now());
        builder.save(file);

        assertThat(SwiftRingBuilder.run(file, "add", "r1z4-127.0.0.4:6200/sda", "100")
                        .exitCode())
                .isZero();
        // Cairn just moved every partition: Swift must see that through the hours and their epoch
        SwiftRingBuilder.Result refused = SwiftRingBuilder.run(file, "rebalance");
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output())
                .contains("No partitions could be reassigned")
                .contains("min_part_hours: 1 hours");
        SwiftRingBuilder.run(file, "pretend_min_part_hours_passed").succeeded();
        SwiftRingBuilder.run(file, "rebalance").succeeded();

        // Swift's ring, Swift's builder and Cairn's reading of that builder agree
        RingData swiftRing = RingFileReader.read(dir.resolve("object.ring.gz"));
        Map<?, ?> swift = dump(file).get(0);
        BuilderState state = BuilderFile.read(file);
        assertSwiftSeesCairnsState(swift, state);
        RingBuilder loaded = RingBuilder.load(file);
        BuilderFileTest.assertSameRing(loaded.toRingData(), swiftRing);
        assertThat(loaded.devices()).hasSize(7);

        // Cairn honours the hours Swift recorded: only partitions Swift did not just move may move
        int[][] before = rows(loaded.toRingData());
        loaded.setWeight(6, 300);
        loaded.rebalance(Instant.now());
        int[][] after = rows(loaded.toRingData());
        List<?> hours = (List<?>) Objects.requireNonNull(swift.get("last_part_moves"));
        int moved = 0;
        for (int p = 0; p < before[0].length; p++) {
            boolean changed = false;
            for (int r = 0; r < before.length; r++) {
                changed |= before[r][p] != after[r][p];
            }
            if (changed) {
                moved++;
                assertThat((Long) hours.get(p))
                        .as("partition %d moved again", p)
                        .isGreaterThanOrEqualTo(1L);
            }
        }
        assertThat(moved).isPositive();
        loaded.save(file);

        Map<?, ?> again = dump(file).get(0);
        assertThat(again.get("validate")).isEqualTo("ok");
        assertThat(again.get("graph_same")).isEqualTo(true);
        assertThat(again.get("id")).isEqualTo(swift.get("id"));
        assertThat(SwiftRingBuilder.run(file).exitCode()).isZero();
    }

    @Test
    void shouldLoadEditAndRebalanceInCairnWhenSwiftWroteTheBuilder() throws Exception {
        Path file = dir.resolve("swift.builder");
        SwiftRingBuilder.run(file, "create", "8", "3", "1").succeeded();
        String[] devices = {
            "r1z1-127.0.0.1:6200/sda",
            "r1z1-127.0.0.1:6200/sdb",
            "r1z2-127.0.0.2:6200R10.0.0.2:6300/sda_spare disk",
            "r1z2-127.0.0.2:6200/sdb",
            "r1z3-[fe80::3]:6200/sda",
            "r2z1-127.0.1.1:6200/sda"
        };
        for (String d : devices) {
            SwiftRingBuilder.run(file, "add", d, "100").succeeded();
        }
        SwiftRingBuilder.run(file, "rebalance").succeeded();
        SwiftRingBuilder.run(file, "remove", "d1").succeeded();
        SwiftRingBuilder.run(file, "set_weight", "d3", "50").succeeded();

        Map<?, ?> swift = dump(file).get(0);
        BuilderState state = BuilderFile.read(file);
        assertSwiftSeesCairnsState(swift, state);
        RingBuilder loaded = RingBuilder.load(file);
        assertThat(loaded.id()).isEqualTo(swift.get("id"));
        assertThat(loaded.devices().get(2).meta()).isEqualTo("spare disk");
        assertThat(loaded.devices().get(4).ip()).isEqualTo("fe80::3");
        // the ring Swift wrote at its rebalance (before the removal and the new weight) has the same assignment
        assertThat(rows(loaded.toRingData())).isEqualTo(rows(RingFileReader.read(dir.resolve("swift.ring.gz"))));

        int added = loaded.addDevice(DeviceSpec.parse("r2z2-127.0.1.2:6200/sda", 100));
        loaded.setWeight(4, 80);
        loaded.pretendMinPartHoursPassed();
        RebalanceResult result = loaded.rebalance(Instant.now());
        assertThat(result.partsMoved()).isPositive();
        RingData ring = loaded.toRingData();
        assertThat(ring.devices().get(1))
                .as("the removal Swift recorded is carried out")
                .isNull();
        for (int r = 0; r < ring.rowCount(); r++) {
            assertThat(ring.row(r)).doesNotContain(1);
        }
        loaded.save(file);

        Map<?, ?> after = dump(file).get(0);
        assertSwiftSeesCairnsState(after, BuilderFile.read(file));
        assertThat(after.get("validate")).isEqualTo("ok");
        assertThat(after.get("graph_same")).isEqualTo(true);
        assertThat(after.get("dispersion_same")).isEqualTo(true);
        assertThat(after.get("remove_devs")).isEqualTo(List.of());
        assertThat(after.get("id")).isEqualTo(swift.get("id"));
        assertThat(after.get("min_part_seconds_left")).isNotEqualTo(0L);
        SwiftRingBuilder.Result list = SwiftRingBuilder.run(file);
        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output()).contains("127.0.1.2:6200").doesNotContain("DEL");
        // and Swift carries on from Cairn's rebalance
        SwiftRingBuilder.run(file, "set_weight", "d" + added, "150").succeeded();
        SwiftRingBuilder.run(file, "pretend_min_part_hours_passed").succeeded();
        SwiftRingBuilder.run(file, "rebalance").succeeded();
        BuilderFileTest.assertSameRing(
                RingBuilder.load(file).toRingData(), RingFileReader.read(dir.resolve("swift.ring.gz")));
    }

    @Test
    void shouldMoveNothingInCairnThatSwiftMovedWithinMinPartHours() throws Exception {
        Path file = dir.resolve("swift.builder");
        SwiftRingBuilder.run(file, "create", "6", "3", "24").succeeded();
        for (int zone = 1; zone <= 4; zone++) {
            SwiftRingBuilder.run(file, "add", "r1z" + zone + "-127.0.0." + zone + ":6200/sda", "100")
                    .succeeded();
        }
        SwiftRingBuilder.run(file, "rebalance").succeeded();

        RingBuilder loaded = RingBuilder.load(file);
        loaded.addDevice(DeviceSpec.parse("r1z5-127.0.0.5:6200/sda", 100));
        Instant now = Instant.now();
        RebalanceResult result = loaded.rebalance(now);

        assertThat(result.partsMoved()).isZero();
        assertThat(loaded.minPartSecondsLeft(now)).isGreaterThan(23 * 3600L);
        loaded.pretendMinPartHoursPassed();
        assertThat(loaded.rebalance(now).partsMoved()).isPositive();
    }

    @Test
    void shouldOpenInSwiftWhenAnOldCairnFileWasLoadedAndSaved() throws Exception {
        Path file = dir.resolve("old.builder");
        try (InputStream in =
                Objects.requireNonNull(getClass().getResourceAsStream("/io/cairn/ring/builder/cairn-v1.builder"))) {
            Files.write(file, in.readAllBytes());
        }
        assertThat(SwiftRingBuilder.run(file).exitCode())
                .as("Swift cannot read Cairn's old format")
                .isEqualTo(2);

        RingBuilder.load(file).save(file);

        Map<?, ?> swift = dump(file).get(0);
        assertSwiftSeesCairnsState(swift, BuilderFile.read(file));
        assertThat(swift.get("validate")).isEqualTo("ok");
        assertThat(swift.get("graph_same")).isEqualTo(true);
        assertThat(swift.get("remove_devs")).isEqualTo(List.of(3L));
        assertThat(SwiftRingBuilder.run(file).exitCode()).isZero();
    }

    @Test
    void shouldLoadWhatSwiftRecreatedFromARingWithWriteBuilder() throws Exception {
        RingBuilder builder = RingBuilder.create(7, 3, 1);
        for (int zone = 1; zone <= 4; zone++) {
            builder.addDevice(DeviceSpec.parse("r1z" + zone + "-127.0.0." + zone + ":6200/sda", 100));
        }
        builder.rebalance(Instant.now());
        Path ring = dir.resolve("lost.ring.gz");
        RingFileWriter.writeV1(builder.toRingData(), ring);

        SwiftRingBuilder.run(ring, "write_builder", "1").succeeded();

        RingBuilder recreated = RingBuilder.load(dir.resolve("lost.builder"));
        BuilderFileTest.assertSameRing(recreated.toRingData(), builder.toRingData());
        assertThat(recreated.minPartHours()).isEqualTo(1);
        assertThat(recreated.minPartSecondsLeft(Instant.now()))
                .as("write_builder forgets the hours")
                .isZero();
    }

    /** Every field Swift loaded equals what Cairn holds. */
    private static void assertSwiftSeesCairnsState(Map<?, ?> swift, BuilderState s) {
        assertThat(swift.get("part_power")).isEqualTo((long) s.partPower);
        assertThat(swift.get("next_part_power")).isNull();
        assertThat(((Number) Objects.requireNonNull(swift.get("replicas"))).doubleValue())
                .isEqualTo(s.replicas);
        assertThat(swift.get("min_part_hours")).isEqualTo((long) s.minPartHours);
        assertThat(swift.get("parts")).isEqualTo((long) s.partitionCount());
        assertThat(swift.get("devs_changed")).isEqualTo(s.devicesChanged);
        assertThat(swift.get("version")).isEqualTo(s.version);
        assertThat(((Number) Objects.requireNonNull(swift.get("overload"))).doubleValue())
                .isEqualTo(s.overload);
        assertThat(swift.get("id")).isEqualTo(s.id);
        assertThat(swift.get("last_part_moves_epoch")).isEqualTo(s.lastPartMovesEpochSecond);
        assertThat(swift.get("last_part_gather_start")).isEqualTo((long) s.lastPartGatherStart);
        List<Long> hours = new ArrayList<>();
        for (byte h : s.lastPartMoves) {
            hours.add((long) (h & 0xFF));
        }
        assertThat(swift.get("last_part_moves")).isEqualTo(hours);
        int[][] rows = s.rows;
        if (rows == null) {
            assertThat(swift.get("rows")).isNull();
        } else {
            List<List<Long>> expected = new ArrayList<>();
            for (int[] row : rows) {
                List<Long> list = new ArrayList<>();
                for (int dev : row) {
                    list.add((long) dev);
                }
                expected.add(list);
            }
            assertThat(swift.get("rows")).isEqualTo(expected);
        }
        List<?> devs = (List<?>) Objects.requireNonNull(swift.get("devs"));
        assertThat(devs).hasSize(s.devices.size());
        BitSet removing = new BitSet();
        for (Object id : (List<?>) Objects.requireNonNull(swift.get("remove_devs"))) {
            removing.set(((Long) id).intValue());
        }
        assertThat(removing).isEqualTo(s.removing);
        for (int id = 0; id < devs.size(); id++) {
            Device d = s.devices.get(id);
            Map<?, ?> dev = (Map<?, ?>) devs.get(id);
            if (d == null) {
                assertThat(dev).as("device %d", id).isNull();
                continue;
            }
            assertThat(dev).as("device %d", id).isNotNull();
            Map<?, ?> swiftDev = Objects.requireNonNull(dev);
            assertThat(swiftDev.get("id")).isEqualTo((long) id);
            assertThat(swiftDev.get("region")).isEqualTo((long) d.region());
            assertThat(swiftDev.get("zone")).isEqualTo((long) d.zone());
            assertThat(swiftDev.get("ip")).isEqualTo(d.ip());
            assertThat(swiftDev.get("port")).isEqualTo((long) d.port());
            assertThat(swiftDev.get("replication_ip")).isEqualTo(d.replicationIp());
            assertThat(swiftDev.get("replication_port")).isEqualTo((long) d.replicationPort());
            assertThat(swiftDev.get("device")).isEqualTo(d.device());
            assertThat(((Number) Objects.requireNonNull(swiftDev.get("weight"))).doubleValue())
                    .isEqualTo(d.weight());
            assertThat(swiftDev.get("meta")).isEqualTo(d.meta());
            assertThat(swiftDev.get("parts")).as("parts of device %d", id).isEqualTo((long) held(rows, id));
        }
    }

    private static int held(int @Nullable [][] rows, int id) {
        int n = 0;
        if (rows != null) {
            for (int[] row : rows) {
                for (int dev : row) {
                    n += dev == id ? 1 : 0;
                }
            }
        }
        return n;
    }

    private static int[][] rows(RingData ring) {
        int[][] rows = new int[ring.rowCount()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = ring.row(r);
        }
        return rows;
    }

    /** Each file as Swift's RingBuilder.load sees it, one JSON object per file. */
    private static List<Map<?, ?>> dump(Path... files) throws Json.JsonException, IOException {
        String[] args = new String[files.length];
        for (int i = 0; i < files.length; i++) {
            args[i] = files[i].toString();
        }
        String out = Python.runText(TestScripts.load("/io/cairn/ring/builder/swift_builder_dump.py"), args);
        List<Map<?, ?>> result = new ArrayList<>();
        for (String line : out.lines().toList()) {
            result.add((Map<?, ?>) Objects.requireNonNull(Json.parse(line)));
        }
        assertThat(result).hasSize(files.length);
        return result;
    }
}
