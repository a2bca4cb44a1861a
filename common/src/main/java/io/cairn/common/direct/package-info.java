/**
 * Swift's {@code direct_client}: requests a daemon sends straight to one storage server ({@code
 * /<device>/<partition>/<account>[/<container>[/<object>]]}) instead of through a proxy — listings of an
 * account or a container, deletes of objects, rows and containers — for the expirer and the reaper. Plumbing
 * only: which node to ask and what the answers mean belong to the daemon.
 */
@NullMarked
package io.cairn.common.direct;

import org.jspecify.annotations.NullMarked;
