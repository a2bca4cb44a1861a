package io.cairn.ring.builder;

import io.cairn.common.codec.PickleException;
import io.cairn.common.codec.PickleReader;
import io.cairn.common.codec.PickleWriter;
import io.cairn.common.codec.PyArray;
import io.cairn.common.codec.PyBytes;
import io.cairn.common.codec.PyTuple;
import io.cairn.ring.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift's builder file: {@code pickle.dump(RingBuilder.to_dict(), f, protocol=2)} (Swift 2.30.1's
 * {@code swift/common/ring/builder.py}, reference §1.3). The dict, in Swift's key order:
 *
 * <pre>
 *   part_power               int     1..30 here (Swift: up to 32)
 *   next_part_power          int | None   set while a partition power increase is in progress
 *   replicas                 float   ≥ 1, may be fractional
 *   min_part_hours           int
 *   parts                    int     2 ** part_power
 *   devs                     list of dict | None (holes at removed ids); each dict: region, zone, ip, port,
 *                            device, replication_ip, replication_port, meta, weight (float), id, parts (how
 *                            many replicas it holds), parts_wanted (after a rebalance)
 *   devs_changed             bool
 *   version                  int
 *   overload                 float
 *   _replica2part2dev        None (never rebalanced) | list of array('H'), one per replica; the last is
 *                            shorter for a fractional replica count
 *   _last_part_moves_epoch   int     Unix seconds when the hours below were last aged; 0 = never
 *   _last_part_moves         array('B')   hours (capped at 255) since each partition last moved
 *   _last_part_gather_start  int     partition where the last balance gather began
 *   _dispersion_graph        dict    tier tuple → [parts with 0 replicas in the tier, with 1, ...]
 *   dispersion               float   % of replicas beyond what the tiers allow
 *   _remove_devs             list    the very dicts of {@code devs} pending removal (weight already 0)
 *   id                       str     uuid4 hex, given at the first save
 * </pre>
 *
 * <p>Reading follows {@code RingBuilder.copy_from} and {@code load}: the keys {@code copy_from} indexes are
 * required, {@code next_part_power}, {@code overload}, {@code _dispersion_graph}, {@code dispersion} and {@code
 * id} may be missing; device dicts get Swift's defaults (region 1, meta "", replication address = address).
 * {@code _dispersion_graph}, {@code dispersion}, {@code parts} and {@code parts_wanted} are derived data: they
 * are not read but recomputed when writing, as Swift's rebalance computes them. Extra keys in a device dict
 * (Swift writes none) are dropped. Dict keys and strings written by Python 2 (byte strings) are read as text.
 *
 * <p>Stateless; thread-safe.
 */
final class SwiftBuilderPickle {
    /** Swift's {@code NONE_DEV}: the largest id an {@code array('H')} holds is 65535, which means "no device". */
    static final int MAX_DEVICE_ID = 0xFFFE;

    private SwiftBuilderPickle() {}

    /** Whether {@code bytes} look like a pickle (protocol 2 and later start with the PROTO opcode). */
    static boolean matches(byte[] bytes) {
        return bytes.length >= 1 && (bytes[0] & 0xFF) == 0x80;
    }

    // ---- writing ----

    /**
     * The pickle of {@code s}.
     *
     * @param wanted per device id, the partitions the replica plan gives it (for {@code parts_wanted})
     * @throws IllegalStateException when a device id does not fit Swift's {@code array('H')} or the builder has
     *     no id yet
     */
    static byte[] encode(BuilderState s, int[] wanted) {
        String id = s.id;
        if (id == null) {
            throw new IllegalStateException("a builder gets its id before it is saved");
        }
        if (s.devices.size() > MAX_DEVICE_ID + 1) {
            throw new IllegalStateException("Swift's builder holds device ids up to " + MAX_DEVICE_ID
                    + ", this one has " + s.devices.size() + " slots");
        }
        int[][] rows = s.rows;
        int parts = s.partitionCount();
        int[] held = partsHeld(s);
        List<@Nullable Map<String, Object>> devs = new ArrayList<>();
        List<Map<String, Object>> removeDevs = new ArrayList<>();
        for (Device d : s.devices) {
            if (d == null) {
                devs.add(null);
                continue;
            }
            Map<String, Object> dev = deviceDict(d, held[d.id()]);
            if (rows != null) {
                dev.put("parts_wanted", partsWanted(d, held[d.id()], wanted, parts, s.replicas));
            }
            devs.add(dev);
            if (s.removing.get(d.id())) {
                removeDevs.add(dev); // the same object: Swift's _remove_devs holds the dicts of devs
            }
        }
        Map<String, @Nullable Object> dict = new LinkedHashMap<>();
        dict.put("part_power", (long) s.partPower);
        dict.put("next_part_power", s.nextPartPower == null ? null : (long) s.nextPartPower);
        dict.put("replicas", s.replicas);
        dict.put("min_part_hours", (long) s.minPartHours);
        dict.put("parts", (long) parts);
        dict.put("devs", devs);
        dict.put("devs_changed", s.devicesChanged);
        dict.put("version", s.version);
        dict.put("overload", s.overload);
        dict.put("_replica2part2dev", rows == null ? null : replicaArrays(rows));
        dict.put("_last_part_moves_epoch", s.lastPartMovesEpochSecond);
        dict.put("_last_part_moves", lastPartMoves(s.lastPartMoves));
        dict.put("_last_part_gather_start", (long) s.lastPartGatherStart);
        DispersionGraph graph = rows == null ? null : DispersionGraph.of(s.devices, rows, s.replicas, parts);
        dict.put("_dispersion_graph", graph == null ? new LinkedHashMap<>() : graph.asDict());
        dict.put("dispersion", graph == null ? 0.0 : graph.dispersion());
        dict.put("_remove_devs", removeDevs);
        dict.put("id", id);
        return PickleWriter.dumpProtocol2(dict);
    }

    private static Map<String, Object> deviceDict(Device d, int parts) {
        // Swift's key order: parse_add_value's keys, then add_dev's id and parts, then rebalance's parts_wanted
        Map<String, Object> dev = new LinkedHashMap<>();
        dev.put("region", (long) d.region());
        dev.put("zone", (long) d.zone());
        dev.put("ip", d.ip());
        dev.put("port", (long) d.port());
        dev.put("device", d.device());
        dev.put("replication_ip", d.replicationIp());
        dev.put("replication_port", (long) d.replicationPort());
        dev.put("meta", d.meta());
        dev.put("weight", d.weight());
        dev.put("id", (long) d.id());
        dev.put("parts", (long) parts);
        return dev;
    }

    /** Swift's {@code _set_parts_wanted}: a drained device wants {@code -parts * replicas} (a float). */
    private static Object partsWanted(Device d, int held, int[] wanted, int parts, double replicas) {
        if (d.weight() == 0) {
            return -parts * replicas;
        }
        return (long) (d.id() < wanted.length ? wanted[d.id()] : 0) - held;
    }

    private static int[] partsHeld(BuilderState s) {
        int[] held = new int[s.devices.size()];
        int[][] rows = s.rows;
        if (rows != null) {
            for (int[] row : rows) {
                for (int dev : row) {
                    held[dev]++;
                }
            }
        }
        return held;
    }

    private static List<PyArray> replicaArrays(int[][] rows) {
        List<PyArray> arrays = new ArrayList<>(rows.length);
        for (int[] row : rows) {
            arrays.add(PyArray.of('H', row));
        }
        return arrays;
    }

    private static PyArray lastPartMoves(byte[] hours) {
        int[] items = new int[hours.length];
        for (int p = 0; p < hours.length; p++) {
            items[p] = hours[p] & 0xFF;
        }
        return PyArray.of('B', items);
    }

    // ---- reading ----

    /**
     * Loads a builder from {@code bytes}, the content of {@code path}.
     *
     * @throws CorruptBuilderFileException when the pickle cannot be read, is not a builder dict, or its content
     *     is inconsistent
     */
    static BuilderState decode(Path path, byte[] bytes) throws CorruptBuilderFileException {
        Object loaded;
        try {
            loaded = PickleReader.load(bytes);
        } catch (PickleException e) {
            throw new CorruptBuilderFileException(path, "not a readable Swift builder pickle: " + e.getMessage());
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new CorruptBuilderFileException(
                    path,
                    "the pickle holds " + typeName(loaded) + ", not the dict of RingBuilder.to_dict() (builders saved"
                            + " by Swift before 1.8 pickled the object itself; load and save them with"
                            + " swift-ring-builder first)");
        }
        try {
            return fromDict(new PyDict(map, "builder"));
        } catch (IllegalArgumentException e) {
            throw new CorruptBuilderFileException(path, String.valueOf(e.getMessage()));
        }
    }

    private static BuilderState fromDict(PyDict d) {
        BuilderState s = settings(d);
        Object next = d.optional("next_part_power");
        s.nextPartPower = next == null ? null : d.intValue("next_part_power");
        s.overload = d.optional("overload") == null ? 0.0 : d.number("overload");
        if (!(s.overload >= 0) || Double.isInfinite(s.overload)) {
            throw new IllegalArgumentException("overload " + s.overload + " out of range");
        }
        s.version = d.longValue("version");
        s.devicesChanged = d.bool("devs_changed");
        // copy_from turns a false epoch (None, as swift-ring-builder write_builder passes it) into 0
        s.lastPartMovesEpochSecond =
                d.require("_last_part_moves_epoch") == null ? 0 : (long) d.number("_last_part_moves_epoch");
        s.lastPartGatherStart = d.intValue("_last_part_gather_start");
        if (s.lastPartGatherStart < 0 || s.lastPartGatherStart >= s.partitionCount()) {
            throw new IllegalArgumentException("_last_part_gather_start " + s.lastPartGatherStart + " out of range");
        }
        Object id = d.optional("id");
        s.id = id == null ? null : PyDict.text(id, "id");
        readDevices(d.list("devs"), s);
        readRemoveDevs(d.list("_remove_devs"), s);
        readRows(d.require("_replica2part2dev"), s);
        readLastPartMoves(d.require("_last_part_moves"), s);
        return s;
    }

    /** A state with the builder's part power, replicas and min_part_hours, checked. */
    private static BuilderState settings(PyDict d) {
        int partPower = d.intValue("part_power");
        if (partPower < 1 || partPower > RingBuilder.SWIFT_MAX_PART_POWER) {
            throw new IllegalArgumentException("part_power " + partPower + " out of range");
        }
        if (partPower > RingBuilder.MAX_PART_POWER) {
            throw new IllegalArgumentException("part_power " + partPower + " is valid for Swift but this builder"
                    + " holds at most 2^" + RingBuilder.MAX_PART_POWER + " partitions");
        }
        double replicas = d.number("replicas");
        int minPartHours = d.intValue("min_part_hours");
        if (!(replicas >= 1) || Double.isInfinite(replicas) || minPartHours < 0) {
            throw new IllegalArgumentException(
                    "replicas " + replicas + " or min_part_hours " + minPartHours + " out of range");
        }
        BuilderState s = new BuilderState(partPower, replicas, minPartHours);
        if (d.longValue("parts") != s.partitionCount()) {
            throw new IllegalArgumentException(
                    "parts " + d.longValue("parts") + " is not 2 ** part_power (" + s.partitionCount() + ")");
        }
        return s;
    }

    private static void readDevices(List<?> devs, BuilderState s) {
        for (int id = 0; id < devs.size(); id++) {
            Object item = devs.get(id);
            if (item == null) {
                s.devices.add(null);
                continue;
            }
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("devs[" + id + "] is " + typeName(item) + ", not a dict");
            }
            s.devices.add(device(new PyDict(map, "devs[" + id + "]"), id));
        }
    }

    /** A device dict as {@code RingBuilder.load} completes it: region 1, meta "", replication = address. */
    private static Device device(PyDict d, int index) {
        int id = d.intValue("id");
        if (id != index) {
            throw new IllegalArgumentException(d.name + " has id " + id);
        }
        if (id > MAX_DEVICE_ID) {
            throw new IllegalArgumentException(
                    d.name + ": device ids above " + MAX_DEVICE_ID + " do not fit array('H')");
        }
        int region = d.optional("region") == null ? 1 : d.intValue("region");
        String ip = d.text("ip");
        int port = d.intValue("port");
        String replicationIp = d.optional("replication_ip") == null ? ip : d.text("replication_ip");
        int replicationPort = d.optional("replication_port") == null ? port : d.intValue("replication_port");
        double weight = d.number("weight");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(d.name + " has weight " + weight);
        }
        String meta = d.optional("meta") == null ? "" : d.text("meta");
        return new Device(
                id,
                region,
                d.intValue("zone"),
                ip,
                port,
                replicationIp,
                replicationPort,
                d.text("device"),
                weight,
                meta);
    }

    private static void readRemoveDevs(List<?> removeDevs, BuilderState s) {
        for (int i = 0; i < removeDevs.size(); i++) {
            if (!(removeDevs.get(i) instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("_remove_devs[" + i + "] is not a device dict");
            }
            int id = new PyDict(map, "_remove_devs[" + i + "]").intValue("id");
            if (id < 0 || id >= s.devices.size() || s.devices.get(id) == null) {
                throw new IllegalArgumentException("_remove_devs[" + i + "] names device " + id + ", not in devs");
            }
            s.removing.set(id);
        }
    }

    private static void readRows(@Nullable Object value, BuilderState s) {
        if (value == null) {
            return; // never rebalanced
        }
        if (!(value instanceof List<?> list) || value instanceof PyTuple) {
            throw new IllegalArgumentException("_replica2part2dev is " + typeName(value) + ", not a list of arrays");
        }
        int parts = s.partitionCount();
        int[][] rows = new int[list.size()][];
        for (int r = 0; r < rows.length; r++) {
            int[] row = ints(list.get(r), "_replica2part2dev[" + r + "]");
            // rows may still have the previous replica count (set_replicas takes effect at the next rebalance)
            if (row.length > parts || (r < rows.length - 1 && row.length != parts)) {
                throw new IllegalArgumentException(
                        "_replica2part2dev[" + r + "] has " + row.length + " entries, expected " + parts);
            }
            for (int p = 0; p < row.length; p++) {
                int dev = row[p];
                if (dev < 0 || dev >= s.devices.size() || s.devices.get(dev) == null) {
                    throw new IllegalArgumentException(
                            "partition " + p + " replica " + r + " names unknown device " + dev);
                }
            }
            rows[r] = row;
        }
        s.rows = rows;
    }

    private static void readLastPartMoves(@Nullable Object value, BuilderState s) {
        if (value == null) {
            return; // Swift's copy_from: None means all zeros
        }
        int[] hours = ints(value, "_last_part_moves");
        if (hours.length != s.partitionCount()) {
            throw new IllegalArgumentException(
                    "_last_part_moves has " + hours.length + " entries, expected " + s.partitionCount());
        }
        for (int p = 0; p < hours.length; p++) {
            if (hours[p] < 0 || hours[p] > 0xFF) {
                throw new IllegalArgumentException("_last_part_moves[" + p + "] is " + hours[p]);
            }
            s.lastPartMoves[p] = (byte) hours[p];
        }
    }

    /** An {@code array} (what Swift writes) or a list of ints, as an int[]. */
    private static int[] ints(@Nullable Object value, String name) {
        if (value instanceof PyArray a) {
            return a.toIntArray();
        }
        if (value instanceof List<?> list && !(value instanceof PyTuple)) {
            int[] items = new int[list.size()];
            for (int i = 0; i < items.length; i++) {
                if (!(list.get(i) instanceof Long v) || v != v.intValue()) {
                    throw new IllegalArgumentException(name + "[" + i + "] is not an int");
                }
                items[i] = v.intValue();
            }
            return items;
        }
        throw new IllegalArgumentException(name + " is " + typeName(value) + ", not an array");
    }

    static String typeName(@Nullable Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof PyTuple) {
            return "a tuple";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a dict";
        }
        if (value instanceof String) {
            return "a str";
        }
        if (value instanceof PyBytes) {
            return "a bytes";
        }
        if (value instanceof PyArray) {
            return "an array";
        }
        return "a " + value.getClass().getSimpleName();
    }

    /** A dict read from the pickle, with typed accessors that name the key in their errors. */
    private static final class PyDict {
        final String name;
        private final Map<String, @Nullable Object> items = new LinkedHashMap<>();

        PyDict(Map<?, ?> map, String name) {
            this.name = name;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object key = e.getKey();
                if (key instanceof String || key instanceof PyBytes) {
                    items.put(text(key, name + " key"), e.getValue());
                }
            }
        }

        /** A str, or a Python 2 str (bytes) as text, as Python 3's {@code pickle.load} reads it. */
        static String text(@Nullable Object value, String what) {
            if (value instanceof String s) {
                return s;
            }
            if (value instanceof PyBytes b) {
                return b.asUtf8();
            }
            throw new IllegalArgumentException(what + " is " + typeName(value) + ", not a str");
        }

        @Nullable
        Object optional(String key) {
            return items.get(key);
        }

        @Nullable
        Object require(String key) {
            if (!items.containsKey(key)) {
                throw new IllegalArgumentException(name + " has no '" + key + "'");
            }
            return items.get(key);
        }

        String text(String key) {
            return text(require(key), name + "['" + key + "']");
        }

        long longValue(String key) {
            Object v = require(key);
            if (v instanceof Long l) {
                return l;
            }
            if (v instanceof Boolean b) {
                return b ? 1 : 0;
            }
            throw new IllegalArgumentException(name + "['" + key + "'] is " + typeName(v) + ", not an int");
        }

        int intValue(String key) {
            long v = longValue(key);
            if (v != (int) v) {
                throw new IllegalArgumentException(name + "['" + key + "'] = " + v + " is out of range");
            }
            return (int) v;
        }

        double number(String key) {
            Object v = require(key);
            if (v instanceof Double x) {
                return x;
            }
            if (v instanceof Long || v instanceof Boolean) {
                return longValue(key);
            }
            throw new IllegalArgumentException(name + "['" + key + "'] is " + typeName(v) + ", not a number");
        }

        boolean bool(String key) {
            Object v = require(key);
            if (v instanceof Boolean b) {
                return b;
            }
            if (v instanceof Long l) {
                return l != 0;
            }
            throw new IllegalArgumentException(name + "['" + key + "'] is " + typeName(v) + ", not a bool");
        }

        List<?> list(String key) {
            Object v = require(key);
            if (v instanceof List<?> l && !(v instanceof PyTuple)) {
                return l;
            }
            throw new IllegalArgumentException(name + "['" + key + "'] is " + typeName(v) + ", not a list");
        }
    }
}
