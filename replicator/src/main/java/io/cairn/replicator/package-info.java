/** Object and DB replication, handoff revert, tombstone reclaim (issue 5; not built yet). */
@NullMarked
package io.cairn.replicator;

import org.jspecify.annotations.NullMarked;
