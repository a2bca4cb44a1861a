package io.cairn.ring;

/**
 * One device of a ring, as in a Swift ring file's {@code devs} list (reference §1.1).
 *
 * <p>Immutable. {@code replicationIp}/{@code replicationPort} default to {@code ip}/{@code port} when a
 * ring file omits them.
 *
 * @param id index in the ring's device list
 * @param weight relative capacity; 0 means "drain"
 */
public record Device(
        int id,
        int region,
        int zone,
        String ip,
        int port,
        String replicationIp,
        int replicationPort,
        String device,
        double weight,
        String meta) {

    /** {@code ip:port/device}, the form {@code ./cairn ring lookup} prints. */
    public String address() {
        String host = ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip;
        return host + ":" + port + "/" + device;
    }
}
