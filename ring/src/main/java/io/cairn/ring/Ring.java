package io.cairn.ring;

import io.cairn.common.path.HashPath;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Swift's consistent-hash ring for lookups (reference §1.1): the partition of a name, its primary devices
 * and its handoff devices in exactly the order of Swift's {@code Ring.get_more_nodes}, so Java and
 * Python nodes agree on where data lives.
 *
 * <p>The assignment table and per-device tier keys are primitive arrays; {@link #partition},
 * {@link #primaryIds} and {@link #handoffIds} allocate nothing once the calling thread has warmed up
 * (each thread keeps its own scratch: an md5 digest and the handoff scan state).
 *
 * <p>Thread-safety: immutable and thread-safe. A new ring file means a new {@code Ring}
 * ({@link RingLoader} does that).
 */
public final class Ring {
    final int partShift;
    final int partitionCount;
    /** {@code rows[r][p]}: device id of replica r of partition p; the last row may be shorter. */
    final int[][] rows;

    private final Device[] devices;
    private final List<@Nullable Device> deviceList;
    private final double replicaCount;
    private final @Nullable Long version;
    private final @Nullable Integer nextPartPower;

    /** Dense tier keys per device id ({@code -1} for holes): region, (region, zone), (region, zone, ip). */
    final int[] regionOf;

    final int[] zoneOf;
    final int[] ipOf;
    final int regionKeys;
    final int zoneKeys;
    final int ipKeys;

    /** Tier totals over devices holding at least one partition (Swift's {@code _update_bookkeeping}). */
    final int assignedRegions;

    final int assignedZones;
    final int assignedIps;
    final int assignedDevices;

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(this));

    /**
     * Builds the lookup structure.
     *
     * @throws IllegalArgumentException if {@code data} fails {@link RingData#validate()}
     */
    public Ring(RingData data) {
        data.validate();
        this.partShift = data.partShift();
        this.partitionCount = data.partitionCount();
        this.rows = new int[data.rowCount()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = data.row(r);
        }
        this.deviceList = data.devices();
        this.devices = new Device[deviceList.size()];
        for (int i = 0; i < devices.length; i++) {
            devices[i] = deviceList.get(i);
        }
        this.replicaCount = data.replicaCount();
        this.version = data.version();
        this.nextPartPower = data.nextPartPower();

        boolean[] assigned = new boolean[devices.length];
        int assignedCount = 0;
        for (int[] row : rows) {
            for (int id : row) {
                if (!assigned[id]) {
                    assigned[id] = true;
                    assignedCount++;
                }
            }
        }
        this.assignedDevices = assignedCount;
        this.regionOf = new int[devices.length];
        this.zoneOf = new int[devices.length];
        this.ipOf = new int[devices.length];
        Map<Integer, Integer> regions = new HashMap<>();
        Map<List<Object>, Integer> zones = new HashMap<>();
        Map<List<Object>, Integer> ips = new HashMap<>();
        boolean[][] counted = new boolean[3][devices.length];
        int[] totals = new int[3];
        for (int id = 0; id < devices.length; id++) {
            Device d = devices[id];
            if (d == null) {
                regionOf[id] = zoneOf[id] = ipOf[id] = -1;
                continue;
            }
            regionOf[id] = regions.computeIfAbsent(d.region(), k -> regions.size());
            zoneOf[id] = zones.computeIfAbsent(List.of(d.region(), d.zone()), k -> zones.size());
            ipOf[id] = ips.computeIfAbsent(List.of(d.region(), d.zone(), d.ip()), k -> ips.size());
            if (assigned[id]) {
                countOnce(counted[0], regionOf[id], totals, 0);
                countOnce(counted[1], zoneOf[id], totals, 1);
                countOnce(counted[2], ipOf[id], totals, 2);
            }
        }
        this.regionKeys = regions.size();
        this.zoneKeys = zones.size();
        this.ipKeys = ips.size();
        this.assignedRegions = totals[0];
        this.assignedZones = totals[1];
        this.assignedIps = totals[2];
    }

    private static void countOnce(boolean[] seen, int key, int[] totals, int tier) {
        if (!seen[key]) {
            seen[key] = true;
            totals[tier]++;
        }
    }

    /** {@code 32 - partShift}. */
    public int partPower() {
        return 32 - partShift;
    }

    /** {@code 2^partPower}. */
    public int partitionCount() {
        return partitionCount;
    }

    /** Swift's float replica count (e.g. 2.25). */
    public double replicaCount() {
        return replicaCount;
    }

    /** Number of replica rows: the most primaries a partition can have, so the size for {@link #primaryIds}. */
    public int replicaRows() {
        return rows.length;
    }

    /** The ring's version from the builder, or null when the file has none. */
    public @Nullable Long version() {
        return version;
    }

    /** Set while a partition power increase is prepared, else null. */
    public @Nullable Integer nextPartPower() {
        return nextPartPower;
    }

    /** Devices indexed by id, with {@code null} holes; read-only. */
    public List<@Nullable Device> devices() {
        return deviceList;
    }

    /** Number of devices holding at least one partition: an upper bound for primaries plus handoffs. */
    public int assignedDeviceCount() {
        return assignedDevices;
    }

    /**
     * The device with id {@code id}.
     *
     * @throws IllegalArgumentException if there is no such device (out of range or a removed id)
     */
    public Device device(int id) {
        Device d = id >= 0 && id < devices.length ? devices[id] : null;
        if (d == null) {
            throw new IllegalArgumentException("no device with id " + id + " in this ring");
        }
        return d;
    }

    /** The partition of a 16-byte md5 digest: its top {@code partPower} bits, big-endian. */
    // hot path: no allocation
    public int partition(byte[] md5, int offset) {
        long top = ((md5[offset] & 0xFFL) << 24)
                | ((md5[offset + 1] & 0xFFL) << 16)
                | ((md5[offset + 2] & 0xFFL) << 8)
                | (md5[offset + 3] & 0xFFL);
        return (int) (top >>> partShift);
    }

    /** The partition of {@code /a[/c[/o]]} hashed with the cluster's prefix and suffix. */
    // hot path: no allocation after warm-up
    public int partition(HashPath hashPath, String account, @Nullable String container, @Nullable String object) {
        byte[] digest = scratch.get().digest;
        hashPath.hashInto(account, container, object, digest, 0);
        return partition(digest, 0);
    }

    /**
     * Writes the primary device ids of {@code partition} into {@code out} in replica order, skipping a
     * device already listed (as Swift's {@code get_part_nodes}), and returns how many were written.
     * {@code out} needs {@link #replicaRows()} slots.
     */
    // hot path: no allocation
    public int primaryIds(int partition, int[] out) {
        Objects.checkIndex(partition, partitionCount);
        int n = 0;
        for (int[] row : rows) {
            if (partition < row.length) {
                int id = row[partition];
                if (!contains(out, n, id)) {
                    out[n++] = id;
                }
            }
        }
        return n;
    }

    private static boolean contains(int[] ids, int n, int id) {
        for (int i = 0; i < n; i++) {
            if (ids[i] == id) {
                return true;
            }
        }
        return false;
    }

    /** The primary devices of {@code partition}; {@code list.indexOf(d)} is Swift's {@code index}. */
    public List<Device> primaries(int partition) {
        int[] ids = new int[rows.length];
        int n = primaryIds(partition, ids);
        List<Device> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(devices[ids[i]]);
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * Writes up to {@code min(max, out.length)} handoff device ids of {@code partition} into {@code out},
     * in Swift's {@code get_more_nodes} order, and returns how many were written (fewer when the ring
     * runs out of devices).
     */
    // hot path: no allocation after warm-up
    public int handoffIds(int partition, int[] out, int max) {
        Objects.checkIndex(partition, partitionCount);
        Scratch s = scratch.get();
        HandoffScan scan = s.scan;
        scan.reset(partition, s.handoffStart(partition));
        int limit = Math.min(max, out.length);
        int n = 0;
        while (n < limit) {
            int id = scan.next();
            if (id < 0) {
                break;
            }
            out[n++] = id;
        }
        return n;
    }

    /** A lazy iterator over the handoff devices of {@code partition}, in Swift's order. */
    public HandoffIterator handoffs(int partition) {
        Objects.checkIndex(partition, partitionCount);
        HandoffScan scan = new HandoffScan(this);
        scan.reset(partition, scratch.get().handoffStart(partition));
        return new HandoffIterator(scan, devices);
    }

    /** Per-thread buffers: the name digest and the handoff scan. */
    private static final class Scratch {
        final byte[] digest = new byte[16];
        final byte[] decimal = new byte[10];
        final MessageDigest md5;
        final HandoffScan scan;
        private final Ring ring;

        Scratch(Ring ring) {
            this.ring = ring;
            this.scan = new HandoffScan(ring);
            try {
                this.md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has MD5", e);
            }
        }

        /** Swift: {@code unpack('>I', md5(str(part).encode('ascii')))[0] >> part_shift}. */
        // hot path: no allocation
        int handoffStart(int partition) {
            int len = 0;
            int v = partition;
            do {
                decimal[decimal.length - 1 - len] = (byte) ('0' + v % 10);
                v /= 10;
                len++;
            } while (v > 0);
            md5.reset();
            md5.update(decimal, decimal.length - len, len);
            try {
                md5.digest(digest, 0, 16);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException("16 bytes hold an md5", e);
            }
            return ring.partition(digest, 0);
        }
    }
}
