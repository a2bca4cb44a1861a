package io.cairn.replicator.object;

/** Names of the counters an object replicator pass reports (recon keys). Thread-safety: constants. */
final class ReplicationCounters {
    /** Partition jobs attempted (Swift's {@code attempted}). */
    static final String PARTITIONS_CHECKED = "partitions_checked";
    /** Partitions where at least one suffix was pushed to some peer. */
    static final String PARTITIONS_SYNCED = "partitions_synced";
    /** Suffixes pushed successfully, summed over peers (Swift's {@code suffix_sync}). */
    static final String SUFFIXES_SYNCED = "suffixes_synced";
    /** Peers whose suffix hashes all matched (Swift's {@code hashmatch}). */
    static final String PEERS_IN_SYNC = "peers_in_sync";

    static final String OBJECTS_SENT = "objects_sent";
    static final String BYTES_SENT = "bytes_sent";
    /** Handoff partitions pushed to enough primaries to be removed (Swift's {@code remove}). */
    static final String HANDOFFS_REVERTED = "handoffs_reverted";
    /** Handoff partition directories removed (also empty ones). */
    static final String HANDOFF_PARTITIONS_REMOVED = "handoff_partitions_removed";
    /** Object hash directories of a handoff removed after a push to another region (ssync candidates). */
    static final String HANDOFF_OBJECTS_REMOVED = "handoff_objects_removed";
    /** Failed peer exchanges: unreachable, timed out, non-200, or a failed push (Swift's {@code failure}). */
    static final String PEER_FAILURES = "peer_failures";
    /** Local devices skipped because they are unmounted or missing. */
    static final String DEVICES_UNAVAILABLE = "devices_unavailable";
    /** Handoff partitions skipped because an incoming sync held their replication lock. */
    static final String PARTITION_LOCK_BUSY = "partition_lock_busy";
    /** Temp files older than reclaim_age removed from {@code tmp[-N]}. */
    static final String TEMP_FILES_REMOVED = "temp_files_removed";

    private ReplicationCounters() {}
}
