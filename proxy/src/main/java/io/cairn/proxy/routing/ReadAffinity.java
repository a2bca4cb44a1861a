package io.cairn.proxy.routing;

import io.cairn.ring.Device;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swift's {@code read_affinity} ({@code utils.affinity_key_function}): rules such as {@code r1z2=100, r1=200}
 * give a node the priority of the first rule, in ascending priority, that matches its region (and zone, when
 * the rule names one); nodes no rule matches come last ({@code 2^32}). With {@code sorting_method = affinity}
 * the proxy sorts a partition's shuffled primaries by it (stable, so equal priorities stay shuffled); the order
 * of the rules in the setting does not matter, only their priorities.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReadAffinity {
    /** Swift's "a big number" for nodes no rule matches. */
    static final long UNMATCHED = 1L << 32;

    /** No rules: every node has priority 0, so sorting keeps the shuffled order. */
    public static final ReadAffinity NONE = new ReadAffinity(List.of());

    private static final Pattern RULE = Pattern.compile("r(\\d+)(?:z(\\d+))?=(\\d+)");

    private record Rule(int region, int zone, long priority) {
        static final int ANY_ZONE = -1;

        boolean matches(Device d) {
            return d.region() == region && (zone == ANY_ZONE || d.zone() == zone);
        }
    }

    private final List<Rule> rules;

    private ReadAffinity(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * Parses a {@code read_affinity} value; blank means {@link #NONE}.
     *
     * @throws IllegalArgumentException with Swift's message ({@code Invalid affinity value: '...'}) when a
     *     comma-separated piece is not {@code r<N>=<P>} or {@code r<N>z<M>=<P>}
     */
    public static ReadAffinity parse(String value) {
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return NONE;
        }
        List<Rule> rules = new ArrayList<>();
        for (String piece : trimmed.split(",", -1)) {
            Matcher m = RULE.matcher(piece.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("Invalid affinity value: '" + trimmed + "'");
            }
            try {
                String zone = m.group(2);
                rules.add(new Rule(
                        Integer.parseInt(m.group(1)),
                        zone == null ? Rule.ANY_ZONE : Integer.parseInt(zone),
                        Long.parseLong(m.group(3))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid affinity value: '" + trimmed + "' (number too large)", e);
            }
        }
        rules.sort(Comparator.comparingLong(Rule::priority)); // stable: equal priorities keep their order
        return new ReadAffinity(List.copyOf(rules));
    }

    /** The node's priority: lower is tried first. */
    public long priority(Device node) {
        if (rules.isEmpty()) {
            return 0;
        }
        for (Rule r : rules) {
            if (r.matches(node)) {
                return r.priority();
            }
        }
        return UNMATCHED;
    }

    /** Whether there are no rules (sorting by it changes nothing). */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadAffinity other && rules.equals(other.rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return "ReadAffinity" + rules;
    }
}
