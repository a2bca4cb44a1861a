package io.cairn.ring.builder;

import static io.cairn.ring.builder.TestRings.device;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ring.RingData;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Swift's operational goals for a ring builder (reference §1.3, STYLE habit 12) as properties over random
 * layouts. Tries are sized so the class runs in a few seconds on a busy 2-core machine.
 */
class RingBuilderPropertiesTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** {@code layout[i]} = devices in zone i+1, each on its own server; weights cycle through {@code weights}. */
    private static RingBuilder build(int partPower, int replicas, List<Integer> layout, List<Integer> weights) {
        RingBuilder builder = RingBuilder.create(partPower, replicas, 0);
        int w = 0;
        for (int z = 0; z < layout.size(); z++) {
            for (int d = 0; d < layout.get(z); d++) {
                builder.addDevice(device(1, z + 1, d + 1, 0, weights.get(w++ % weights.size())));
            }
        }
        return builder;
    }

    private static int deviceCount(List<Integer> layout) {
        return layout.stream().mapToInt(Integer::intValue).sum();
    }

    @Property(tries = 40)
    void shouldPlaceEveryReplicaOnADistinctDevice(
            @ForAll @IntRange(min = 4, max = 9) int partPower,
            @ForAll @IntRange(min = 1, max = 4) int replicas,
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 4) Integer> layout,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 1000) Integer> weights) {
        if (deviceCount(layout) < replicas) {
            layout = List.of(replicas);
        }
        RingBuilder builder = build(partPower, replicas, layout, weights);

        builder.rebalance(T0);

        assertThat(TestRings.partitionsWithoutDistinctDevices(builder.toRingData(), replicas))
                .isZero();
    }

    @Property(tries = 30)
    void shouldNeverPutTwoReplicasInOneZoneWhenThereAreEnoughZones(
            @ForAll @IntRange(min = 4, max = 9) int partPower,
            @ForAll @IntRange(min = 1, max = 4) int replicas,
            @ForAll @IntRange(min = 0, max = 3) int extraZones,
            @ForAll @IntRange(min = 1, max = 3) int devicesPerZone,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 1000) Integer> weights) {
        int zones = replicas + extraZones;
        RingBuilder equal = build(partPower, replicas, nCopies(zones, devicesPerZone), List.of(100));
        RingBuilder unequal = build(partPower, replicas, nCopies(zones, devicesPerZone), weights);
        unequal.setOverload(100); // enough overload for full dispersion whatever the weights

        equal.rebalance(T0);
        unequal.rebalance(T0);

        assertThat(partitionsSharingAZone(equal.toRingData())).isZero();
        assertThat(partitionsSharingAZone(unequal.toRingData())).isZero();
        assertThat(unequal.report().dispersion()).isZero();
    }

    /**
     * Equal devices in equally sized zones: weights never fight dispersion, so Swift's balance reaches
     * ±1 %. (With unequal zones Swift 2.30.1 itself stays several % off, e.g. 7.8 % for zones of 1 and 3
     * devices at 3 replicas, because it keeps replicas apart before it balances.)
     */
    @Property(tries = 25)
    void shouldGiveEachEqualDeviceItsShareWithinOnePercent(
            @ForAll @IntRange(min = 10, max = 12) int partPower,
            @ForAll @IntRange(min = 1, max = 4) int replicas,
            @ForAll @IntRange(min = 1, max = 6) int zones,
            @ForAll @IntRange(min = 1, max = 4) int devicesPerZone) {
        int devices = zones * devicesPerZone;
        // 4+ devices, and each holding at least 100 partitions so that ±1 partition is within 1 %
        if (devices < 4 || devices < replicas || (replicas << partPower) / devices < 100) {
            return;
        }
        RingBuilder builder = build(partPower, replicas, nCopies(zones, devicesPerZone), List.of(100));

        RebalanceResult result = builder.rebalance(T0);

        assertThat(result.balance()).isLessThanOrEqualTo(1.0);
        for (BalanceReport.DeviceBalance d : builder.report().devices()) {
            assertThat(Math.abs(d.balance())).as("device %d", d.id()).isLessThanOrEqualTo(1.0);
        }
    }

    /**
     * Each device in its own zone, the new one in a new zone: the moves are the new device's share,
     * 1/(N+1) of the replica slots, within 5 % (+3 for rounding).
     */
    @Property(tries = 25)
    void shouldMoveOneNthWhenOneDeviceIsAdded(
            @ForAll @IntRange(min = 10, max = 11) int partPower,
            @ForAll @IntRange(min = 1, max = 3) int replicas,
            @ForAll @IntRange(min = 3, max = 12) int devices) {
        RingBuilder builder = build(partPower, replicas, nCopies(devices, 1), List.of(100));
        builder.rebalance(T0);
        RingData before = builder.toRingData();
        builder.addDevice(device(1, devices + 1, 1, 0, 100));

        RebalanceResult result = builder.rebalance(T0.plus(Duration.ofHours(1)));

        RingData after = builder.toRingData();
        double ideal = (double) (replicas << partPower) / (devices + 1);
        assertThat((double) result.partsMoved()).isBetween(ideal * 0.95 - 3, ideal * 1.05 + 3);
        assertThat(TestRings.changedSlots(before, after)).isEqualTo(result.partsMoved());
        assertThat(TestRings.maxReplicasMovedInOnePartition(before, after)).isLessThanOrEqualTo(1);
        assertThat(TestRings.partitionsWithoutDistinctDevices(after, replicas)).isZero();
    }

    /**
     * Any zone layout, the new device in any zone: at most one replica of a partition moves, and the
     * moves stay within twice the new device's share. The factor 2 is Swift's own behaviour: when the
     * new device makes zones unequal, Swift 2.30.1 re-disperses too and moves up to ~1.85× the share on
     * the same layouts (this builder matched it within 0.1 % on average over 242 layouts).
     */
    @Property(tries = 25)
    void shouldMoveAtMostOneReplicaPerPartitionWhenOneDeviceIsAdded(
            @ForAll @IntRange(min = 10, max = 11) int partPower,
            @ForAll @IntRange(min = 1, max = 3) int replicas,
            @ForAll @IntRange(min = 3, max = 6) int zones,
            @ForAll @IntRange(min = 1, max = 4) int devicesPerZone,
            @ForAll @IntRange(min = 0, max = 7) int zoneOfNewDevice) {
        RingBuilder builder = build(partPower, replicas, nCopies(zones, devicesPerZone), List.of(100));
        builder.rebalance(T0);
        RingData before = builder.toRingData();
        int n = zones * devicesPerZone;
        builder.addDevice(device(1, 1 + zoneOfNewDevice % (zones + 1), 9, 0, 100));

        RebalanceResult result = builder.rebalance(T0.plus(Duration.ofHours(1)));

        RingData after = builder.toRingData();
        double ideal = (double) (replicas << partPower) / (n + 1);
        assertThat((double) result.partsMoved()).isBetween(ideal * 0.95 - 3, ideal * 2);
        assertThat(TestRings.maxReplicasMovedInOnePartition(before, after)).isLessThanOrEqualTo(1);
        assertThat(TestRings.partitionsWithoutDistinctDevices(after, replicas)).isZero();
    }

    /**
     * A weight change moves at most twice the fewest moves any builder needs (Σ over devices of the
     * partitions they are short of), and at most one replica per partition. As above, the factor is
     * Swift's: it reshuffles some replicas among the other devices to keep them apart (measured on the
     * same grid, Swift 2.30.1 moves up to ~1.8× the bound, this builder the same within 0.1 % on average).
     */
    @Property(tries = 25)
    void shouldMoveNoMoreThanAWeightChangeRequires(
            @ForAll @IntRange(min = 9, max = 11) int partPower,
            @ForAll @IntRange(min = 1, max = 3) int replicas,
            @ForAll @IntRange(min = 3, max = 5) int zones,
            @ForAll @IntRange(min = 1, max = 3) int devicesPerZone,
            @ForAll @IntRange(min = 0, max = 14) int changedDevice,
            @ForAll @IntRange(min = 0, max = 300) int newWeight) {
        if (replicas > zones * devicesPerZone - 1) {
            return;
        }
        RingBuilder builder = build(partPower, replicas, nCopies(zones, devicesPerZone), List.of(100));
        builder.rebalance(T0);
        RingData before = builder.toRingData();
        builder.setWeight(changedDevice % (zones * devicesPerZone), newWeight);
        int required = 0;
        for (BalanceReport.DeviceBalance d : builder.report().devices()) {
            required += Math.max(0, d.wantedPartitions() - d.partitions());
        }

        RebalanceResult result = builder.rebalance(T0.plus(Duration.ofHours(1)));

        assertThat(result.partsMoved()).isLessThanOrEqualTo(2 * required + 3);
        assertThat(TestRings.maxReplicasMovedInOnePartition(before, builder.toRingData()))
                .isLessThanOrEqualTo(1);
    }

    @Property(tries = 15)
    void shouldNotMovePartitionsAgainWithinMinPartHours(
            @ForAll @IntRange(min = 8, max = 10) int partPower,
            @ForAll @IntRange(min = 1, max = 3) int replicas,
            @ForAll @IntRange(min = 3, max = 5) int zones,
            @ForAll @IntRange(min = 1, max = 24) int hoursTooSoon) {
        RingBuilder builder = TestRings.uniform(partPower, replicas, 24, zones, 1, 2);
        builder.rebalance(T0);
        builder.addDevice(device(1, 1, 7, 0, 100));
        Instant firstMove = T0.plus(Duration.ofHours(25));
        RingData beforeFirst = builder.toRingData();
        builder.rebalance(firstMove);
        RingData afterFirst = builder.toRingData();
        Set<Integer> movedFirst = TestRings.movedPartitions(beforeFirst, afterFirst);
        builder.addDevice(device(1, 2, 7, 0, 300));

        builder.rebalance(firstMove.plus(Duration.ofHours(24 - hoursTooSoon)));
        RingData afterSecond = builder.toRingData();
        Set<Integer> movedSecond = TestRings.movedPartitions(afterFirst, afterSecond);
        builder.rebalance(firstMove.plus(Duration.ofDays(2)));
        Set<Integer> movedThird = TestRings.movedPartitions(afterSecond, builder.toRingData());

        assertThat(movedFirst).isNotEmpty();
        Set<Integer> again = new HashSet<>(movedSecond);
        again.retainAll(movedFirst);
        assertThat(again).as("partitions moved twice within min_part_hours").isEmpty();
        Set<Integer> later = new HashSet<>(movedThird);
        later.retainAll(movedFirst);
        assertThat(later)
                .as("partitions of the first move may move once min_part_hours passed")
                .isNotEmpty();
    }

    private static List<Integer> nCopies(int n, int value) {
        return java.util.Collections.nCopies(n, value);
    }

    private static int partitionsSharingAZone(RingData ring) {
        int bad = 0;
        for (int p = 0; p < ring.partitionCount(); p++) {
            Set<Integer> zones = new HashSet<>();
            int replicas = 0;
            for (int r = 0; r < ring.rowCount(); r++) {
                var device = ring.devices().get(ring.deviceId(r, p));
                zones.add(device == null ? -1 : device.zone());
                replicas++;
            }
            if (zones.size() != replicas) {
                bad++;
            }
        }
        return bad;
    }
}
