package io.cairn.ring.builder;

import org.jspecify.annotations.Nullable;

/**
 * What an operator says about a device before the builder gives it an id: location, addresses, name,
 * weight and free-form meta.
 *
 * <p>Immutable. The canonical constructor validates: region and zone ≥ 0, ports 0..65535, IPs are IPv4
 * or IPv6 literals (normalized as Swift does: lower case, IPv6 compressed), a non-blank device name
 * without {@code /} or surrounding spaces, a finite weight ≥ 0.
 *
 * @param region Swift region number
 * @param zone Swift zone number (within the region)
 * @param ip IP literal of the storage server (IPv6 without brackets)
 * @param port port of the storage server
 * @param replicationIp IP the replicator uses (Swift defaults it to {@code ip})
 * @param replicationPort port the replicator uses (Swift defaults it to {@code port})
 * @param device directory name of the device under the server's devices root, e.g. {@code sdb1}
 * @param weight relative capacity; 0 drains the device
 * @param meta free-form text, may be empty
 */
public record DeviceSpec(
        int region,
        int zone,
        String ip,
        int port,
        String replicationIp,
        int replicationPort,
        String device,
        double weight,
        String meta) {

    /** Validates and normalizes; see the type's Javadoc. */
    public DeviceSpec {
        if (region < 0) {
            throw new IllegalArgumentException("region must be >= 0 (was " + region + ")");
        }
        if (zone < 0) {
            throw new IllegalArgumentException("zone must be >= 0 (was " + zone + ")");
        }
        ip = IpLiterals.normalize(ip);
        replicationIp = IpLiterals.normalize(replicationIp);
        checkPort("port", port);
        checkPort("replication port", replicationPort);
        checkDeviceName(device);
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number >= 0 (was " + weight + ")");
        }
    }

    /**
     * Parses swift-ring-builder's device syntax {@code r<R>z<Z>-<IP>:<PORT>[R<RIP>:<RPORT>]/<DEVICE>[_<META>]}
     * as Swift's {@code parse_add_value} does. Without {@code r<R>} the region is 1 (as swift-ring-builder
     * defaults it); without {@code R<RIP>:<RPORT>} replication uses {@code ip}/{@code port}; IPv6 addresses
     * are written in brackets ({@code r1z1-[fe80::1]:6200/sdb}); everything after the first {@code _}
     * following the device name is the meta.
     *
     * @throws IllegalArgumentException naming the part of {@code swiftDeviceSyntax} that is malformed
     */
    public static DeviceSpec parse(String swiftDeviceSyntax, double weight) {
        String value = swiftDeviceSyntax;
        int region = 1;
        int pos = 0;
        if (value.startsWith("r")) {
            int end = digitsEnd(value, 1);
            region = parseNumber(value, 1, end, "region after 'r'");
            pos = end;
        }
        if (!value.startsWith("z", pos)) {
            throw malformed(value, "expected 'z<zone>' at position " + pos);
        }
        int zoneEnd = digitsEnd(value, pos + 1);
        int zone = parseNumber(value, pos + 1, zoneEnd, "zone after 'z'");
        pos = zoneEnd;
        if (!value.startsWith("-", pos)) {
            throw malformed(value, "expected '-' before the address at position " + pos);
        }
        Address address = parseAddress(value, pos + 1);
        Address replication = address;
        pos = address.end;
        if (value.startsWith("R", pos)) {
            replication = parseAddress(value, pos + 1);
            pos = replication.end;
        }
        if (!value.startsWith("/", pos)) {
            throw malformed(value, "expected '/<device>' at position " + pos);
        }
        int metaSep = value.indexOf('_', pos + 1);
        String device = metaSep < 0 ? value.substring(pos + 1) : value.substring(pos + 1, metaSep);
        String meta = metaSep < 0 ? "" : value.substring(metaSep + 1);
        try {
            return new DeviceSpec(
                    region, zone, address.ip, address.port, replication.ip, replication.port, device, weight, meta);
        } catch (IllegalArgumentException e) {
            throw malformed(value, e.getMessage());
        }
    }

    private record Address(String ip, int port, int end) {}

    /** {@code <ip>:<port>} or {@code [<ipv6>]:<port>}, ending before {@code R} or {@code /}. */
    private static Address parseAddress(String value, int start) {
        int end = start;
        boolean bracketed = value.startsWith("[", start);
        if (bracketed) {
            int close = value.indexOf(']', start);
            if (close < 0) {
                throw malformed(value, "missing ']' after '[' at position " + start);
            }
            end = close;
        }
        while (end < value.length() && value.charAt(end) != 'R' && value.charAt(end) != '/') {
            end++;
        }
        String address = value.substring(start, end);
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw malformed(value, "missing ':<port>' in address '" + address + "'");
        }
        String ip = address.substring(0, colon);
        if (bracketed) {
            if (!ip.endsWith("]")) {
                throw malformed(value, "expected ']:' after the bracketed IPv6 address '" + address + "'");
            }
            ip = ip.substring(1, ip.length() - 1);
        }
        int port = parseNumber(value, start + colon + 1, start + address.length(), "port in address '" + address + "'");
        try {
            return new Address(IpLiterals.normalize(ip), port, end);
        } catch (IllegalArgumentException e) {
            throw malformed(value, e.getMessage());
        }
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static int parseNumber(String s, int from, int to, String what) {
        if (from >= to || digitsEnd(s, from) != to || to - from > 9) {
            throw malformed(s, "invalid " + what + ": '" + s.substring(from, Math.max(from, to)) + "'");
        }
        return Integer.parseInt(s, from, to, 10);
    }

    private static void checkPort(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " must be in 0..65535 (was " + port + ")");
        }
    }

    private static void checkDeviceName(String device) {
        if (device.isEmpty() || device.isBlank()) {
            throw new IllegalArgumentException("Invalid device name: must not be empty");
        }
        if (device.startsWith(" ") || device.endsWith(" ")) {
            throw new IllegalArgumentException("Invalid device name '" + device + "': leading or trailing space");
        }
        if (device.indexOf('/') >= 0) {
            throw new IllegalArgumentException("Invalid device name '" + device + "': contains '/'");
        }
    }

    private static IllegalArgumentException malformed(String value, @Nullable String why) {
        return new IllegalArgumentException("Invalid device '" + value + "': " + why
                + " (expected r<region>z<zone>-<ip>:<port>[R<ip>:<port>]/<device>[_<meta>])");
    }
}
