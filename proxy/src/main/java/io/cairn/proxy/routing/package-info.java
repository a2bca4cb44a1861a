/**
 * Where requests go and how answers combine: node iteration (primaries, then handoffs, error-limited
 * nodes skipped), the error limiter, backend request headers, the quorum fan-out for small requests, the
 * sequential reader and Swift's best-response rules.
 */
@NullMarked
package io.cairn.proxy.routing;

import org.jspecify.annotations.NullMarked;
