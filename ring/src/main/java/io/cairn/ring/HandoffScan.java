package io.cairn.ring;

import java.util.Arrays;

/**
 * The state of one walk through Swift's {@code get_more_nodes} (reference §1.1), one device at a time.
 *
 * <p>Four passes over the same scan order of partitions ({@code start, start+inc, …} up to the
 * partition count, then from {@code inc - ((parts - start) % inc)} up to {@code start}), each looking at
 * every replica row of the scanned partition: pass 1 takes unused devices in an unused region, pass 2 in
 * an unused (region, zone), pass 3 on an unused (region, zone, ip), pass 4 any unused device. A pass
 * ends early once every tier of its kind (counting only devices with partitions) is used. "Used" sets
 * are stamp arrays indexed by device id and dense tier key, so a reset costs O(rows) not O(devices).
 *
 * <p>Thread-safety: not thread-safe; each thread uses its own (see {@link Ring}).
 */
final class HandoffScan {
    private static final int PASS_REGION = 1;
    private static final int PASS_ZONE = 2;
    private static final int PASS_IP = 3;
    private static final int PASS_ANY = 4;

    private final Ring ring;
    private final int[] devSeen;
    private final int[] regionSeen;
    private final int[] zoneSeen;
    private final int[] ipSeen;
    private int stamp;
    private int usedDevs;
    private int usedRegions;
    private int usedZones;
    private int usedIps;

    private int pass;
    private boolean scanning;
    private int start;
    private int inc;
    private int hp;
    private int row;
    private boolean wrapped;

    HandoffScan(Ring ring) {
        this.ring = ring;
        this.devSeen = new int[ring.regionOf.length];
        this.regionSeen = new int[ring.regionKeys];
        this.zoneSeen = new int[ring.zoneKeys];
        this.ipSeen = new int[ring.ipKeys];
    }

    /** Starts a walk for {@code partition}; {@code start} is Swift's md5-derived first scan partition. */
    // hot path: no allocation
    void reset(int partition, int start) {
        if (++stamp == 0) {
            Arrays.fill(devSeen, 0);
            Arrays.fill(regionSeen, 0);
            Arrays.fill(zoneSeen, 0);
            Arrays.fill(ipSeen, 0);
            stamp = 1;
        }
        usedDevs = usedRegions = usedZones = usedIps = 0;
        for (int[] r : ring.rows) {
            if (partition < r.length) {
                int id = r[partition];
                if (devSeen[id] != stamp) {
                    markDevice(id);
                    markRegion(id);
                    markZone(id);
                    markIp(id);
                }
            }
        }
        this.start = start;
        int parts = ring.partitionCount;
        this.inc = Math.max(parts / 65536, 1);
        this.pass = PASS_REGION;
        this.scanning = false;
    }

    /** The next handoff device id, or -1 when there are no more. */
    // hot path: no allocation
    int next() {
        while (pass <= PASS_ANY) {
            if (!scanning) {
                if (passComplete()) {
                    pass++;
                    continue;
                }
                scanning = true;
                hp = start;
                wrapped = false;
                row = 0;
            }
            int id = scan();
            if (id >= 0) {
                return id;
            }
            scanning = false;
            pass++;
        }
        return -1;
    }

    private int scan() {
        int[][] rows = ring.rows;
        while (true) {
            while (row < rows.length) {
                int[] r = rows[row++];
                if (hp < r.length) {
                    int id = r[hp];
                    if (accepts(id)) {
                        take(id);
                        if (passComplete()) {
                            scanning = false;
                            pass++;
                        }
                        return id;
                    }
                }
            }
            row = 0;
            if (!advance()) {
                return -1;
            }
        }
    }

    /** Moves to the next partition of the scan order; false at its end. */
    private boolean advance() {
        hp += inc;
        if (wrapped) {
            return hp < start;
        }
        if (hp < ring.partitionCount) {
            return true;
        }
        wrapped = true;
        hp = inc - ((ring.partitionCount - start) % inc);
        return hp < start;
    }

    private boolean passComplete() {
        return switch (pass) {
            case PASS_REGION -> usedRegions == ring.assignedRegions;
            case PASS_ZONE -> usedZones == ring.assignedZones;
            case PASS_IP -> usedIps == ring.assignedIps;
            default -> usedDevs == ring.assignedDevices;
        };
    }

    private boolean accepts(int id) {
        if (devSeen[id] == stamp) {
            return false;
        }
        return switch (pass) {
            case PASS_REGION -> regionSeen[ring.regionOf[id]] != stamp;
            case PASS_ZONE -> zoneSeen[ring.zoneOf[id]] != stamp;
            case PASS_IP -> ipSeen[ring.ipOf[id]] != stamp;
            default -> true;
        };
    }

    /** Records a yielded device in the sets Swift updates in the current pass. */
    private void take(int id) {
        markDevice(id);
        if (pass == PASS_REGION) {
            markRegion(id);
        }
        if (pass <= PASS_ZONE) {
            markZone(id);
        }
        if (pass <= PASS_IP) {
            markIp(id);
        }
    }

    private void markDevice(int id) {
        devSeen[id] = stamp;
        usedDevs++;
    }

    private void markRegion(int id) {
        int key = ring.regionOf[id];
        if (regionSeen[key] != stamp) {
            regionSeen[key] = stamp;
            usedRegions++;
        }
    }

    private void markZone(int id) {
        int key = ring.zoneOf[id];
        if (zoneSeen[key] != stamp) {
            zoneSeen[key] = stamp;
            usedZones++;
        }
    }

    private void markIp(int id) {
        int key = ring.ipOf[id];
        if (ipSeen[key] != stamp) {
            ipSeen[key] = stamp;
            usedIps++;
        }
    }
}
