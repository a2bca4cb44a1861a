/**
 * The ring builder: devices, weights, rebalance toward Swift's goals, and Cairn's builder file format.
 * Only {@code cli} (and tests) may depend on this package; servers never load builder code.
 */
@NullMarked
package io.cairn.ring.builder;

import org.jspecify.annotations.NullMarked;
