package io.cairn.ring.builder;

import io.cairn.common.codec.PyTuple;
import io.cairn.ring.Device;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code _build_dispersion_graph} (reference §1.3), which its builder file keeps: for every tier that
 * holds a replica — {@code (region,)}, {@code (region, zone)}, {@code (region, zone, ip)}, {@code (region, zone,
 * ip, id)} — how many partitions have 0, 1, … {@code ceil(replicas)} of their replicas in it. Tiers appear in the
 * order Swift's dict gets them (partition by partition, replica by replica, tier by tier), and only partitions
 * every row covers are counted ({@code zip(*replica2part2dev)}), so Swift reads back exactly what it would have
 * computed itself.
 *
 * <p>Immutable once built.
 */
final class DispersionGraph {
    private final Map<PyTuple, List<Long>> graph;
    private final double dispersion;

    private DispersionGraph(Map<PyTuple, List<Long>> graph, double dispersion) {
        this.graph = graph;
        this.dispersion = dispersion;
    }

    /**
     * The graph of {@code rows} (every entry a device of {@code devices}).
     *
     * @param parts the partition count, {@code 2^partPower}
     */
    static DispersionGraph of(List<@Nullable Device> devices, int[][] rows, double replicas, int parts) {
        TierTree tree = TierTree.build(devices);
        int covered = rows.length == 0 ? 0 : Integer.MAX_VALUE;
        for (int[] row : rows) {
            covered = Math.min(covered, row.length);
        }
        // rows may outnumber ceil(replicas) until the next rebalance drops the extra one
        int columns = Math.max((int) Math.ceil(replicas), rows.length) + 1;
        int[] counts = new int[tree.tierCount * columns];
        int[] firstDevice = new int[tree.tierCount];
        java.util.Arrays.fill(firstDevice, -1);
        int[] order = new int[tree.tierCount];
        int ordered = 0;
        int[] atTier = new int[tree.tierCount];
        int[] touched = new int[rows.length * TierTree.LEVELS];
        for (int part = 0; part < covered; part++) {
            int touchedCount = 0;
            for (int[] row : rows) {
                int dev = row[part];
                for (int lvl = 1; lvl <= TierTree.LEVELS; lvl++) {
                    int t = tree.tierOf(dev, lvl);
                    if (atTier[t]++ == 0) {
                        touched[touchedCount++] = t;
                    }
                    if (firstDevice[t] < 0) {
                        firstDevice[t] = dev;
                        order[ordered++] = t;
                    }
                }
            }
            for (int i = 0; i < touchedCount; i++) {
                int t = touched[i];
                counts[t * columns + atTier[t]]++;
                atTier[t] = 0;
            }
        }
        Map<PyTuple, List<Long>> graph = new LinkedHashMap<>();
        for (int i = 0; i < ordered; i++) {
            int t = order[i];
            List<Long> row = new ArrayList<>(columns);
            long withReplicas = 0;
            for (int c = 1; c < columns; c++) {
                withReplicas += counts[t * columns + c];
            }
            row.add(parts - withReplicas);
            for (int c = 1; c < columns; c++) {
                row.add((long) counts[t * columns + c]);
            }
            Device d = devices.get(firstDevice[t]);
            if (d == null) {
                throw new IllegalStateException("a row names removed device " + firstDevice[t]);
            }
            graph.put(tierKey(d, tree.level[t]), row);
        }
        return new DispersionGraph(graph, Dispersion.of(tree, rows, replicas));
    }

    /** Swift's {@code tiers_for_dev(dev)[level - 1]}. */
    private static PyTuple tierKey(Device d, int level) {
        return switch (level) {
            case 1 -> PyTuple.of((long) d.region());
            case 2 -> PyTuple.of((long) d.region(), (long) d.zone());
            case 3 -> PyTuple.of((long) d.region(), (long) d.zone(), d.ip());
            default -> PyTuple.of((long) d.region(), (long) d.zone(), d.ip(), (long) d.id());
        };
    }

    /** The graph as Swift's dict: tier tuple → list of partition counts by replicas in the tier. */
    Map<PyTuple, List<Long>> asDict() {
        return graph;
    }

    /** Swift's {@code dispersion}: the percentage of replicas placed beyond what their tiers allow. */
    double dispersion() {
        return dispersion;
    }
}
