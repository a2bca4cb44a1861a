package io.cairn.bench.workload;

import java.util.SplittableRandom;

/**
 * Object sizes: fixed ({@code 4KiB}), uniform over a range ({@code 1KiB-64KiB}) or a weighted choice ({@code
 * 4KiB:70,1MiB:30}). Immutable and thread-safe; {@link #next} takes the caller's random source.
 */
public final class SizeDistribution {
    private final String text;
    private final long[] sizes;
    private final int[] cumulativeWeights;
    private final boolean uniformRange;

    private SizeDistribution(String text, long[] sizes, int[] cumulativeWeights, boolean uniformRange) {
        this.text = text;
        this.sizes = sizes;
        this.cumulativeWeights = cumulativeWeights;
        this.uniformRange = uniformRange;
    }

    /** One size for every object. */
    public static SizeDistribution fixed(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("object size must be >= 0, got " + size);
        }
        return new SizeDistribution(ByteSizes.format(size), new long[] {size}, new int[] {1}, false);
    }

    /**
     * Parses {@code SIZE}, {@code MIN-MAX} or {@code SIZE:WEIGHT,SIZE:WEIGHT,...}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static SizeDistribution parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty object size");
        }
        if (t.contains(",") || t.contains(":")) {
            return parseWeighted(t);
        }
        int dash = t.indexOf('-');
        if (dash > 0) {
            long min = ByteSizes.parse(t.substring(0, dash));
            long max = ByteSizes.parse(t.substring(dash + 1));
            if (min > max) {
                throw new IllegalArgumentException("size range '" + text + "' has min > max");
            }
            return new SizeDistribution(
                    ByteSizes.format(min) + "-" + ByteSizes.format(max), new long[] {min, max}, new int[0], true);
        }
        return fixed(ByteSizes.parse(t));
    }

    private static SizeDistribution parseWeighted(String t) {
        String[] parts = t.split(",");
        long[] sizes = new long[parts.length];
        int[] cumulative = new int[parts.length];
        int total = 0;
        StringBuilder canonical = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String[] sw = parts[i].trim().split(":");
            if (sw.length != 2) {
                throw new IllegalArgumentException("weighted size '" + parts[i] + "' is not SIZE:WEIGHT");
            }
            sizes[i] = ByteSizes.parse(sw[0]);
            int weight;
            try {
                weight = Integer.parseInt(sw[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight in '" + parts[i] + "' is not a number", e);
            }
            if (weight <= 0) {
                throw new IllegalArgumentException("weight in '" + parts[i] + "' must be > 0");
            }
            total += weight;
            cumulative[i] = total;
            canonical
                    .append(i == 0 ? "" : ",")
                    .append(ByteSizes.format(sizes[i]))
                    .append(':')
                    .append(weight);
        }
        return new SizeDistribution(canonical.toString(), sizes, cumulative, false);
    }

    /** The next object size. */
    public long next(SplittableRandom random) {
        // hot path: no allocation
        if (uniformRange) {
            return sizes[0] == sizes[1] ? sizes[0] : random.nextLong(sizes[0], sizes[1] + 1);
        }
        if (sizes.length == 1) {
            return sizes[0];
        }
        int roll = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (roll < cumulativeWeights[i]) {
                return sizes[i];
            }
        }
        return sizes[sizes.length - 1];
    }

    /** The largest size this distribution can return. */
    public long max() {
        long max = 0;
        for (long s : sizes) {
            max = Math.max(max, s);
        }
        return max;
    }

    /** The canonical text form ({@code 4KiB}, {@code 1KiB-64KiB}, {@code 4KiB:70,1MiB:30}). */
    @Override
    public String toString() {
        return text;
    }
}
