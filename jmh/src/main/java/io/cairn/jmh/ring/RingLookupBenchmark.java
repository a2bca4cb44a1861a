package io.cairn.jmh.ring;

import io.cairn.common.path.HashPath;
import io.cairn.jmh.ThroughputBenchmark;
import io.cairn.ring.Ring;
import io.cairn.ring.builder.DeviceSpec;
import io.cairn.ring.builder.RingBuilder;
import java.time.Instant;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@code Ring} lookups on a part-power-16, 3-replica ring of 48 devices in 3 regions: what a proxy does
 * per request (partition of a name, its primaries, a few handoffs). Should allocate nothing per op.
 */
public class RingLookupBenchmark extends ThroughputBenchmark {
    private final HashPath hashPath = HashPath.of("cairn-prefix", "cairn-suffix");
    private final int[] nodes = new int[8];
    private final byte[] md5 = new byte[16];
    private Ring ring;
    private int counter;

    @Setup
    public void buildRing() {
        RingBuilder builder = RingBuilder.create(16, 3, 1);
        for (int region = 1; region <= 3; region++) {
            for (int zone = 1; zone <= 4; zone++) {
                for (int dev = 0; dev < 4; dev++) {
                    builder.addDevice(DeviceSpec.parse(
                            "r" + region + "z" + zone + "-10." + region + "." + zone + ".1:6200/d" + dev, 100));
                }
            }
        }
        builder.rebalance(Instant.parse("2026-11-26T00:00:00Z"));
        ring = new Ring(builder.toRingData());
    }

    @Benchmark
    public int partitionOfObject() {
        return ring.partition(hashPath, "AUTH_test", "photos", "2026/11/26/IMG_0042.jpg");
    }

    @Benchmark
    public int primariesOfPartition() {
        int part = (counter++) & 0xFFFF;
        return ring.primaryIds(part, nodes);
    }

    @Benchmark
    public int nameToPrimaries() {
        hashPath.hashInto("AUTH_test", "photos", "2026/11/26/IMG_0042.jpg", md5, 0);
        return ring.primaryIds(ring.partition(md5, 0), nodes);
    }

    @Benchmark
    public int firstThreeHandoffs() {
        int part = (counter++) & 0xFFFF;
        return ring.handoffIds(part, nodes, 3);
    }
}
