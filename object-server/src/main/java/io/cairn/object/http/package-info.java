/**
 * The object server's HTTP layer: parsing of {@code /device/partition/account/container/object}, one
 * {@code …Operation} class per verb of Swift's backend object API (reference §3.2), Swift's swob
 * semantics for ranges and conditional requests, and the one table mapping storage errors to statuses.
 * Nothing here touches a disk directly: every blocking call goes through the device executors to the
 * {@code io.cairn.object.diskfile} layer.
 */
@NullMarked
package io.cairn.object.http;

import org.jspecify.annotations.NullMarked;
