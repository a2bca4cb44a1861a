package io.cairn.ring.format;

import io.cairn.ring.Device;
import io.cairn.ring.RingData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/** Random valid rings for round-trip tests (not balanced: any assignment a ring file can hold). */
public final class RingDataSamples {
    private RingDataSamples() {}

    public static RingData random(Random random, int partPower, double replicas, int deviceSlots) {
        List<@Nullable Device> devs = new ArrayList<>();
        List<Integer> live = new ArrayList<>();
        for (int id = 0; id < deviceSlots; id++) {
            if (id > 0 && random.nextInt(6) == 0) {
                devs.add(null);
                continue;
            }
            int region = 1 + random.nextInt(3);
            String ip = "10." + region + "." + random.nextInt(4) + "." + (1 + random.nextInt(3));
            devs.add(new Device(
                    id,
                    region,
                    random.nextInt(4),
                    ip,
                    6200 + random.nextInt(3),
                    ip,
                    6300,
                    "d" + id,
                    random.nextInt(5) * 0.75,
                    random.nextBoolean() ? "" : "m\u00fc" + id));
            live.add(id);
        }
        int parts = 1 << partPower;
        int fullRows = (int) replicas;
        int lastLen = (int) Math.round((replicas - fullRows) * parts);
        int rowCount = lastLen > 0 ? fullRows + 1 : fullRows;
        int[][] rows = new int[rowCount][];
        for (int r = 0; r < rowCount; r++) {
            rows[r] = new int[r < fullRows ? parts : lastLen];
            for (int p = 0; p < rows[r].length; p++) {
                rows[r][p] = live.get(random.nextInt(live.size()));
            }
        }
        return new RingData(devs, rows, 32 - partPower, (long) random.nextInt(1000), null);
    }
}
