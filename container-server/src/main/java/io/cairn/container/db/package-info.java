/**
 * Swift's container DB: {@code ContainerBroker} on the shared {@code io.cairn.common.db} base, with
 * Swift 2.30.1's exact schema (object table, policy_stat, container_info, the container_stat view, shard
 * ranges, triggers), the object-row merge rules with combined timestamps, stats and pending-file records.
 * Used as a library by the replicator and auditor; must not touch HTTP.
 */
@NullMarked
package io.cairn.container.db;

import org.jspecify.annotations.NullMarked;
