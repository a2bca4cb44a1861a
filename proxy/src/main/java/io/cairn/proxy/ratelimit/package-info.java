/**
 * Swift's {@code ratelimit} filter: account and container write rates ({@code account_ratelimit},
 * {@code container_ratelimit_N}), container listing rates ({@code container_listing_ratelimit_N}), the
 * per-account global write rate and black/white lists ({@code X-Account-Sysmeta-Global-Write-Ratelimit},
 * {@code account_whitelist}/{@code account_blacklist}), 498 {@code Slow down} past {@code max_sleep_time_seconds}
 * and 497 for blacklisted accounts.
 *
 * <p>Swift keeps its counters in memcache; Cairn keeps them in one {@link io.cairn.proxy.ratelimit.RateCounters}
 * per process, shared by every proxy (and event loop) of the node, and holds a request with the event loop's
 * scheduler where Swift sleeps. With several proxy hosts the limits are per host, as Swift's with a memcache
 * local to each proxy. Owns only the counters; reads account and container info through the proxy's info cache
 * and serves nothing itself but its refusals.
 */
@NullMarked
package io.cairn.proxy.ratelimit;

import org.jspecify.annotations.NullMarked;
