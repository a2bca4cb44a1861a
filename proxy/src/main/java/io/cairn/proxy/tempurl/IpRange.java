package io.cairn.proxy.tempurl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code ip_address(client) in ip_network(range)} (strict: a network with host bits set is invalid),
 * for IPv4 and IPv6 literals only: a name is never looked up.
 *
 * <p>Thread-safety: stateless.
 */
final class IpRange {
    private IpRange() {}

    /** Whether {@code client} is in {@code range}; false for anything Python would raise ValueError on. */
    static boolean contains(String range, @Nullable String client) {
        if (client == null) {
            return false;
        }
        int slash = range.indexOf('/');
        byte[] net = literal(slash < 0 ? range : range.substring(0, slash));
        byte[] ip = literal(client);
        if (net == null || ip == null || net.length != ip.length) {
            return false;
        }
        int bits = net.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = range.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return false;
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                return false;
            }
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            boolean netBit = (net[i / 8] & mask) != 0;
            if (i >= prefix) {
                if (netBit) {
                    return false; // host bits set: Python's strict ip_network refuses it
                }
            } else if (netBit != ((ip[i / 8] & mask) != 0)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of an IPv4 dotted quad or an IPv6 literal, or null. */
    private static byte @Nullable [] literal(String s) {
        boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255 || (part.length() > 1 && part.startsWith("0"))) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
