/**
 * Swift's {@code account-reaper} ({@code swift/account/reaper.py}): empties the accounts a reseller admin
 * deleted (status {@code DELETED} in the account DB) — every object, then every container — from the node
 * holding the account's primary replicas. Uses the account DB as a library ({@code io.cairn.account.db}) and
 * talks to the other servers directly ({@code io.cairn.common.direct}); serves no HTTP.
 */
@NullMarked
package io.cairn.account.reaper;

import org.jspecify.annotations.NullMarked;
