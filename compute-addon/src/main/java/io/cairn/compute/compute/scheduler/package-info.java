/**
 * Host choice: a filter chain and normalised weighers with multipliers, then a random pick among the best
 * {@code host_subset_size}; the historical "chance", "simple" and "zone" schedulers are configurations of it. Pure
 * functions over {@link io.cairn.compute.compute.scheduler.HostState}s: no database, no messages.
 */
@NullMarked
package io.cairn.compute.compute.scheduler;

import org.jspecify.annotations.NullMarked;
