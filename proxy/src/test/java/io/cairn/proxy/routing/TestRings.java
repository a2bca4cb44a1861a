package io.cairn.proxy.routing;

import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.cairn.ring.RingData;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small rings for tests: 3 replicas over {@code devices} devices on loopback ports. */
public final class TestRings {
    private TestRings() {}

    /**
     * A ring of part power 2 (4 partitions) whose partition {@code p} has primaries {@code p, p+1, p+2}
     * (mod device count): every device holds partitions, so every device can be a handoff.
     */
    public static Ring ring(int[] ports, String ip) {
        int n = ports.length;
        List<@Nullable Device> devs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            devs.add(new Device(i, 1, i % 4 + 1, ip, ports[i], ip, ports[i], "sdb" + (i + 1), 1.0, ""));
        }
        int parts = 4;
        int[][] rows = new int[3][parts];
        for (int r = 0; r < 3; r++) {
            for (int p = 0; p < parts; p++) {
                rows[r][p] = (p + r) % n;
            }
        }
        return new Ring(new RingData(devs, rows, 30, 1L, null));
    }
}
