package io.cairn.ring.builder;

/**
 * Swift's dispersion figure ({@code _build_dispersion_graph}): the percentage of replica assignments
 * placed beyond what the tier tree allows, counting each partition once at the tier where it is worst.
 * The allowance per tier is Swift's "as unique as possible" bound, replicas split evenly down the tree
 * with each split rounded up; replicas on zero-weight devices always count as misplaced. As in Swift, only the
 * partitions that every row covers are counted (with a fractional replica count, the shorter last row ends the
 * count) and the percentage is of {@code 2^partPower · replicas}.
 *
 * <p>Stateless; thread-safe.
 */
final class Dispersion {
    private Dispersion() {}

    /**
     * Dispersion of {@code rows} over {@code tree}.
     *
     * @param rows the assignment; {@link Rebalancer#NONE} slots are skipped
     * @param replicas the builder's replica count (≥ 1)
     * @return 0 (fully dispersed) to 100
     */
    static double of(TierTree tree, int[][] rows, double replicas) {
        if (rows.length == 0 || rows[0].length == 0) {
            return 0;
        }
        double[] allowed = ReplicaPlan.maxReplicas(tree, replicas, true);
        // as Swift's zip(*replica2part2dev): only partitions every row covers (a fractional replica count's
        // shorter last row ends the count); the denominator is still the whole ring
        int parts = rows[0].length;
        for (int[] row : rows) {
            parts = Math.min(parts, row.length);
        }
        int totalParts = rows[0].length;
        int[] atTier = new int[tree.tierCount];
        int[] excessAtLevel = new int[TierTree.LEVELS + 1];
        long atRisk = 0;
        // hot path: no allocation
        for (int part = 0; part < parts; part++) {
            java.util.Arrays.fill(excessAtLevel, 0);
            for (int pass = 0; pass < 2; pass++) {
                for (int r = 0; r < rows.length; r++) {
                    if (part >= rows[r].length || rows[r][part] == Rebalancer.NONE) {
                        continue;
                    }
                    int dev = rows[r][part];
                    for (int lvl = 1; lvl <= TierTree.LEVELS; lvl++) {
                        int t = tree.tierOf(dev, lvl);
                        if (pass == 0) {
                            atTier[t]++;
                        } else if (atTier[t] > 0) {
                            // first visit of this tier in pass 1: record its excess once, then clear it
                            excessAtLevel[lvl] += (int) Math.max(0, Math.ceil(atTier[t] - allowed[t]));
                            atTier[t] = 0;
                        }
                    }
                }
            }
            int worst = 0;
            for (int lvl = 1; lvl <= TierTree.LEVELS; lvl++) {
                worst = Math.max(worst, excessAtLevel[lvl]);
            }
            atRisk += worst;
        }
        return 100.0 * atRisk / (totalParts * replicas);
    }
}
