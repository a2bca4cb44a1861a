package io.cairn.ring.builder;

/**
 * What one {@link RingBuilder#rebalance} did.
 *
 * <p>Immutable.
 *
 * @param partsMoved replica assignments whose device changed (newly created slots count as changed, as in
 *     Swift's {@code changed_parts})
 * @param balance Swift's balance after the rebalance: the largest |%| by which a device's partition count
 *     deviates from its weight share ({@code get_balance}); 999.99 when a zero-weight device still holds
 *     partitions
 * @param dispersion Swift's dispersion after the rebalance: % of replica assignments beyond what the
 *     failure-domain tree allows ({@code _build_dispersion_graph})
 * @param changed whether the ring differs from the previous rebalance's (assignments moved, devices added,
 *     removed or re-weighted, replica count changed); when false there is no new ring to write
 */
public record RebalanceResult(int partsMoved, double balance, double dispersion, boolean changed) {}
