package io.cairn.replicator.object;

import io.cairn.replicator.ssync.SsyncResult;
import io.cairn.replicator.ssync.SsyncSender;
import io.cairn.replicator.ssync.SsyncTarget;
import io.cairn.ring.Device;
import java.util.Collection;
import java.util.Set;

/**
 * Pushes suffixes with Swift's SSYNC protocol to the peer's replication address, as Swift's replicator does
 * with {@code sync_method = ssync}.
 *
 * <p>Thread-safety: as thread-safe as the {@link SsyncSender} (one connection per call).
 */
public final class SsyncSuffixSyncer implements SuffixSyncer {
    private final SsyncSender sender;

    public SsyncSuffixSyncer(SsyncSender sender) {
        this.sender = sender;
    }

    @Override
    public SyncOutcome sync(
            Device peer, String localDevice, int partition, int policyIndex, Collection<String> suffixes)
            throws InterruptedException {
        SsyncResult result = sender.send(
                new SsyncTarget(peer.replicationIp(), peer.replicationPort(), peer.device()),
                localDevice,
                partition,
                policyIndex,
                suffixes);
        Set<String> inSync = result.success() ? result.inSyncObjects().keySet() : Set.of();
        return new SyncOutcome(result.success(), inSync, result.objectsSent(), result.bytesSent(), result.error());
    }
}
