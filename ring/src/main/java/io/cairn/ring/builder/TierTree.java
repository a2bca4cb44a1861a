package io.cairn.ring.builder;

import io.cairn.ring.Device;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift's failure-domain tree ({@code tiers_for_dev}, {@code build_tier_tree}) with integer tier ids:
 * cluster → region → zone → server (region, zone, ip; the port is ignored as in Swift) → device.
 *
 * <p>Every non-null device has its four tiers, weighted or not, so replicas on zero-weight devices can be
 * counted; {@link #children} lists only tiers holding at least one weighted device (Swift builds its tree
 * from weighted devices only), siblings sorted as Swift sorts tier tuples. The arrays are exposed to the
 * package for the rebalancer's inner loops and must not be modified.
 *
 * <p>Immutable after construction (arrays are not copied; callers must not write to them).
 */
final class TierTree {
    static final int ROOT = 0;
    /** Tier levels below the root: region, zone, server, device. */
    static final int LEVELS = 4;

    final int tierCount;
    final int deviceSlots;
    /** Level of each tier: 0 root, 1 region, 2 zone, 3 server, 4 device. */
    final int[] level;
    /** Device id of each device tier, −1 for the others. */
    final int[] tierDevice;
    /** {@code deviceTiers[id * LEVELS + level - 1]}: the tier of device {@code id} at {@code level}; −1 for holes. */
    final int[] deviceTiers;
    /** Number of weighted devices under each tier. */
    final int[] weightedDevices;
    /** Weight of each device id (0 for holes). */
    final double[] deviceWeight;
    /** Children of tier {@code t} are {@code children[childStart[t] .. childStart[t + 1])}. */
    final int[] childStart;

    final int[] children;

    private TierTree(
            int[] level,
            int[] tierDevice,
            int[] deviceTiers,
            int[] weightedDevices,
            double[] deviceWeight,
            int[][] childLists) {
        this.tierCount = level.length;
        this.deviceSlots = deviceWeight.length;
        this.level = level;
        this.tierDevice = tierDevice;
        this.deviceTiers = deviceTiers;
        this.weightedDevices = weightedDevices;
        this.deviceWeight = deviceWeight;
        this.childStart = new int[tierCount + 1];
        int total = 0;
        for (int t = 0; t < tierCount; t++) {
            childStart[t] = total;
            total += childLists[t].length;
        }
        childStart[tierCount] = total;
        this.children = new int[total];
        for (int t = 0; t < tierCount; t++) {
            System.arraycopy(childLists[t], 0, children, childStart[t], childLists[t].length);
        }
    }

    private record ZoneKey(int region, int zone) {}

    private record ServerKey(int region, int zone, String ip) {}

    /** Builds the tree of {@code devices} (indexed by id, null holes). */
    static TierTree build(List<@Nullable Device> devices) {
        int slots = devices.size();
        int capacity = 1 + LEVELS * slots;
        int[] level = new int[capacity];
        int[] parent = new int[capacity];
        int[] tierDevice = new int[capacity];
        int[] sortNumber = new int[capacity];
        String[] sortIp = new String[capacity];
        int[] deviceTiers = new int[LEVELS * slots];
        int[] weighted = new int[capacity];
        double[] deviceWeight = new double[slots];
        java.util.Arrays.fill(tierDevice, -1);
        java.util.Arrays.fill(deviceTiers, -1);
        parent[ROOT] = -1;
        Map<Integer, Integer> regions = new HashMap<>();
        Map<ZoneKey, Integer> zones = new HashMap<>();
        Map<ServerKey, Integer> servers = new HashMap<>();
        int count = 1;
        for (int id = 0; id < slots; id++) {
            Device d = devices.get(id);
            if (d == null) {
                continue;
            }
            Integer region = regions.get(d.region());
            if (region == null) {
                region = count++;
                regions.put(d.region(), region);
                setTier(region, 1, ROOT, d.region(), level, parent, sortNumber);
            }
            ZoneKey zoneKey = new ZoneKey(d.region(), d.zone());
            Integer zone = zones.get(zoneKey);
            if (zone == null) {
                zone = count++;
                zones.put(zoneKey, zone);
                setTier(zone, 2, region, d.zone(), level, parent, sortNumber);
            }
            ServerKey serverKey = new ServerKey(d.region(), d.zone(), d.ip());
            Integer server = servers.get(serverKey);
            if (server == null) {
                server = count++;
                servers.put(serverKey, server);
                setTier(server, 3, zone, 0, level, parent, sortNumber);
                sortIp[server] = d.ip();
            }
            int device = count++;
            setTier(device, 4, server, id, level, parent, sortNumber);
            tierDevice[device] = id;
            int base = id * LEVELS;
            deviceTiers[base] = region;
            deviceTiers[base + 1] = zone;
            deviceTiers[base + 2] = server;
            deviceTiers[base + 3] = device;
            deviceWeight[id] = d.weight();
            if (d.weight() > 0) {
                weighted[ROOT]++;
                for (int l = 0; l < LEVELS; l++) {
                    weighted[deviceTiers[base + l]]++;
                }
            }
        }
        int[][] childLists = weightedChildren(count, level, parent, weighted, sortNumber, sortIp);
        return new TierTree(
                java.util.Arrays.copyOf(level, count),
                java.util.Arrays.copyOf(tierDevice, count),
                deviceTiers,
                java.util.Arrays.copyOf(weighted, count),
                deviceWeight,
                childLists);
    }

    private static void setTier(int tier, int lvl, int parentTier, int sortKey, int[] level, int[] parent, int[] sort) {
        level[tier] = lvl;
        parent[tier] = parentTier;
        sort[tier] = sortKey;
    }

    private static int[][] weightedChildren(
            int count, int[] level, int[] parent, int[] weighted, int[] sortNumber, String[] sortIp) {
        List<List<Integer>> lists = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            lists.add(new ArrayList<>());
        }
        for (int t = 1; t < count; t++) {
            if (weighted[t] > 0) {
                lists.get(parent[t]).add(t);
            }
        }
        // Siblings differ only in their last tuple element: region/zone/device id numerically, ip as a string.
        Comparator<Integer> order = (a, b) ->
                level[a] == 3 ? sortIp[a].compareTo(sortIp[b]) : Integer.compare(sortNumber[a], sortNumber[b]);
        int[][] result = new int[count][];
        for (int t = 0; t < count; t++) {
            List<Integer> list = lists.get(t);
            list.sort(order);
            result[t] = list.stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    int childCount(int tier) {
        return childStart[tier + 1] - childStart[tier];
    }

    int child(int tier, int index) {
        return children[childStart[tier] + index];
    }

    /** Tier of device {@code id} at {@code lvl} (1..4). */
    int tierOf(int id, int lvl) {
        return deviceTiers[id * LEVELS + lvl - 1];
    }

    /** Sum of the weights of every device. */
    double totalWeight() {
        double total = 0;
        for (double w : deviceWeight) {
            total += w;
        }
        return total;
    }
}
