package io.cairn.replicator.object;

import java.util.Set;

/**
 * What one {@link SuffixSyncer#sync} did.
 *
 * @param success every suffix was pushed (or found already in sync)
 * @param inSyncHashes object hashes ({@code hash_path} hex) the peer is known to hold at the local
 *     timestamp or newer after the push; may be empty when the syncer does not report them. Used to
 *     delete only those objects of a handoff reverted to another region (Swift's {@code ssync} candidates).
 * @param objectsSent objects (files sets) transferred
 * @param bytesSent body bytes transferred
 *     <p>Thread-safety: immutable.
 */
public record SyncOutcome(boolean success, Set<String> inSyncHashes, long objectsSent, long bytesSent) {
    public SyncOutcome {
        inSyncHashes = Set.copyOf(inSyncHashes);
        if (objectsSent < 0 || bytesSent < 0) {
            throw new IllegalArgumentException("objectsSent and bytesSent must be >= 0");
        }
    }

    /** A failed push that sent nothing. */
    public static SyncOutcome failed() {
        return new SyncOutcome(false, Set.of(), 0, 0);
    }
}
