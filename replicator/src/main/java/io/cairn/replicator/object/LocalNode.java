package io.cairn.replicator.object;

import io.cairn.ring.Device;
import java.util.Set;

/**
 * Which ring devices are "this node": Swift's {@code is_local_device(whataremyips(ring_ip), bind_port,
 * dev['replication_ip'], dev['replication_port'])}.
 *
 * @param ips the node's addresses as they appear in the ring ({@code replication_ip})
 * @param port the object server's {@code bind_port}; 0 matches any port (Swift's {@code servers_per_port})
 *     <p>Thread-safety: immutable.
 */
public record LocalNode(Set<String> ips, int port) {
    public LocalNode {
        ips = Set.copyOf(ips);
        if (ips.isEmpty()) {
            throw new IllegalArgumentException("a local node needs at least one address");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535], not " + port);
        }
    }

    /** True when {@code device} (by its replication address) lives on this node. */
    public boolean isLocal(Device device) {
        return ips.contains(device.replicationIp()) && (port == 0 || port == device.replicationPort());
    }
}
