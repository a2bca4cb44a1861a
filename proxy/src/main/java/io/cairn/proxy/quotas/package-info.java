/**
 * Swift's {@code container_quotas} and {@code account_quotas} filters on the application seam: a container's
 * {@code X-Container-Meta-Quota-Bytes}/{@code -Count} and an account's reseller-set
 * {@code X-Account-Meta-Quota-Bytes} refuse object PUTs (and the PUTs of server-side copies, which run below
 * {@code copy}) that would go over, with 413 {@code Upload exceeds quota.} to callers who could otherwise write.
 *
 * <p>As in Swift, the check reads the usage the container and account report (the proxy's info cache, then the
 * listings' eventually consistent counts): parallel uploads near the limit can each pass it. Owns nothing but
 * these two filters; must not touch the backends except through {@code next}.
 */
@NullMarked
package io.cairn.proxy.quotas;

import org.jspecify.annotations.NullMarked;
