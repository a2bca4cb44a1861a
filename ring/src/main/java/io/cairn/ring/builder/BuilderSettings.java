package io.cairn.ring.builder;

/**
 * The scalar settings of a builder that a rebalance reads.
 *
 * <p>Immutable.
 *
 * @param partPower log2 of the partition count
 * @param replicas replica count, possibly fractional
 * @param minPartHours hours a moved partition must wait before it may move again
 * @param overload fraction a tier may take above its weight share for dispersion (0.1 = 10 %)
 */
record BuilderSettings(int partPower, double replicas, int minPartHours, double overload) {}
