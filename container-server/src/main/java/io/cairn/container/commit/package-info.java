/**
 * Group commit of object-row updates into container DBs: every row PUT/DELETE goes through one
 * {@link io.cairn.common.db.GroupCommitWriter} (single writer per DB, batches in one transaction, each
 * update answered after its batch committed). Must not parse HTTP or build listings.
 */
@NullMarked
package io.cairn.container.commit;

import org.jspecify.annotations.NullMarked;
