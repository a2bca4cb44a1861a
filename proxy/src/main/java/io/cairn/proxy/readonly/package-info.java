/**
 * Swift's {@code read_only} filter: the whole cluster ({@code read_only = true}) or single accounts
 * ({@code X-Account-Sysmeta-Read-Only}, read from the account info cache) refuse writes with 405 {@code Writes are
 * disabled for this account.}; {@code allow_deletes} lets DELETEs through. As in Swift the per-account flag is
 * sysmeta: the gatekeeper strips it from clients (resellers included), so it is set with a direct request to the
 * account servers. Owns only that decision; sits above {@code copy}, so a COPY is judged against its
 * {@code Destination-Account}.
 */
@NullMarked
package io.cairn.proxy.readonly;

import org.jspecify.annotations.NullMarked;
