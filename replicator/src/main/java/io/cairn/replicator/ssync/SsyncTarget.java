package io.cairn.replicator.ssync;

/**
 * The remote end of an SSYNC: the node's {@code replication_ip}/{@code replication_port} and device.
 * Immutable.
 */
public record SsyncTarget(String host, int port, String device) {
    public SsyncTarget {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535, not " + port);
        }
        if (host.isEmpty() || device.isEmpty() || device.contains("/")) {
            throw new IllegalArgumentException("need a host and a device name, got " + host + " / " + device);
        }
    }
}
