package io.cairn.object.ssync;

import java.time.Duration;
import java.util.Set;

/**
 * The object server settings the SSYNC receiver uses (Swift's names).
 *
 * @param clientTimeout {@code client_timeout}: the longest silence of the sender
 * @param networkChunkSize {@code network_chunk_size}: longest line and largest body read (65536)
 * @param failureThreshold {@code replication_failure_threshold} (100)
 * @param failureRatio {@code replication_failure_ratio} (1.0)
 * @param lockTimeout {@code replication_lock_timeout} (15 s)
 * @param allowedHeaders {@code allowed_headers}, lowercase
 *     <p>Immutable.
 */
public record SsyncReceiverSettings(
        Duration clientTimeout,
        int networkChunkSize,
        int failureThreshold,
        double failureRatio,
        Duration lockTimeout,
        Set<String> allowedHeaders) {
    public SsyncReceiverSettings {
        if (networkChunkSize < 1) {
            throw new IllegalArgumentException("network_chunk_size must be >= 1, not " + networkChunkSize);
        }
        allowedHeaders = Set.copyOf(allowedHeaders);
    }
}
