/**
 * Container and account DB replication, Swift's {@code db_replicator}: {@link
 * io.cairn.replicator.db.DbReplicator} walks the local DBs and pushes each to its ring peers with the
 * REPLICATE RPCs, moving whole DBs over Cairn's HTTP transfer instead of rsync, reverting handoffs and
 * reclaiming deleted DBs. Uses only the servers' broker packages ({@code container.db},
 * {@code account.db}) and common; never the servers' HTTP layers.
 */
@NullMarked
package io.cairn.replicator.db;

import org.jspecify.annotations.NullMarked;
