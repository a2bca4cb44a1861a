package io.cairn.common.direct;

/**
 * One storage server device to talk to: the address a daemon uses (Swift's daemons use the replication
 * address: {@code USE_REPLICATION_NETWORK_HEADER}) and the device name.
 *
 * @param ip the server's address, IPv6 without brackets
 * @param port the server's port
 * @param device the device name, the path's first segment
 */
public record DirectNode(String ip, int port, String device) {
    /** {@code ip:port/device}, for logs. */
    @Override
    public String toString() {
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port + "/" + device;
    }

    /** {@code ip:port} as Swift writes it in {@code X-Container-Host} / {@code X-Account-Host}. */
    public String hostPort() {
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }
}
