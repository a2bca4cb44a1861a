package io.cairn.container.http;

import java.util.Set;

/**
 * The storage policy indexes this cluster knows ({@code [storage-policy:N]} of {@code swift.conf}) and
 * the default one; Swift's {@code POLICIES.get_by_index} / {@code POLICIES.default} as far as the
 * container server needs them. Immutable.
 */
public record PolicyIndexes(Set<Integer> known, int defaultIndex) {
    public PolicyIndexes {
        known = Set.copyOf(known);
    }

    /** Only policy 0, the default (a {@code swift.conf} without policy sections). */
    public static PolicyIndexes legacy() {
        return new PolicyIndexes(Set.of(0), 0);
    }
}
