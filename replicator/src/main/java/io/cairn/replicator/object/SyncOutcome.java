package io.cairn.replicator.object;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link SuffixSyncer#sync} did.
 *
 * @param success every suffix was pushed (or found already in sync)
 * @param inSyncHashes object hashes ({@code hash_path} hex) the peer is known to hold at the local
 *     timestamp or newer after the push; may be empty when the syncer does not report them. Used to
 *     delete only those objects of a handoff reverted to another region (Swift's {@code ssync} candidates).
 * @param objectsSent objects (files sets) transferred
 * @param bytesSent body bytes transferred
 * @param error why the push failed (the peer's answer or the connection's failure), or null
 *     <p>Thread-safety: immutable.
 */
public record SyncOutcome(
        boolean success,
        Set<String> inSyncHashes,
        long objectsSent,
        long bytesSent,
        @Nullable String error) {
    public SyncOutcome(boolean success, Set<String> inSyncHashes, long objectsSent, long bytesSent) {
        this(success, inSyncHashes, objectsSent, bytesSent, null);
    }

    public SyncOutcome {
        inSyncHashes = Set.copyOf(inSyncHashes);
        if (objectsSent < 0 || bytesSent < 0) {
            throw new IllegalArgumentException("objectsSent and bytesSent must be >= 0");
        }
    }

    /** A push that failed for {@code why} having sent nothing. */
    public static SyncOutcome failed(String why) {
        return new SyncOutcome(false, Set.of(), 0, 0, why);
    }
}
