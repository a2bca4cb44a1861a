package io.cairn.ring.builder;

import io.cairn.ring.Device;
import io.cairn.ring.RingData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Builds Swift rings: devices with weights in regions/zones/servers, rebalanced toward Swift's goals
 * (reference §1.3) — every replica of a partition on a different device, as far apart as the tree allows,
 * partition counts proportional to weight — while moving as little as possible and honouring
 * {@code min_part_hours}. The output is {@link RingData}, which {@code io.cairn.ring.format} writes as a
 * Swift ring file; the builder itself persists in Swift's own builder file, the pickle {@code swift-ring-builder}
 * reads and writes ({@link #save}, {@link #load}; Cairn's earlier format still loads, see {@code
 * ring/README.md}).
 *
 * <p>Changes (add, remove, re-weight, overload, replicas) take effect at the next {@link #rebalance}; each
 * change and each rebalance that changes the ring increments {@link #version()}.
 *
 * <p>Limits: part power 1..32 as in Swift, but the partition tables are Java arrays, so this builder accepts
 * at most 30 (practically ≤ 24: a rebalance holds about {@code (8 · replicas + 2) · 2^partPower} bytes);
 * the v1 ring file limits device ids to 0..65534.
 *
 * <p>Not thread-safe: confine a builder to one thread (the CLI uses one per command).
 */
public final class RingBuilder {
    /** Swift's largest part power. */
    public static final int SWIFT_MAX_PART_POWER = 32;
    /** The largest part power this builder can hold (Java arrays have fewer than 2^31 entries). */
    public static final int MAX_PART_POWER = 30;
    /** Swift's {@code MAX_BALANCE}: the balance shown for a zero-weight device still holding partitions. */
    static final double MAX_BALANCE = 999.99;

    private static final int MAX_HOURS = 255;

    private final BuilderState state;

    RingBuilder(BuilderState state) {
        this.state = state;
    }

    /**
     * A builder without devices.
     *
     * @param partPower log2 of the partition count, 1..30 (Swift allows up to 32, see the class Javadoc)
     * @param replicas replicas per partition, ≥ 1, may be fractional (e.g. 2.5)
     * @param minPartHours hours before a moved partition may move again, 0..255
     * @throws IllegalArgumentException when a value is out of range
     */
    public static RingBuilder create(int partPower, double replicas, int minPartHours) {
        if (partPower < 1 || partPower > SWIFT_MAX_PART_POWER) {
            throw new IllegalArgumentException(
                    "part power must be in 1.." + SWIFT_MAX_PART_POWER + " (was " + partPower + ")");
        }
        if (partPower > MAX_PART_POWER) {
            throw new IllegalArgumentException("part power " + partPower + " is valid for Swift but this builder"
                    + " holds at most 2^" + MAX_PART_POWER + " partitions (Java arrays); use " + MAX_PART_POWER
                    + " or less");
        }
        checkReplicas(replicas);
        checkMinPartHours(minPartHours);
        return new RingBuilder(new BuilderState(partPower, replicas, minPartHours));
    }

    /**
     * Adds a device, taking the lowest free id (ids of removed devices are reused, as in Swift). It gets
     * partitions at the next rebalance.
     *
     * @return the new device's id
     * @throws IllegalArgumentException when a device with the same {@code ip:port/device} exists
     */
    public int addDevice(DeviceSpec spec) {
        for (Device d : state.devices) {
            if (d != null
                    && d.ip().equals(spec.ip())
                    && d.port() == spec.port()
                    && d.device().equals(spec.device())) {
                throw new IllegalArgumentException("Duplicate device " + d.address() + ": already id " + d.id()
                        + (state.removing.get(d.id()) ? " (pending removal; rebalance first)" : ""));
            }
        }
        int id = state.devices.indexOf(null);
        if (id < 0) {
            id = state.devices.size();
            state.devices.add(null);
        }
        state.devices.set(
                id,
                new Device(
                        id,
                        spec.region(),
                        spec.zone(),
                        spec.ip(),
                        spec.port(),
                        spec.replicationIp(),
                        spec.replicationPort(),
                        spec.device(),
                        spec.weight(),
                        spec.meta()));
        markDevicesChanged();
        return id;
    }

    /**
     * Removes a device: its weight becomes 0 now, the next rebalance moves all its replicas away (ignoring
     * {@code min_part_hours}, as a removal usually means a failed disk) and then frees its id.
     *
     * @throws IllegalArgumentException when there is no such device or it is already being removed
     */
    public void removeDevice(int id) {
        Device d = requireDevice(id);
        state.devices.set(id, withWeight(d, 0));
        state.removing.set(id);
        markDevicesChanged();
    }

    /**
     * Sets a device's weight (0 drains it gradually, keeping its id).
     *
     * @throws IllegalArgumentException for an unknown or removed device or a weight that is negative or not
     *     finite
     */
    public void setWeight(int id, double weight) {
        Device d = requireDevice(id);
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number >= 0 (was " + weight + ")");
        }
        state.devices.set(id, withWeight(d, weight));
        markDevicesChanged();
    }

    /**
     * Sets how much more than its weight share a failure domain may take to improve dispersion (0.1 = 10 %;
     * Swift's default 0).
     *
     * @throws IllegalArgumentException when negative or not finite
     */
    public void setOverload(double overload) {
        if (!(overload >= 0) || Double.isInfinite(overload)) {
            throw new IllegalArgumentException("overload must be a finite number >= 0 (was " + overload + ")");
        }
        if (overload != state.overload) {
            state.overload = overload;
            state.version++;
        }
    }

    /**
     * Changes the replica count; the next rebalance adds or drops replica slots.
     *
     * @throws IllegalArgumentException when below 1 or not finite
     */
    public void setReplicas(double replicas) {
        checkReplicas(replicas);
        if (replicas != state.replicas) {
            long parts = state.partitionCount();
            if ((long) (parts * replicas) != (long) (parts * state.replicas)) {
                state.devicesChanged = true;
            }
            state.replicas = replicas;
            state.version++;
        }
    }

    /**
     * Changes {@code min_part_hours} (takes effect at the next rebalance).
     *
     * @throws IllegalArgumentException when outside 0..255
     */
    public void setMinPartHours(int minPartHours) {
        checkMinPartHours(minPartHours);
        if (minPartHours != state.minPartHours) {
            state.minPartHours = minPartHours;
            state.version++;
        }
    }

    /** Lets the next rebalance move any partition, as Swift's {@code pretend_min_part_hours_passed}. */
    public void pretendMinPartHoursPassed() {
        java.util.Arrays.fill(state.lastPartMoves, (byte) MAX_HOURS);
        state.lastPartMovesEpochSecond = 0;
    }

    /** Rebalances with randomness seeded from the builder's version, so a given history gives one result. */
    public RebalanceResult rebalance(Instant now) {
        return rebalance(now, state.version * 0x9E3779B97F4A7C15L + state.partPower);
    }

    /**
     * Assigns every replica slot of every partition, moving what removals, dispersion and weights require
     * and {@code min_part_hours} allows. All-or-nothing: when it throws, the builder is unchanged.
     *
     * @param now the current time; ages the per-partition "hours since moved" counters
     * @throws IllegalStateException when fewer devices have weight > 0 than there are replicas, or a partition
     *     power increase is in progress (Swift refuses to rebalance then too)
     */
    RebalanceResult rebalance(Instant now, long seed) {
        if (state.nextPartPower != null) {
            throw new IllegalStateException("Partition power increase in progress (next_part_power "
                    + state.nextPartPower + "); finish it with swift-ring-builder before rebalancing");
        }
        int weighted = 0;
        for (Device d : state.devices) {
            if (d != null && d.weight() > 0) {
                weighted++;
            }
        }
        if (weighted < state.replicas) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "Replica count of %s requires at least %d devices with weight > 0, but there are %d",
                    state.replicas,
                    (int) Math.ceil(state.replicas),
                    weighted));
        }
        byte[] lastPartMoves = state.lastPartMoves.clone();
        long epoch = ageLastPartMoves(lastPartMoves, now.getEpochSecond());
        boolean[] removing = new boolean[state.devices.size()];
        state.removing.stream().forEach(id -> removing[id] = true);
        TierTree tree = TierTree.build(state.devices);
        Rebalancer rebalancer = new Rebalancer(
                tree,
                settings(),
                state.rows,
                lastPartMoves,
                removing,
                state.lastPartGatherStart,
                new SplittableRandom(seed));
        int[][] rows = rebalancer.run();

        int moved = countChanges(state.rows, rows);
        boolean changed = moved > 0 || state.devicesChanged || state.rows == null;
        state.removing.stream().forEach(id -> state.devices.set(id, null));
        state.removing.clear();
        state.rows = rows;
        state.lastPartMoves = lastPartMoves;
        state.lastPartMovesEpochSecond = epoch;
        state.lastPartGatherStart = rebalancer.gatherStart();
        state.devicesChanged = false;
        if (changed) {
            state.version++;
        }
        return new RebalanceResult(moved, balance(), dispersion(), changed);
    }

    /**
     * Adds the whole hours elapsed since the last ageing to every counter (capped at 255) and returns the
     * new epoch. As in Swift the epoch only advances once a whole hour has passed, so counters never
     * over-state how long ago a partition moved by more than the part of an hour before its move.
     */
    private long ageLastPartMoves(byte[] lastPartMoves, long nowSecond) {
        long elapsedHours = (nowSecond - state.lastPartMovesEpochSecond) / 3600;
        if (elapsedHours <= 0) {
            return state.lastPartMovesEpochSecond;
        }
        int add = (int) Math.min(elapsedHours, MAX_HOURS);
        for (int p = 0; p < lastPartMoves.length; p++) {
            lastPartMoves[p] = (byte) Math.min((lastPartMoves[p] & 0xFF) + add, MAX_HOURS);
        }
        return nowSecond;
    }

    private static int countChanges(int @Nullable [][] before, int[][] after) {
        int changed = 0;
        for (int r = 0; r < after.length; r++) {
            int[] row = after[r];
            int[] old = before != null && r < before.length ? before[r] : new int[0];
            for (int p = 0; p < row.length; p++) {
                if (p >= old.length || old[p] != row[p]) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /**
     * The ring as of the last rebalance, with the current device list (a never-rebalanced builder gives no
     * replica rows).
     */
    public RingData toRingData() {
        int[][] rows = state.rows != null ? state.rows : new int[0][];
        return new RingData(state.devices, rows, 32 - state.partPower, state.version, state.nextPartPower);
    }

    /** The devices, ascending by id, including those pending removal (weight 0). */
    public List<Device> devices() {
        List<Device> result = new ArrayList<>();
        for (Device d : state.devices) {
            if (d != null) {
                result.add(d);
            }
        }
        return List.copyOf(result);
    }

    /** Per-device and ring-wide balance and dispersion of the current assignment. */
    public BalanceReport report() {
        int[] parts = partsPerDevice();
        int[] wanted = wantedPerDevice();
        double weightOfOnePart = weightOfOnePart();
        List<BalanceReport.DeviceBalance> rows = new ArrayList<>();
        double worst = 0;
        for (Device d : state.devices) {
            if (d == null) {
                continue;
            }
            double balance = deviceBalance(d, parts[d.id()], weightOfOnePart);
            worst = Math.max(worst, Math.abs(balance));
            rows.add(new BalanceReport.DeviceBalance(
                    d.id(), d.region(), d.zone(), d.address(), d.weight(), parts[d.id()], wanted[d.id()], balance));
        }
        return new BalanceReport(rows, worst, dispersion());
    }

    /**
     * Saves to {@code path} as Swift's builder pickle, atomically (temp file, fsync, rename); see {@code
     * ring/README.md}. A builder without an id gets one first ({@code uuid4().hex}, as Swift's {@code save});
     * if the save fails, it is taken back.
     */
    public void save(Path path) throws IOException {
        boolean newId = state.id == null;
        if (newId) {
            state.id = UUID.randomUUID().toString().replace("-", "");
        }
        boolean saved = false;
        try {
            BuilderFile.write(path, state, wantedPerDevice());
            saved = true;
        } finally {
            if (newId && !saved) {
                state.id = null;
            }
        }
    }

    /**
     * Loads a builder file written by {@code swift-ring-builder} (Swift's pickle), by {@link #save}, or by an
     * earlier Cairn in its own format (told apart by content).
     *
     * @throws CorruptBuilderFileException when the file is truncated, corrupt, inconsistent or of an unknown
     *     format
     */
    public static RingBuilder load(Path path) throws IOException {
        return new RingBuilder(BuilderFile.read(path));
    }

    public int partPower() {
        return state.partPower;
    }

    public double replicas() {
        return state.replicas;
    }

    public int minPartHours() {
        return state.minPartHours;
    }

    public double overload() {
        return state.overload;
    }

    /** Swift's builder id (a uuid4 in hex), given at the first {@link #save}; null before. */
    public @Nullable String id() {
        return state.id;
    }

    /** Incremented on every change; the ring file carries it. */
    public long version() {
        return state.version;
    }

    /** Seconds until every partition may move again (Swift's {@code min_part_seconds_left}), from {@code now}. */
    public long minPartSecondsLeft(Instant now) {
        long elapsed = now.getEpochSecond() - state.lastPartMovesEpochSecond;
        return Math.max(state.minPartHours * 3600L - elapsed, 0);
    }

    private double balance() {
        int[] parts = partsPerDevice();
        double weightOfOnePart = weightOfOnePart();
        double worst = 0;
        for (Device d : state.devices) {
            if (d != null) {
                worst = Math.max(worst, Math.abs(deviceBalance(d, parts[d.id()], weightOfOnePart)));
            }
        }
        return worst;
    }

    /** Swift's {@code _build_balance_per_dev} for one device. */
    private static double deviceBalance(Device d, int parts, double weightOfOnePart) {
        if (d.weight() == 0) {
            return parts > 0 ? MAX_BALANCE : 0;
        }
        return 100.0 * parts / (d.weight() * weightOfOnePart) - 100.0;
    }

    /** Partitions per unit of weight: {@code parts · replicas / total weight} (0 without weight). */
    private double weightOfOnePart() {
        double total = 0;
        for (Device d : state.devices) {
            if (d != null) {
                total += d.weight();
            }
        }
        return total > 0 ? state.partitionCount() * state.replicas / total : 0;
    }

    private int[] partsPerDevice() {
        int[] parts = new int[state.devices.size()];
        int[][] rows = state.rows;
        if (rows != null) {
            for (int[] row : rows) {
                for (int dev : row) {
                    if (dev >= 0 && dev < parts.length) {
                        parts[dev]++;
                    }
                }
            }
        }
        return parts;
    }

    /** The replica plan's share per device, or the plain weight share when no plan can be made yet. */
    private int[] wantedPerDevice() {
        int[] wanted = new int[state.devices.size()];
        int weighted = 0;
        for (Device d : state.devices) {
            if (d != null && d.weight() > 0) {
                weighted++;
            }
        }
        long slots = (long) Math.floor(state.partitionCount() * state.replicas);
        if (weighted == 0) {
            return wanted;
        }
        if (weighted < state.replicas) {
            double weightOfOnePart = weightOfOnePart();
            for (Device d : state.devices) {
                if (d != null) {
                    wanted[d.id()] = (int) Math.round(d.weight() * weightOfOnePart);
                }
            }
            return wanted;
        }
        TierTree tree = TierTree.build(state.devices);
        ReplicaPlan plan = ReplicaPlan.build(tree, state.replicas, state.overload);
        int[] byTier = plan.partsByTier(tree, (int) slots, state.partitionCount());
        for (Device d : state.devices) {
            if (d != null && d.weight() > 0) {
                wanted[d.id()] = byTier[tree.tierOf(d.id(), TierTree.LEVELS)];
            }
        }
        return wanted;
    }

    private double dispersion() {
        int[][] rows = state.rows;
        if (rows == null) {
            return 0;
        }
        return Dispersion.of(TierTree.build(state.devices), rows, state.replicas);
    }

    private BuilderSettings settings() {
        return new BuilderSettings(state.partPower, state.replicas, state.minPartHours, state.overload);
    }

    private Device requireDevice(int id) {
        Device d = id >= 0 && id < state.devices.size() ? state.devices.get(id) : null;
        if (d == null) {
            throw new IllegalArgumentException("No device with id " + id);
        }
        if (state.removing.get(id)) {
            throw new IllegalArgumentException("Device " + id + " (" + d.address() + ") is pending removal");
        }
        return d;
    }

    private void markDevicesChanged() {
        state.devicesChanged = true;
        state.version++;
    }

    private static Device withWeight(Device d, double weight) {
        return new Device(
                d.id(),
                d.region(),
                d.zone(),
                d.ip(),
                d.port(),
                d.replicationIp(),
                d.replicationPort(),
                d.device(),
                weight,
                d.meta());
    }

    private static void checkReplicas(double replicas) {
        if (!(replicas >= 1) || Double.isInfinite(replicas)) {
            throw new IllegalArgumentException("replicas must be a finite number >= 1 (was " + replicas + ")");
        }
    }

    private static void checkMinPartHours(int minPartHours) {
        if (minPartHours < 0 || minPartHours > MAX_HOURS) {
            throw new IllegalArgumentException("min_part_hours must be in 0.." + MAX_HOURS
                    + " (hours since a move are counted in one byte, as in Swift; was " + minPartHours + ")");
        }
    }
}
