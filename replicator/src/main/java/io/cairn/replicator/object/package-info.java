/**
 * The object replicator daemon (Swift's {@code swift/obj/replicator.py}, replicated policies): walks every
 * partition of every local device, compares suffix hashes with the other primaries through {@code
 * REPLICATE}, pushes differing suffixes with a {@link io.cairn.replicator.object.SuffixSyncer} and reverts
 * handoff partitions to their primaries, removing them locally once the primaries have them.
 */
@NullMarked
package io.cairn.replicator.object;

import org.jspecify.annotations.NullMarked;
