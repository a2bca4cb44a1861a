/**
 * The storage-server scaffold: how the object, container and account servers are built. {@code StorageServer}
 * owns what every storage server repeats — the listening socket and its event loops, the device executors, the
 * access-log sink, the recon thread and the order of a graceful stop — and {@code StorageServerInitializer}
 * assembles the pipeline stages they share ({@code codec} with Swift's header limits, {@code idle} for {@code
 * client_timeout}, {@code access-log}, {@code keep-alive}, {@code recon}, {@code idle-close}) around the stages
 * each server supplies. Settings come in as a {@code StorageServerSettings} built from the server's own config.
 * Must not hold the behaviour of any one server: no object, container or account logic, no storage policies
 * (those are {@code io.cairn.ring.policy}'s).
 */
@NullMarked
package io.cairn.common.server;

import org.jspecify.annotations.NullMarked;
