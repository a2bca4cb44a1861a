/**
 * Swift's {@code container-updater} ({@code swift/container/updater.py}): the daemon that reports each local
 * container DB's stats (put/delete timestamps, object count, bytes) to its account's replicas when they changed
 * since the last report, so account listings and stats follow the containers — including the containers the
 * object servers create on their own ({@code .expiring_objects}' task containers), which nothing else lists.
 * Uses the container DB as a library ({@code io.cairn.container.db}); serves no HTTP.
 */
@NullMarked
package io.cairn.container.updater;

import org.jspecify.annotations.NullMarked;
