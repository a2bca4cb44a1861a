package io.cairn.ring.builder;

import io.cairn.ring.RingData;
import java.util.HashSet;
import java.util.Set;

/** Fixtures and checks shared by the builder tests. */
final class TestRings {
    private TestRings() {}

    /** A device in region {@code region}, zone {@code zone}, server {@code 10.<region>.<zone>.<server>}. */
    static DeviceSpec device(int region, int zone, int server, int disk, double weight) {
        return new DeviceSpec(
                region,
                zone,
                "10." + region + "." + zone + "." + server,
                6200,
                "10." + region + "." + zone + "." + server,
                6200,
                "sd" + (char) ('a' + disk),
                weight,
                "");
    }

    /** {@code zones} zones × {@code serversPerZone} servers × {@code disksPerServer} disks, all weight 100. */
    static RingBuilder uniform(
            int partPower, double replicas, int minPartHours, int zones, int serversPerZone, int disksPerServer) {
        RingBuilder builder = RingBuilder.create(partPower, replicas, minPartHours);
        for (int z = 1; z <= zones; z++) {
            for (int s = 1; s <= serversPerZone; s++) {
                for (int d = 0; d < disksPerServer; d++) {
                    builder.addDevice(device(1, z, s, d, 100));
                }
            }
        }
        return builder;
    }

    /** Number of partitions whose replicas are not on {@code replicas} distinct devices. */
    static int partitionsWithoutDistinctDevices(RingData ring, int replicas) {
        int bad = 0;
        Set<Integer> seen = new HashSet<>();
        for (int p = 0; p < ring.partitionCount(); p++) {
            seen.clear();
            for (int r = 0; r < ring.rowCount(); r++) {
                if (p < ring.rowLength(r)) {
                    seen.add(ring.deviceId(r, p));
                }
            }
            if (seen.size() != replicas) {
                bad++;
            }
        }
        return bad;
    }

    /** Replica slots whose device differs between two rings of the same shape. */
    static int changedSlots(RingData before, RingData after) {
        int changed = 0;
        for (int r = 0; r < after.rowCount(); r++) {
            for (int p = 0; p < after.rowLength(r); p++) {
                if (r >= before.rowCount()
                        || p >= before.rowLength(r)
                        || before.deviceId(r, p) != after.deviceId(r, p)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /** The largest number of replicas of one partition that changed device between two rings. */
    static int maxReplicasMovedInOnePartition(RingData before, RingData after) {
        int max = 0;
        for (int p = 0; p < after.partitionCount(); p++) {
            int moved = 0;
            for (int r = 0; r < after.rowCount(); r++) {
                if (p < after.rowLength(r) && before.deviceId(r, p) != after.deviceId(r, p)) {
                    moved++;
                }
            }
            max = Math.max(max, moved);
        }
        return max;
    }

    /** Set of partitions with at least one replica whose device changed. */
    static Set<Integer> movedPartitions(RingData before, RingData after) {
        Set<Integer> moved = new HashSet<>();
        for (int r = 0; r < after.rowCount(); r++) {
            for (int p = 0; p < after.rowLength(r); p++) {
                if (before.deviceId(r, p) != after.deviceId(r, p)) {
                    moved.add(p);
                }
            }
        }
        return moved;
    }
}
