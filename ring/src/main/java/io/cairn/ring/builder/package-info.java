/**
 * The ring builder: devices, weights, rebalance toward Swift's goals, and Swift's builder file (the pickle
 * {@code swift-ring-builder} reads and writes; Cairn's earlier format is still read).
 * Only {@code cli} (and tests) may depend on this package; servers never load builder code.
 */
@NullMarked
package io.cairn.ring.builder;

import org.jspecify.annotations.NullMarked;
