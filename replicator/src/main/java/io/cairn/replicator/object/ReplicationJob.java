package io.cairn.replicator.object;

import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import java.nio.file.Path;
import java.util.List;

/**
 * One partition of one local device to replicate: Swift's job dict from {@code build_replication_jobs}.
 *
 * @param localDevice the ring entry of the local device holding the partition
 * @param partitionDir {@code <dev>/objects[-N]/<partition>}
 * @param nodes the partition's primaries other than the local device
 * @param handoff true when the local device is not a primary (Swift's {@code delete}): revert and remove
 *     <p>Thread-safety: immutable.
 */
record ReplicationJob(
        int policyIndex,
        Ring ring,
        Device localDevice,
        int partition,
        Path partitionDir,
        List<Device> nodes,
        boolean handoff) {

    ReplicationJob {
        nodes = List.copyOf(nodes);
    }

    String device() {
        return localDevice.device();
    }

    @Override
    public String toString() {
        return (handoff ? "handoff " : "primary ") + localDevice.device() + "/" + policyIndex + "/" + partition;
    }
}
