/**
 * Swift's ring: partition of a name, primaries and handoffs in exactly Swift's order, reload on change.
 * Servers use this package; only {@code cli} may use {@code io.cairn.ring.builder}.
 */
@NullMarked
package io.cairn.ring;

import org.jspecify.annotations.NullMarked;
