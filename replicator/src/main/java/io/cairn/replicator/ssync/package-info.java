/**
 * The sending end of Swift's SSYNC (reference §6.3; {@code swift/obj/ssync_sender.py} of Swift 2.30.1):
 * {@link io.cairn.replicator.ssync.SsyncSender} offers the objects of some suffixes of a local partition
 * to a remote object server (Swift's or Cairn's) and sends what it asks for. Blocking, on the
 * replicator's daemon threads, with connect, write and read timeouts so a dead or silent peer fails fast.
 */
@NullMarked
package io.cairn.replicator.ssync;

import org.jspecify.annotations.NullMarked;
