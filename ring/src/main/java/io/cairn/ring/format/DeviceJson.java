package io.cairn.ring.format;

import io.cairn.ring.Device;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Converts ring devices between {@link Device} and the JSON dicts of a ring file, with Swift's defaults
 * for keys old rings omit ({@code region} 1, {@code replication_ip/port} = {@code ip/port},
 * {@code weight} 0, {@code meta} ""). Extra keys are ignored when reading.
 *
 * <p>Thread-safety: stateless; thread-safe.
 */
final class DeviceJson {
    private DeviceJson() {}

    static List<@Nullable Object> toJson(List<@Nullable Device> devices) {
        List<@Nullable Object> list = new ArrayList<>(devices.size());
        for (Device d : devices) {
            list.add(d == null ? null : toJson(d));
        }
        return list;
    }

    private static Map<String, Object> toJson(Device d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", d.device());
        m.put("id", d.id());
        m.put("ip", d.ip());
        m.put("meta", d.meta());
        m.put("port", d.port());
        m.put("region", d.region());
        m.put("replication_ip", d.replicationIp());
        m.put("replication_port", d.replicationPort());
        m.put("weight", d.weight());
        m.put("zone", d.zone());
        return m;
    }

    static List<@Nullable Device> fromJson(@Nullable Object json) throws RingFormatException {
        if (!(json instanceof List<?> list)) {
            throw new RingFormatException("\"devs\" is not a JSON list");
        }
        List<@Nullable Device> devices = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object entry = list.get(i);
            devices.add(entry == null ? null : fromJson(entry, i));
        }
        return devices;
    }

    private static Device fromJson(Object entry, int index) throws RingFormatException {
        if (!(entry instanceof Map<?, ?> m)) {
            throw new RingFormatException("device " + index + " is not a JSON object");
        }
        String where = "device " + index;
        int id = intValue(m, "id", where, null);
        if (id != index) {
            throw new RingFormatException(where + " has id " + id + ": ids must equal list positions");
        }
        String ip = string(m, "ip", where, null);
        int port = intValue(m, "port", where, null);
        Object weight = m.get("weight");
        double w;
        if (weight == null) {
            w = 0;
        } else if (weight instanceof Number n) {
            w = n.doubleValue();
        } else {
            throw new RingFormatException(where + ": \"weight\" is not a number");
        }
        return new Device(
                id,
                intValue(m, "region", where, 1),
                intValue(m, "zone", where, null),
                ip,
                port,
                string(m, "replication_ip", where, ip),
                intValue(m, "replication_port", where, port),
                string(m, "device", where, null),
                w,
                string(m, "meta", where, ""));
    }

    private static int intValue(Map<?, ?> m, String key, String where, @Nullable Integer dflt)
            throws RingFormatException {
        Object v = m.get(key);
        if (v == null) {
            if (dflt == null) {
                throw new RingFormatException(where + " has no \"" + key + "\"");
            }
            return dflt;
        }
        if (!(v instanceof Long l) || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new RingFormatException(where + ": \"" + key + "\" is not a 32-bit integer: " + v);
        }
        return l.intValue();
    }

    private static String string(Map<?, ?> m, String key, String where, @Nullable String dflt)
            throws RingFormatException {
        Object v = m.get(key);
        if (v == null) {
            if (dflt == null) {
                throw new RingFormatException(where + " has no \"" + key + "\"");
            }
            return dflt;
        }
        if (!(v instanceof String s)) {
            throw new RingFormatException(where + ": \"" + key + "\" is not a string: " + v);
        }
        return s;
    }
}
