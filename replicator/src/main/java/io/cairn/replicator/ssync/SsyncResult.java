package io.cairn.replicator.ssync;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one SSYNC, as Swift's {@code Sender.__call__} returns it plus counters.
 *
 * @param success the whole exchange completed without error
 * @param inSyncObjects on success, every object hash offered mapped to its data/tombstone timestamp
 *     (internal form): Swift's {@code can_delete_objs}; empty on failure
 * @param objectsSent PUT, POST and DELETE subrequests sent
 * @param bytesSent bytes written to the connection
 * @param error why it failed, or null
 *     <p>Immutable.
 */
public record SsyncResult(
        boolean success,
        Map<String, String> inSyncObjects,
        long objectsSent,
        long bytesSent,
        @Nullable String error) {
    public SsyncResult {
        inSyncObjects = Map.copyOf(inSyncObjects);
    }
}
