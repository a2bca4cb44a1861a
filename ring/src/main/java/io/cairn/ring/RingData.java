package io.cairn.ring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content of a Swift ring file (reference §1.2): devices, the replica-to-partition-to-device table
 * and the partition shift. What the builder produces, what the file writer writes and what the file
 * reader returns; {@link Ring} turns it into a lookup structure.
 *
 * <p>Immutable: the constructor copies the table and accessors return copies or read-only views.
 */
public final class RingData {
    private final List<@Nullable Device> devices;
    private final int[][] replica2Part2Dev;
    private final int partShift;
    private final @Nullable Long version;
    private final @Nullable Integer nextPartPower;

    /**
     * @param devices indexed by device id; {@code null} holes for removed ids
     * @param replica2Part2Dev one row per replica (ceil of the replica count); every row has
     *     {@code 2^partPower} entries except a possibly shorter last row (fractional replica counts).
     *     Entries are device ids.
     * @param partShift {@code 32 - partPower}
     * @param version ring version (incremented by the builder on every change), or null when absent
     * @param nextPartPower set while a partition power increase is prepared, else null
     */
    public RingData(
            List<@Nullable Device> devices,
            int[][] replica2Part2Dev,
            int partShift,
            @Nullable Long version,
            @Nullable Integer nextPartPower) {
        this.devices = Collections.unmodifiableList(new ArrayList<>(devices));
        this.replica2Part2Dev = new int[replica2Part2Dev.length][];
        for (int r = 0; r < replica2Part2Dev.length; r++) {
            this.replica2Part2Dev[r] = replica2Part2Dev[r].clone();
        }
        this.partShift = partShift;
        this.version = version;
        this.nextPartPower = nextPartPower;
    }

    /** Devices indexed by id, with {@code null} holes; read-only. */
    public List<@Nullable Device> devices() {
        return devices;
    }

    /** Number of replica rows (ceil of the replica count). */
    public int rowCount() {
        return replica2Part2Dev.length;
    }

    /** A copy of row {@code replica}. */
    public int[] row(int replica) {
        return replica2Part2Dev[replica].clone();
    }

    /** Device id of {@code replica} of {@code partition}; the caller checks the row is long enough. */
    public int deviceId(int replica, int partition) {
        return replica2Part2Dev[replica][partition];
    }

    /** Length of row {@code replica} (shorter than {@link #partitionCount()} only for the last, fractional row). */
    public int rowLength(int replica) {
        return replica2Part2Dev[replica].length;
    }

    public int partShift() {
        return partShift;
    }

    public @Nullable Long version() {
        return version;
    }

    public @Nullable Integer nextPartPower() {
        return nextPartPower;
    }

    /** {@code 32 - partShift}. */
    public int partPower() {
        return 32 - partShift;
    }

    /** Number of partitions: {@code 2^partPower}. */
    public int partitionCount() {
        return 1 << partPower();
    }

    /**
     * Checks what a {@link Ring} relies on: part power 0..30, at least one row, row 0 exactly
     * {@code 2^partPower} long and no row longer, every device's id equal to its list position, every
     * assignment naming an existing (non-hole) device.
     *
     * @throws IllegalArgumentException naming the first violation
     */
    public void validate() {
        if (partShift < 2 || partShift > 32) {
            throw new IllegalArgumentException("part_shift " + partShift + " out of range: part power must be 0..30");
        }
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            if (d != null && d.id() != i) {
                throw new IllegalArgumentException("device at position " + i + " has id " + d.id());
            }
        }
        if (replica2Part2Dev.length == 0) {
            throw new IllegalArgumentException("the ring has no replica rows");
        }
        int parts = partitionCount();
        if (replica2Part2Dev[0].length != parts) {
            throw new IllegalArgumentException("row 0 has " + replica2Part2Dev[0].length + " entries, part power "
                    + partPower() + " needs " + parts);
        }
        for (int r = 0; r < replica2Part2Dev.length; r++) {
            int[] row = replica2Part2Dev[r];
            if (row.length > parts) {
                throw new IllegalArgumentException("row " + r + " has " + row.length + " entries, more than " + parts);
            }
            for (int p = 0; p < row.length; p++) {
                int id = row[p];
                if (id < 0 || id >= devices.size() || devices.get(id) == null) {
                    throw new IllegalArgumentException(
                            "replica " + r + " of partition " + p + " is on device " + id + ", which does not exist");
                }
            }
        }
    }

    /** Swift's float replica count: full rows plus the fraction of the last row. */
    public double replicaCount() {
        int rows = replica2Part2Dev.length;
        if (rows == 0) {
            return 0;
        }
        return (rows - 1) + (double) replica2Part2Dev[rows - 1].length / partitionCount();
    }
}
