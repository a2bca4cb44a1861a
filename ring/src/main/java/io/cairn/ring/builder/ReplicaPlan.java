package io.cairn.ring.builder;

/**
 * Swift's replica plan ({@code _build_replica_plan} and the {@code _build_*_replicas_by_tier} helpers it
 * uses): for every tier, how many replicas of each partition ("replicanths") it should hold.
 *
 * <ul>
 *   <li><b>weighted</b>: proportional to weight, no device above one replica;
 *   <li><b>wanted</b>: as dispersed as the tree allows (replicas split evenly down the tree) while staying as
 *       close to the weights as possible;
 *   <li><b>target</b> = weighted + (wanted − weighted) · min(overload, required) / required, where
 *       <i>required</i> is the largest relative overload any device needs for full dispersion;
 *   <li><b>min</b>/<b>max</b> = floor/ceil of target (with Swift's 1e-10 slack).
 * </ul>
 *
 * Tiers without weighted devices plan 0 replicas. Immutable after {@link #build}.
 */
final class ReplicaPlan {
    private static final double EPSILON = 1e-10;
    private static final int MAX_PLACEMENT_ROUNDS = 10_000;

    final double[] target;
    final int[] min;
    final int[] max;

    private ReplicaPlan(double[] target) {
        this.target = target;
        this.min = new int[target.length];
        this.max = new int[target.length];
        for (int t = 0; t < target.length; t++) {
            min[t] = (int) Math.floor(target[t] + EPSILON);
            max[t] = (int) Math.ceil(target[t] - EPSILON);
        }
    }

    /**
     * Swift's {@code _set_parts_wanted} split: {@code totalSlots} replica assignments handed down the tree,
     * each child getting {@code floor(target · parts)} and the remainder dealt one by one, smallest target
     * first.
     *
     * @return assignments planned for each tier (device tiers give each device's share)
     */
    int[] partsByTier(TierTree tree, int totalSlots, int parts) {
        int[] result = new int[tree.tierCount];
        placeParts(tree, TierTree.ROOT, totalSlots, parts, result);
        return result;
    }

    private void placeParts(TierTree tree, int tier, int count, int parts, int[] partsByTier) {
        partsByTier[tier] = count;
        int n = tree.childCount(tier);
        if (n == 0) {
            return;
        }
        int left = count;
        int[] toPlace = new int[n];
        for (int i = 0; i < n; i++) {
            int c = tree.child(tier, i);
            toPlace[i] = (int) Math.min(left, Math.floor(target[c] * parts));
            left -= toPlace[i];
        }
        if (left > 0) {
            Integer[] byTarget = new Integer[n];
            for (int i = 0; i < n; i++) {
                byTarget[i] = i;
            }
            java.util.Arrays.sort(
                    byTarget, (a, b) -> Double.compare(target[tree.child(tier, a)], target[tree.child(tier, b)]));
            for (int k = 0; left > 0; k = (k + 1) % n, left--) {
                toPlace[byTarget[k]]++;
            }
        }
        for (int i = 0; i < n; i++) {
            placeParts(tree, tree.child(tier, i), toPlace[i], parts, partsByTier);
        }
    }

    /** Builds the plan; the tree must hold at least one weighted device. */
    static ReplicaPlan build(TierTree tree, double replicas, double overload) {
        double[] weighted = weightedReplicas(tree, replicas);
        double[] wanted = wantedReplicas(tree, replicas, weighted);
        double required = requiredOverload(tree, weighted, wanted);
        if (required <= 0) {
            return new ReplicaPlan(wanted);
        }
        double effective = Math.min(overload, required);
        double[] target = new double[tree.tierCount];
        for (int t = 0; t < tree.tierCount; t++) {
            if (tree.weightedDevices[t] > 0) {
                target[t] = (wanted[t] - weighted[t]) / required * effective + weighted[t];
            }
        }
        return new ReplicaPlan(target);
    }

    /** Replicanths by weight, capped at one per device, excess spread over devices with room. */
    static double[] weightedReplicas(TierTree tree, double replicas) {
        double total = tree.totalWeight();
        double[] perDevice = new double[tree.deviceSlots];
        boolean[] room = new boolean[tree.deviceSlots];
        for (int id = 0; id < tree.deviceSlots; id++) {
            if (tree.deviceWeight[id] > 0) {
                double w = tree.deviceWeight[id] * replicas / total;
                room[id] = w < 1;
                perDevice[id] = Math.min(w, 1);
            }
        }
        for (int round = 0; round < MAX_PLACEMENT_ROUNDS; round++) {
            double remaining = replicas - sum(perDevice);
            if (remaining < EPSILON) {
                break;
            }
            double roomSum = 0;
            for (int id = 0; id < perDevice.length; id++) {
                room[id] = room[id] && perDevice[id] < 1;
                if (room[id]) {
                    roomSum += perDevice[id];
                }
            }
            double relative = remaining / roomSum;
            for (int id = 0; id < perDevice.length; id++) {
                if (room[id]) {
                    perDevice[id] = Math.min(1, perDevice[id] * (relative + 1));
                }
            }
        }
        double[] byTier = new double[tree.tierCount];
        for (int id = 0; id < tree.deviceSlots; id++) {
            if (tree.deviceWeight[id] > 0) {
                byTier[TierTree.ROOT] += perDevice[id];
                for (int lvl = 1; lvl <= TierTree.LEVELS; lvl++) {
                    byTier[tree.tierOf(id, lvl)] += perDevice[id];
                }
            }
        }
        return byTier;
    }

    /**
     * Upper bound of replicas per tier when replicas are split evenly down the tree (Swift's
     * {@code _build_max_replicas_by_tier}); {@code ceil} rounds each split up, otherwise it stays fractional.
     */
    static double[] maxReplicas(TierTree tree, double replicas, boolean ceil) {
        double[] result = new double[tree.tierCount];
        walkMax(tree, TierTree.ROOT, replicas, ceil, result);
        return result;
    }

    private static void walkMax(TierTree tree, int tier, double count, boolean ceil, double[] result) {
        double value = tree.level[tier] == TierTree.LEVELS ? Math.min(1, count) : count;
        result[tier] = value;
        int n = tree.childCount(tier);
        for (int i = 0; i < n; i++) {
            double share = value / n;
            walkMax(tree, tree.child(tier, i), ceil ? Math.ceil(share) : share, ceil, result);
        }
    }

    /** Swift's {@code _build_wanted_replicas_by_tier}: most dispersed placement that respects weights. */
    static double[] wantedReplicas(TierTree tree, double replicas, double[] weighted) {
        WantedPlacement placement = new WantedPlacement(tree, weighted, maxReplicas(tree, replicas, false));
        placement.place(TierTree.ROOT, replicas);
        return placement.wanted;
    }

    /** The recursive {@code place_replicas} of Swift's wanted-replicas computation. */
    private static final class WantedPlacement {
        private final TierTree tree;
        private final double[] weighted;
        private final double[] dispersed;
        final double[] wanted;

        WantedPlacement(TierTree tree, double[] weighted, double[] dispersed) {
            this.tree = tree;
            this.weighted = weighted;
            this.dispersed = dispersed;
            this.wanted = new double[tree.tierCount];
        }

        void place(int tier, double replicanths) {
            if (replicanths > tree.weightedDevices[tier] + EPSILON) {
                throw new IllegalStateException("More replicanths (" + replicanths + ") than devices ("
                        + tree.weightedDevices[tier] + ") in tier " + tier);
            }
            wanted[tier] = replicanths;
            int n = tree.childCount(tier);
            if (n == 0) {
                return;
            }
            double[] toPlace = new double[n];
            boolean[] spread = new boolean[n];
            java.util.Arrays.fill(spread, true);
            boolean deviceLimited = false;
            double remaining = replicanths;
            for (int round = 0; ; round++) {
                if (round == MAX_PLACEMENT_ROUNDS) {
                    throw new IllegalStateException("replica plan did not converge in tier " + tier);
                }
                spreadOnce(tier, remaining, toPlace, spread, deviceLimited);
                remaining = replicanths - sum(toPlace);
                if (remaining < -EPSILON) {
                    for (int i = 0; i < n; i++) {
                        spread[i] = toPlace[i] > Math.floor(dispersed[tree.child(tier, i)]);
                    }
                } else if (remaining > EPSILON) {
                    deviceLimited |= !spreadToRoom(tier, toPlace, spread);
                } else {
                    break;
                }
            }
            for (int i = 0; i < n; i++) {
                place(tree.child(tier, i), toPlace[i]);
            }
        }

        /**
         * Marks children below both their device count and dispersion maximum; when there are none, marks
         * those below their device count (Swift's "device limited" case) and returns false.
         */
        private boolean spreadToRoom(int tier, double[] toPlace, boolean[] spread) {
            boolean any = false;
            for (int i = 0; i < toPlace.length; i++) {
                int c = tree.child(tier, i);
                spread[i] = tree.weightedDevices[c] > toPlace[i] && toPlace[i] < Math.ceil(dispersed[c]);
                any |= spread[i];
            }
            if (!any) {
                for (int i = 0; i < toPlace.length; i++) {
                    spread[i] = toPlace[i] < tree.weightedDevices[tree.child(tier, i)];
                }
            }
            return any;
        }

        private void spreadOnce(int tier, double remaining, double[] toPlace, boolean[] spread, boolean deviceLimited) {
            int n = toPlace.length;
            double spreadWeight = 0;
            for (int i = 0; i < n; i++) {
                if (spread[i]) {
                    spreadWeight += weighted[tree.child(tier, i)];
                }
            }
            if (!(spreadWeight > 0)) {
                throw new IllegalStateException("replica plan has no tier with room under tier " + tier);
            }
            double relative = remaining / spreadWeight;
            for (int i = 0; i < n; i++) {
                if (!spread[i]) {
                    continue;
                }
                int c = tree.child(tier, i);
                double r = toPlace[i] + weighted[c] * relative;
                if (r < Math.floor(dispersed[c])) {
                    r = Math.floor(dispersed[c]);
                } else if (r > Math.ceil(dispersed[c]) && !deviceLimited) {
                    r = Math.ceil(dispersed[c]);
                }
                if (r > tree.weightedDevices[c]) {
                    r = tree.weightedDevices[c];
                }
                toPlace[i] = r;
            }
        }
    }

    /** Largest relative increase over its weighted share any device needs for full dispersion. */
    static double requiredOverload(TierTree tree, double[] weighted, double[] wanted) {
        double max = 0;
        for (int id = 0; id < tree.deviceSlots; id++) {
            if (tree.deviceWeight[id] > 0) {
                int t = tree.tierOf(id, TierTree.LEVELS);
                double required = (wanted[t] - weighted[t]) / weighted[t];
                if (required > max) {
                    max = required;
                }
            }
        }
        return max;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
