package io.cairn.ring.builder;

import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * One run of Swift's rebalance ({@code RingBuilder.rebalance} and its {@code _gather_parts_*},
 * {@code _reassign_parts}, {@code _set_parts_wanted}, {@code _adjust_replica2part2dev_size}) over primitive
 * arrays.
 *
 * <p>Replicas to move are gathered, in order, from: slots added by a replica-count change, removed devices,
 * partitions whose replicas violate the plan's per-tier maximum (dispersion), and overweight devices (up to
 * three gather/reassign rounds, the first only taking replicas that can go to a better failure domain, then
 * forced). A gathered replica's slot is set to {@link #NONE}; reassignment walks the tier tree from the root,
 * at each level picking, among the children still below their planned maximum for this partition, the one
 * with the most partitions still wanted — so a replica lands in the tier farthest from the partition's other
 * replicas (another region before another zone, server, device).
 *
 * <p>{@code min_part_hours}: a partition moved less than {@code minPartHours} hours ago is not gathered, and
 * a partition gathered once in this run is not gathered again — so at most one replica of a partition moves
 * per rebalance — except replicas on removed devices (always moved) and a second replica on one device.
 *
 * <p>Design note: where Swift's reassignment finds no child below its maximum it raises; here the child
 * with the fewest replicas of the partition (then the most wanting) is taken, so an unexpected plan can
 * degrade dispersion but never abort a rebalance. Tests assert the distinct-device and zone properties.
 *
 * <p>Not thread-safe; one instance per rebalance, mutating the arrays it is given.
 */
final class Rebalancer {
    /** An unassigned slot. */
    static final int NONE = -1;

    private static final int MAX_BALANCE_GATHER_COUNT = 3;

    private final TierTree tree;
    private final ReplicaPlan plan;
    private final int parts;
    private final int[][] rows;
    private final byte[] lastPartMoves;
    private final int minPartHours;
    private final SplittableRandom random;
    private final long[] movedThisRun;
    private final int[] deviceParts;
    private final int[] partsWanted;
    private final int[] replicasAtTier;
    private final int[] gathered;
    private final long[] gatheredSet;
    private final int[] scratchDevices;
    private final int[] scratchReplicas;
    private int gatheredCount;
    private int gatherStart;

    /**
     * Prepares a run: sizes the rows, plans, and gathers the replicas of removed devices.
     *
     * @param oldRows the current assignment, null before the first rebalance (not modified)
     * @param lastPartMoves hours since each partition last moved, already aged; updated in place
     * @param removing device ids whose replicas must all move (indexed by id)
     */
    Rebalancer(
            TierTree tree,
            BuilderSettings settings,
            int @Nullable [][] oldRows,
            byte[] lastPartMoves,
            boolean[] removing,
            int lastGatherStart,
            SplittableRandom random) {
        this.tree = tree;
        this.parts = 1 << settings.partPower();
        this.lastPartMoves = lastPartMoves;
        this.minPartHours = settings.minPartHours();
        this.random = random;
        this.gatherStart = lastGatherStart;
        this.movedThisRun = new long[(parts + 63) >>> 6];
        this.gathered = new int[parts];
        this.gatheredSet = new long[(parts + 63) >>> 6];
        this.deviceParts = new int[tree.deviceSlots];
        this.partsWanted = new int[tree.deviceSlots];
        this.replicasAtTier = new int[tree.tierCount];
        this.rows = adjustRows(oldRows, settings.replicas());
        this.scratchDevices = new int[rows.length];
        this.scratchReplicas = new int[rows.length];
        this.plan = ReplicaPlan.build(tree, settings.replicas(), settings.overload());
        countDeviceParts();
        setPartsWanted();
        gatherFromRemovedDevices(removing);
    }

    /** Runs the gather/reassign rounds and returns the new assignment (every slot assigned). */
    int[][] run() {
        gatherForDispersion();
        for (int round = 0; round < MAX_BALANCE_GATHER_COUNT; round++) {
            gatherForBalance(round == 0);
            if (gatheredCount == 0) {
                break; // nothing may move (min_part_hours) or nothing needs to
            }
            reassignGathered();
            if (!anyDeviceOverweight()) {
                break;
            }
        }
        return rows;
    }

    /** Where the last balance gather started; persisted so the next rebalance starts elsewhere. */
    int gatherStart() {
        return gatherStart;
    }

    /** The replica plan this run aimed at. */
    ReplicaPlan plan() {
        return plan;
    }

    /** Rows sized for {@code replicas}; new slots are {@link #NONE} and their partitions gathered. */
    private int[][] adjustRows(int @Nullable [][] oldRows, double replicas) {
        int whole = (int) Math.floor(replicas);
        int fractionLength = (int) (parts * (replicas - whole));
        int rowCount = whole + (fractionLength > 0 ? 1 : 0);
        int[][] result = new int[rowCount][];
        for (int r = 0; r < rowCount; r++) {
            int length = r < whole ? parts : fractionLength;
            int[] row = new int[length];
            int kept = 0;
            if (oldRows != null && r < oldRows.length) {
                kept = Math.min(length, oldRows[r].length);
                System.arraycopy(oldRows[r], 0, row, 0, kept);
            }
            for (int p = kept; p < length; p++) {
                row[p] = NONE;
                addGathered(p);
            }
            result[r] = row;
        }
        return result;
    }

    private void countDeviceParts() {
        for (int[] row : rows) {
            for (int dev : row) {
                if (dev != NONE) {
                    deviceParts[dev]++;
                }
            }
        }
    }

    /** Swift's {@code _set_parts_wanted}: planned partitions per device minus what it holds. */
    private void setPartsWanted() {
        int totalSlots = 0;
        for (int[] row : rows) {
            totalSlots += row.length;
        }
        int[] partsByTier = plan.partsByTier(tree, totalSlots, parts);
        for (int id = 0; id < tree.deviceSlots; id++) {
            int deviceTier = tree.deviceTiers[id * TierTree.LEVELS + TierTree.LEVELS - 1];
            if (deviceTier < 0) {
                continue;
            }
            partsWanted[id] =
                    tree.deviceWeight[id] > 0 ? partsByTier[deviceTier] - deviceParts[id] : -Math.max(totalSlots, 1);
        }
    }

    private void gatherFromRemovedDevices(boolean[] removing) {
        // hot path: no allocation
        for (int r = 0; r < rows.length; r++) {
            int[] row = rows[r];
            for (int p = 0; p < row.length; p++) {
                int dev = row[p];
                if (dev != NONE && dev < removing.length && removing[dev]) {
                    row[p] = NONE;
                    deviceParts[dev]--;
                    partsWanted[dev]++;
                    markMoved(p);
                    addGathered(p);
                }
            }
        }
    }

    /** Swift's {@code _gather_parts_for_dispersion}: replicas above a tier's planned maximum. */
    private void gatherForDispersion() {
        // hot path: no allocation
        for (int part = 0; part < parts; part++) {
            boolean duplicate = countReplicas(part, 1);
            if (canMove(part) || duplicate) {
                int n = 0;
                for (int r = 0; r < rows.length; r++) {
                    if (part < rows[r].length && rows[r][part] != NONE && exceedsMax(rows[r][part])) {
                        scratchDevices[n] = rows[r][part];
                        scratchReplicas[n++] = r;
                    }
                }
                sortByPartsWanted(n);
                for (int i = 0; i < n; i++) {
                    int dev = scratchDevices[i];
                    if (!canMove(part) && replicasAtTier[tree.tierOf(dev, TierTree.LEVELS)] <= 1) {
                        continue;
                    }
                    gatherCounted(part, scratchReplicas[i], dev);
                }
            }
            countReplicas(part, -1);
        }
    }

    private boolean exceedsMax(int dev) {
        for (int lvl = 1; lvl <= TierTree.LEVELS; lvl++) {
            int t = tree.tierOf(dev, lvl);
            if (replicasAtTier[t] > plan.max[t]) {
                return true;
            }
        }
        return false;
    }

    private void gatherForBalance(boolean disperseFirst) {
        int quarterTurn = parts / 4;
        int randomHalf = random.nextInt(parts / 2 + 1);
        gatherStart = (int) (((long) gatherStart + quarterTurn + randomHalf) % parts);
        if (disperseFirst) {
            gatherForBalanceCanDisperse();
        }
        gatherForBalanceForced();
    }

    /** Swift's {@code _gather_parts_for_balance_can_disperse}: overweight replicas a better tier wants. */
    private void gatherForBalanceCanDisperse() {
        int[] wantedInTier = new int[tree.tierCount];
        for (int id = 0; id < tree.deviceSlots; id++) {
            if (tree.deviceTiers[id * TierTree.LEVELS] >= 0 && partsWanted[id] > 0) {
                for (int lvl = 1; lvl <= TierTree.LEVELS; lvl++) {
                    wantedInTier[tree.tierOf(id, lvl)] += partsWanted[id];
                }
            }
        }
        // hot path: no allocation
        for (int offset = 0; offset < parts; offset++) {
            int part = (int) (((long) gatherStart + offset) % parts);
            if (!canMove(part)) {
                continue;
            }
            countReplicas(part, 1);
            int n = collectOverweight(part);
            sortByPartsWanted(n);
            for (int i = 0; i < n; i++) {
                int dev = scratchDevices[i];
                if (stuckByPlan(dev)) {
                    continue;
                }
                int stuckTier = stuckTier(dev);
                if (wantedElsewhereUnder(stuckTier, dev, wantedInTier) <= 0) {
                    continue; // stuck by weight
                }
                gatherCounted(part, scratchReplicas[i], dev);
                for (int lvl = 1; lvl <= TierTree.LEVELS; lvl++) {
                    wantedInTier[tree.tierOf(dev, lvl)]--;
                }
                break;
            }
            countReplicas(part, -1);
        }
    }

    /** Some tier of {@code dev} holds at least its minimum but less than its maximum: moving would undo that. */
    private boolean stuckByPlan(int dev) {
        for (int lvl = 1; lvl <= TierTree.LEVELS; lvl++) {
            int t = tree.tierOf(dev, lvl);
            if (plan.min[t] <= replicasAtTier[t] && replicasAtTier[t] < plan.max[t]) {
                return true;
            }
        }
        return false;
    }

    /** The deepest tier of {@code dev} the replica must stay in to keep every tier at its minimum. */
    private int stuckTier(int dev) {
        int t = tree.tierOf(dev, 1);
        for (int lvl = TierTree.LEVELS; lvl >= 1; lvl--) {
            t = tree.tierOf(dev, lvl);
            if (replicasAtTier[t] - 1 < plan.min[t]) {
                break;
            }
        }
        return t;
    }

    private int wantedElsewhereUnder(int tier, int dev, int[] wantedInTier) {
        int sum = 0;
        int childLevel = tree.level[tier] + 1;
        if (childLevel > TierTree.LEVELS) {
            return 0;
        }
        int own = tree.tierOf(dev, childLevel);
        for (int i = tree.childStart[tier]; i < tree.childStart[tier + 1]; i++) {
            int c = tree.children[i];
            if (c != own) {
                sum += wantedInTier[c];
            }
        }
        return sum;
    }

    /** Swift's {@code _gather_parts_for_balance_forced}: the most overweight replica of each partition. */
    private void gatherForBalanceForced() {
        // hot path: no allocation
        for (int offset = 0; offset < parts; offset++) {
            int part = (int) (((long) gatherStart + offset) % parts);
            if (!canMove(part)) {
                continue;
            }
            int bestReplica = -1;
            int bestDev = NONE;
            for (int r = 0; r < rows.length; r++) {
                if (part < rows[r].length) {
                    int dev = rows[r][part];
                    if (dev != NONE
                            && partsWanted[dev] < 0
                            && (bestDev == NONE || partsWanted[dev] < partsWanted[bestDev])) {
                        bestDev = dev;
                        bestReplica = r;
                    }
                }
            }
            if (bestDev != NONE) {
                gather(part, bestReplica, bestDev);
            }
        }
    }

    private int collectOverweight(int part) {
        int n = 0;
        for (int r = 0; r < rows.length; r++) {
            if (part < rows[r].length) {
                int dev = rows[r][part];
                if (dev != NONE && partsWanted[dev] < 0) {
                    scratchDevices[n] = dev;
                    scratchReplicas[n++] = r;
                }
            }
        }
        return n;
    }

    /** Stable insertion sort of the first {@code n} scratch entries by parts wanted, most overweight first. */
    private void sortByPartsWanted(int n) {
        for (int i = 1; i < n; i++) {
            int dev = scratchDevices[i];
            int replica = scratchReplicas[i];
            int j = i - 1;
            while (j >= 0 && partsWanted[scratchDevices[j]] > partsWanted[dev]) {
                scratchDevices[j + 1] = scratchDevices[j];
                scratchReplicas[j + 1] = scratchReplicas[j];
                j--;
            }
            scratchDevices[j + 1] = dev;
            scratchReplicas[j + 1] = replica;
        }
    }

    /** Takes a replica off its device; the caller keeps {@link #replicasAtTier} in step if it counts. */
    private void gather(int part, int replica, int dev) {
        rows[replica][part] = NONE;
        deviceParts[dev]--;
        partsWanted[dev]++;
        markMoved(part);
        addGathered(part);
    }

    /** {@link #gather} for callers that counted the partition's replicas with {@link #countReplicas}. */
    private void gatherCounted(int part, int replica, int dev) {
        gather(part, replica, dev);
        for (int lvl = 1; lvl <= TierTree.LEVELS; lvl++) {
            replicasAtTier[tree.tierOf(dev, lvl)]--;
        }
    }

    /**
     * Adds {@code delta} to the tier counts of every assigned replica of {@code part}.
     *
     * @return whether one device holds two replicas of the partition (meaningful when adding)
     */
    private boolean countReplicas(int part, int delta) {
        boolean duplicate = false;
        for (int r = 0; r < rows.length; r++) {
            if (part < rows[r].length && rows[r][part] != NONE) {
                int dev = rows[r][part];
                for (int lvl = 1; lvl <= TierTree.LEVELS; lvl++) {
                    replicasAtTier[tree.tierOf(dev, lvl)] += delta;
                }
                duplicate |= replicasAtTier[tree.tierOf(dev, TierTree.LEVELS)] > 1;
            }
        }
        return duplicate;
    }

    private void reassignGathered() {
        int[] available = new int[tree.tierCount];
        for (int id = 0; id < tree.deviceSlots; id++) {
            if (tree.deviceTiers[id * TierTree.LEVELS] >= 0 && partsWanted[id] > 0) {
                for (int lvl = 1; lvl <= TierTree.LEVELS; lvl++) {
                    available[tree.tierOf(id, lvl)] += partsWanted[id];
                }
            }
        }
        int[] childOrder = shuffledChildren();
        shuffle(gathered, gatheredCount);
        // hot path: no allocation
        for (int i = 0; i < gatheredCount; i++) {
            int part = gathered[i];
            lastPartMoves[part] = 0;
            countReplicas(part, 1);
            for (int r = 0; r < rows.length; r++) {
                if (part < rows[r].length && rows[r][part] == NONE) {
                    int dev = chooseDevice(available, childOrder);
                    rows[r][part] = dev;
                    deviceParts[dev]++;
                    partsWanted[dev]--;
                    for (int lvl = 1; lvl <= TierTree.LEVELS; lvl++) {
                        int t = tree.tierOf(dev, lvl);
                        available[t]--;
                        replicasAtTier[t]++;
                    }
                }
            }
            countReplicas(part, -1);
            gatheredSet[part >>> 6] &= ~(1L << part);
        }
        gatheredCount = 0;
    }

    /** Walks down from the root to the roomiest child still below its planned maximum for this partition. */
    private int chooseDevice(int[] available, int[] childOrder) {
        int tier = TierTree.ROOT;
        while (tree.level[tier] < TierTree.LEVELS) {
            int best = -1;
            for (int i = tree.childStart[tier]; i < tree.childStart[tier + 1]; i++) {
                int c = childOrder[i];
                if (replicasAtTier[c] < plan.max[c] && (best < 0 || available[c] > available[best])) {
                    best = c;
                }
            }
            if (best < 0) {
                best = leastLoadedChild(tier, available, childOrder);
            }
            tier = best;
        }
        return tree.tierDevice[tier];
    }

    private int leastLoadedChild(int tier, int[] available, int[] childOrder) {
        int best = childOrder[tree.childStart[tier]];
        for (int i = tree.childStart[tier] + 1; i < tree.childStart[tier + 1]; i++) {
            int c = childOrder[i];
            if (replicasAtTier[c] < replicasAtTier[best]
                    || (replicasAtTier[c] == replicasAtTier[best] && available[c] > available[best])) {
                best = c;
            }
        }
        return best;
    }

    /** Sibling order is shuffled per round so ties in "most wanted" do not always favour the same tier. */
    private int[] shuffledChildren() {
        int[] order = tree.children.clone();
        for (int t = 0; t < tree.tierCount; t++) {
            int start = tree.childStart[t];
            for (int i = tree.childStart[t + 1] - 1; i > start; i--) {
                int j = start + random.nextInt(i - start + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
        }
        return order;
    }

    private void shuffle(int[] values, int count) {
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    private boolean anyDeviceOverweight() {
        for (int id = 0; id < tree.deviceSlots; id++) {
            if (partsWanted[id] < 0 && (tree.deviceWeight[id] > 0 || deviceParts[id] > 0)) {
                return true;
            }
        }
        return false;
    }

    private boolean canMove(int part) {
        return (lastPartMoves[part] & 0xFF) >= minPartHours && (movedThisRun[part >>> 6] & (1L << part)) == 0;
    }

    private void markMoved(int part) {
        lastPartMoves[part] = 0;
        movedThisRun[part >>> 6] |= 1L << part;
    }

    private void addGathered(int part) {
        long bit = 1L << part;
        if ((gatheredSet[part >>> 6] & bit) == 0) {
            gatheredSet[part >>> 6] |= bit;
            gathered[gatheredCount++] = part;
        }
    }
}
