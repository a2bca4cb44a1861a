/**
 * Swift's SSYNC replication protocol (reference §6.3; {@code swift/obj/ssync_sender.py} and {@code
 * ssync_receiver.py} of Swift 2.30.1): the missing_check and updates line formats shared by both ends
 * ({@link io.cairn.object.ssync.SsyncMessages}), and the receiver that answers {@code SSYNC /<dev>/<part>}
 * in the object server ({@link io.cairn.object.ssync.SsyncReceiver}). The replicator's sender uses the
 * line formats as a library. The receiver blocks: it runs on a replication thread, never an event loop,
 * and does its disk work on the device's executor.
 */
@NullMarked
package io.cairn.object.ssync;

import org.jspecify.annotations.NullMarked;
