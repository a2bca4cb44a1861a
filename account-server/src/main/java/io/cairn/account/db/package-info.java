/**
 * The account DB ({@code AccountBroker}): Swift's account schema, triggers and {@code policy_stat},
 * container-row merge rules and the container listing query. Used as a library by the replicator and
 * auditor; must not know HTTP.
 */
@NullMarked
package io.cairn.account.db;

import org.jspecify.annotations.NullMarked;
