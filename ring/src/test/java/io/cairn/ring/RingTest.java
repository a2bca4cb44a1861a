package io.cairn.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.path.HashPath;
import io.cairn.ring.format.RingDataSamples;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RingTest {
    private static Device dev(int id, int region, int zone, String ip) {
        return new Device(id, region, zone, ip, 6200, ip, 6200, "d" + id, 1.0, "");
    }

    @Test
    void shouldTakeTheTopPartPowerBitsOfTheDigestBigEndian() {
        List<@Nullable Device> devs = List.of(dev(0, 1, 1, "a"));
        Ring pp8 = new Ring(new RingData(devs, new int[][] {new int[256]}, 24, null, null));
        byte[] md5 = {0, (byte) 0xAB, (byte) 0xCD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThat(pp8.partition(md5, 1)).isEqualTo(0xAB);
        assertThat(pp8.partition(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, 0))
                .isEqualTo(255);
        Ring pp0 = new Ring(new RingData(devs, new int[][] {{0}}, 32, null, null));
        assertThat(pp0.partition(new byte[] {(byte) 0xFF, 1, 2, 3}, 0)).isZero();
        assertThat(pp0.partitionCount()).isEqualTo(1);
    }

    @Test
    void shouldHashThePathWithTheClusterSaltWhenGivenNames() throws Exception {
        Ring ring = new Ring(RingDataSamples.random(new Random(1), 10, 3, 8));
        HashPath hash = HashPath.of("pre", "suf");
        byte[] expected = MessageDigest.getInstance("MD5")
                .digest("pre/a/c/o\u00e9suf".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ring.partition(hash, "a", "c", "o\u00e9")).isEqualTo(ring.partition(expected, 0));
    }

    @Test
    void shouldListEachPrimaryOnceInReplicaOrderWhenADeviceHoldsTwoReplicas() {
        List<@Nullable Device> devs = new ArrayList<>(List.of(dev(0, 1, 1, "a"), dev(1, 1, 2, "b")));
        devs.add(null);
        devs.add(dev(3, 1, 3, "c"));
        int[][] rows = {{3, 0, 1, 1}, {0, 0, 3, 0}, {1, 3}};
        Ring ring = new Ring(new RingData(devs, rows, 30, 5L, null));
        int[] out = new int[3];
        assertThat(Arrays.copyOf(out, ring.primaryIds(0, out))).containsExactly(3, 0, 1);
        assertThat(Arrays.copyOf(out, ring.primaryIds(1, out))).containsExactly(0, 3);
        assertThat(Arrays.copyOf(out, ring.primaryIds(2, out))).containsExactly(1, 3);
        assertThat(Arrays.copyOf(out, ring.primaryIds(3, out))).containsExactly(1, 0);
        assertThat(ring.primaries(1)).extracting(Device::id).containsExactly(0, 3);
        assertThat(ring.replicaCount()).isEqualTo(2.5);
        assertThat(ring.replicaRows()).isEqualTo(3);
        assertThat(ring.version()).isEqualTo(5L);
        assertThat(ring.device(3).ip()).isEqualTo("c");
        assertThatThrownBy(() -> ring.device(2)).hasMessageContaining("no device with id 2");
        assertThatThrownBy(() -> ring.device(9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.primaryIds(4, out)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ring.handoffs(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldRefuseRingDataThatPointsAtMissingDevices() {
        List<@Nullable Device> devs = new ArrayList<>(List.of(dev(0, 1, 1, "a")));
        devs.add(null);
        assertThatThrownBy(() -> new Ring(new RingData(devs, new int[][] {{0, 1}}, 31, null, null)))
                .hasMessageContaining("device 1, which does not exist");
        assertThatThrownBy(() -> new Ring(new RingData(devs, new int[][] {{0}}, 31, null, null)))
                .hasMessageContaining("row 0 has 1 entries, part power 1 needs 2");
        assertThatThrownBy(() -> new Ring(new RingData(devs, new int[0][], 31, null, null)))
                .hasMessageContaining("no replica rows");
    }

    @Test
    void shouldYieldHandoffsInTheOrderOfALiteralPortOfSwiftWhenRingsAreRandom() {
        Random random = new Random(11);
        int[] ids = new int[256];
        for (int i = 0; i < 60; i++) {
            int partPower = i % 10 == 0 ? 17 : 1 + random.nextInt(9);
            RingData data =
                    RingDataSamples.random(random, partPower, 1 + random.nextInt(12) / 4.0, 5 + random.nextInt(40));
            Ring ring = new Ring(data);
            for (int k = 0; k < 20; k++) {
                int part = random.nextInt(ring.partitionCount());
                List<Integer> expected = SwiftHandoffs.of(data, part);
                int n = ring.handoffIds(part, ids, ids.length);
                assertThat(Arrays.stream(ids, 0, n).boxed().toList())
                        .as("ring %d part %d", i, part)
                        .isEqualTo(expected);
                List<Integer> lazily = new ArrayList<>();
                ring.handoffs(part).forEachRemaining(d -> lazily.add(d.id()));
                assertThat(lazily).isEqualTo(expected);
                assertThat(ring.handoffIds(part, ids, 2)).isEqualTo(Math.min(2, expected.size()));
            }
        }
    }

    @Test
    void shouldEndTheIteratorWhenEveryAssignedDeviceWasUsed() {
        List<@Nullable Device> devs = List.of(dev(0, 1, 1, "a"), dev(1, 1, 1, "a"), dev(2, 2, 1, "b"));
        Ring ring = new Ring(new RingData(devs, new int[][] {{0, 1}, {2, 2}}, 31, null, null));
        HandoffIterator it = ring.handoffs(0);
        assertThat(it.nextId()).isEqualTo(1);
        assertThat(it.hasNext()).isFalse();
        assertThat(it.nextId()).isEqualTo(-1);
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        assertThat(ring.assignedDeviceCount()).isEqualTo(3);
    }

    @Test
    void shouldNotAllocateOnLookupsWhenWarm() {
        Ring ring = new Ring(RingDataSamples.random(new Random(3), 12, 3, 40));
        HashPath hash = HashPath.of("pre", "suf");
        int[] primaries = new int[ring.replicaRows()];
        int[] handoffs = new int[8];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < 2; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 20_000; i++) {
                int part = ring.partition(hash, "AUTH_test", "c", "object");
                sink += ring.primaryIds(part, primaries);
                sink += ring.handoffIds(i & (ring.partitionCount() - 1), handoffs, handoffs.length);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (round == 1) {
                // the first round warms up (thread-local scratch, JIT); the second must allocate nothing
                assertThat(allocated)
                        .as("bytes allocated by 20,000 warm lookups")
                        .isLessThan(1024);
            }
        }
        assertThat(sink).isPositive();
    }

    /** A literal port of Swift 2.30.1's get_more_nodes with sets, to check the primitive state machine. */
    private static final class SwiftHandoffs {
        static List<Integer> of(RingData data, int part) {
            List<@Nullable Device> devs = data.devices();
            Set<Integer> withParts = new HashSet<>();
            for (int r = 0; r < data.rowCount(); r++) {
                for (int id : data.row(r)) {
                    withParts.add(id);
                }
            }
            Set<Object> regions = new HashSet<>();
            Set<Object> zones = new HashSet<>();
            Set<Object> ips = new HashSet<>();
            for (int id : withParts) {
                Device d = devs.get(id);
                regions.add(d.region());
                zones.add(List.of(d.region(), d.zone()));
                ips.add(List.of(d.region(), d.zone(), d.ip()));
            }
            Set<Integer> used = new HashSet<>();
            Set<Object> sameRegions = new HashSet<>();
            Set<Object> sameZones = new HashSet<>();
            Set<Object> sameIps = new HashSet<>();
            for (int r = 0; r < data.rowCount(); r++) {
                if (part < data.rowLength(r)) {
                    Device d = devs.get(data.deviceId(r, part));
                    used.add(d.id());
                    sameRegions.add(d.region());
                    sameZones.add(List.of(d.region(), d.zone()));
                    sameIps.add(List.of(d.region(), d.zone(), d.ip()));
                }
            }
            int parts = data.rowLength(0);
            int start = startOf(part, data.partShift());
            List<Integer> order = scanOrder(parts, start, Math.max(parts / 65536, 1));
            List<Set<Object>> sets = List.of(sameRegions, regions, sameZones, zones, sameIps, ips);
            List<Integer> out = new ArrayList<>();
            for (int pass = 0; pass < 4; pass++) {
                for (int hp : order) {
                    if (done(pass, used, withParts, sets)) {
                        break;
                    }
                    for (int r = 0; r < data.rowCount(); r++) {
                        if (hp >= data.rowLength(r)) {
                            continue;
                        }
                        Device d = devs.get(data.deviceId(r, hp));
                        if (fresh(pass, d, used, sameRegions, sameZones, sameIps)) {
                            out.add(d.id());
                            take(pass, d, used, sameRegions, sameZones, sameIps);
                            if (done(pass, used, withParts, sets)) {
                                break;
                            }
                        }
                    }
                }
            }
            return out;
        }

        private static List<Integer> scanOrder(int parts, int start, int inc) {
            List<Integer> order = new ArrayList<>();
            for (int p = start; p < parts; p += inc) {
                order.add(p);
            }
            for (int p = inc - ((parts - start) % inc); p < start; p += inc) {
                order.add(p);
            }
            return order;
        }

        private static boolean fresh(
                int pass, Device d, Set<Integer> used, Set<Object> regions, Set<Object> zones, Set<Object> ips) {
            return !used.contains(d.id())
                    && switch (pass) {
                        case 0 -> !regions.contains(d.region());
                        case 1 -> !zones.contains(List.of(d.region(), d.zone()));
                        case 2 -> !ips.contains(List.of(d.region(), d.zone(), d.ip()));
                        default -> true;
                    };
        }

        private static void take(
                int pass, Device d, Set<Integer> used, Set<Object> regions, Set<Object> zones, Set<Object> ips) {
            used.add(d.id());
            if (pass == 0) {
                regions.add(d.region());
            }
            if (pass <= 1) {
                zones.add(List.of(d.region(), d.zone()));
            }
            if (pass <= 2) {
                ips.add(List.of(d.region(), d.zone(), d.ip()));
            }
        }

        /** {@code sets}: same regions, all regions, same zones, all zones, same ips, all ips. */
        private static boolean done(int pass, Set<Integer> used, Set<Integer> withParts, List<Set<Object>> sets) {
            return pass < 3
                    ? sets.get(2 * pass).size() == sets.get(2 * pass + 1).size()
                    : used.size() == withParts.size();
        }

        private static int startOf(int part, int partShift) {
            try {
                byte[] md5 = MessageDigest.getInstance("MD5")
                        .digest(Integer.toString(part).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                long top = ((md5[0] & 0xFFL) << 24)
                        | ((md5[1] & 0xFFL) << 16)
                        | ((md5[2] & 0xFFL) << 8)
                        | (md5[3] & 0xFFL);
                return (int) (top >>> partShift);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
