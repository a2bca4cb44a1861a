package io.cairn.bench.workload;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Relative weights of the operations, e.g. {@code get=70,put=20,delete=10} (weights need not sum to 100). Immutable and
 * thread-safe.
 */
public final class OperationMix {
    private static final Operation[] OPERATIONS = Operation.values();

    private final int[] cumulative = new int[OPERATIONS.length];
    private final EnumMap<Operation, Integer> weights;

    private OperationMix(EnumMap<Operation, Integer> weights) {
        this.weights = weights;
        int total = 0;
        for (int i = 0; i < OPERATIONS.length; i++) {
            total += weights.getOrDefault(OPERATIONS[i], 0);
            cumulative[i] = total;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("operation mix has no operation with weight > 0");
        }
    }

    /** Only {@code op}. */
    public static OperationMix only(Operation op) {
        EnumMap<Operation, Integer> w = new EnumMap<>(Operation.class);
        w.put(op, 100);
        return new OperationMix(w);
    }

    /**
     * Parses {@code op=weight,...} with op one of put, get, head, delete, list.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static OperationMix parse(String text) {
        EnumMap<Operation, Integer> w = new EnumMap<>(Operation.class);
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("operation mix entry '" + p + "' is not op=weight");
            }
            Operation op;
            try {
                op = Operation.valueOf(p.substring(0, eq).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown operation '" + p.substring(0, eq) + "' (put, get, head, delete, list)", e);
            }
            int weight;
            try {
                weight = Integer.parseInt(p.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight in '" + p + "' is not a number", e);
            }
            if (weight < 0) {
                throw new IllegalArgumentException("weight in '" + p + "' is negative");
            }
            if (w.put(op, weight) != null) {
                throw new IllegalArgumentException("operation " + op + " appears twice in the mix");
            }
        }
        return new OperationMix(w);
    }

    /** Picks the next operation. */
    public Operation next(SplittableRandom random) {
        // hot path: no allocation
        int roll = random.nextInt(cumulative[cumulative.length - 1]);
        for (int i = 0; i < cumulative.length; i++) {
            if (roll < cumulative[i]) {
                return OPERATIONS[i];
            }
        }
        throw new IllegalStateException("unreachable: roll " + roll);
    }

    /** The weight of {@code op} (0 if absent). */
    public int weight(Operation op) {
        return weights.getOrDefault(op, 0);
    }

    /** Whether any operation reads, lists or deletes existing objects (so the run needs a prefilled pool). */
    public boolean needsExistingObjects() {
        return weight(Operation.GET) + weight(Operation.HEAD) + weight(Operation.DELETE) + weight(Operation.LIST) > 0;
    }

    /** The weights, in operation order. */
    public Map<Operation, Integer> weights() {
        return new EnumMap<>(weights);
    }

    /** The canonical text form, e.g. {@code put=20,get=70,delete=10}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Operation, Integer> e : weights.entrySet()) {
            if (e.getValue() > 0) {
                sb.append(sb.length() == 0 ? "" : ",")
                        .append(e.getKey().name().toLowerCase(Locale.ROOT))
                        .append('=')
                        .append(e.getValue());
            }
        }
        return sb.toString();
    }
}
