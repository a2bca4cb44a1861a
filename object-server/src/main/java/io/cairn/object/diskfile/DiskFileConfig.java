package io.cairn.object.diskfile;

import java.util.Objects;

/**
 * Settings of the disk file layer, from {@code object-server.conf} ({@code [app:object-server]}).
 *
 * @param reclaimAgeSeconds Swift's {@code reclaim_age} (default 604800 = one week): tombstones and stray
 *     {@code .meta} files older than this are removed by cleanup
 * @param pythonSharesDisk when Swift's Python daemons (replicator, auditor) also run on these disks: write
 *     {@code hashes.invalid}/{@code hashes.pkl} as Swift does
 * @param maxPartitionsPerDevice (policy, partition) pairs the per-device suffix-hash map is sized for
 * @param fallocate Swift's fallocate (default on; {@code disable_fallocate = true} turns it off): a body of known
 *     size has its blocks reserved before it is written, after the {@code fallocateReserve} check; off, neither
 *     happens and a write fails only when the disk really fills
 * @param fallocateReserve Swift's {@code fallocate_reserve} (default {@code 1%})
 *     <p>Thread-safety: immutable.
 */
public record DiskFileConfig(
        long reclaimAgeSeconds,
        boolean pythonSharesDisk,
        int maxPartitionsPerDevice,
        boolean fallocate,
        FallocateReserve fallocateReserve) {
    public static final long DEFAULT_RECLAIM_AGE = 604_800L;
    public static final int DEFAULT_MAX_PARTITIONS = 65_536;

    public DiskFileConfig {
        if (reclaimAgeSeconds < 0) {
            throw new IllegalArgumentException("reclaim_age must be >= 0, not " + reclaimAgeSeconds);
        }
        if (maxPartitionsPerDevice < 1) {
            throw new IllegalArgumentException("maxPartitionsPerDevice must be >= 1, not " + maxPartitionsPerDevice);
        }
        Objects.requireNonNull(fallocateReserve, "fallocateReserve");
    }

    /** With Swift's fallocate defaults: on, {@code fallocate_reserve = 1%}. */
    public DiskFileConfig(long reclaimAgeSeconds, boolean pythonSharesDisk, int maxPartitionsPerDevice) {
        this(reclaimAgeSeconds, pythonSharesDisk, maxPartitionsPerDevice, true, FallocateReserve.DEFAULT);
    }

    public static DiskFileConfig defaults() {
        return new DiskFileConfig(DEFAULT_RECLAIM_AGE, false, DEFAULT_MAX_PARTITIONS);
    }

    /** This config with fallocate on or off and the given reserve. */
    public DiskFileConfig withFallocate(boolean enabled, FallocateReserve reserve) {
        return new DiskFileConfig(reclaimAgeSeconds, pythonSharesDisk, maxPartitionsPerDevice, enabled, reserve);
    }
}
