package io.cairn.replicator.object;

import io.cairn.ring.Device;
import java.util.Collection;

/**
 * Pushes whole suffix directories of one local partition to one peer device: Swift's {@code
 * ObjectReplicator.sync} ({@code ssync} semantics: what the peer already has at the same or a newer
 * timestamp is not sent, and counts as in sync).
 *
 * <p>Thread-safety: implementations must be thread-safe; the replicator calls them from several device
 * workers at once. A call blocks until the push ended and must honour interruption promptly.
 */
@FunctionalInterface
public interface SuffixSyncer {
    /**
     * Pushes {@code suffixes} of {@code <localDevice>/objects[-policyIndex]/<partition>} to {@code peer}.
     * Failures (peer down, timeout, refused) are reported as {@code success=false}, not thrown.
     *
     * @throws InterruptedException when the calling worker is interrupted (the pass is stopping)
     */
    SyncOutcome sync(Device peer, String localDevice, int partition, int policyIndex, Collection<String> suffixes)
            throws InterruptedException;
}
