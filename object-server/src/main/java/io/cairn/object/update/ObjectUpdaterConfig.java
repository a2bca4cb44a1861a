package io.cairn.object.update;

import io.cairn.common.config.ConfigDefinition;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.ServerSettings;
import io.cairn.common.config.Setting;
import io.cairn.common.config.StorageDaemonConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code [object-updater]} section of {@code object-server.conf} (with {@code [DEFAULT]}, as Swift's
 * {@code readconf} reads it), parsed once. Keys and defaults are Swift 2.30.1's ({@code
 * swift/obj/updater.py}), declared once in {@link #DEFINITION} (common's config registry): its settings are what
 * Cairn uses, its accepted keys what Swift knows and Cairn accepts without acting on, anything else set in the
 * section is unknown.
 *
 * <p>Swift's deprecated {@code slowdown} still works as in Swift: without {@code objects_per_second},
 * {@code objects_per_second = 1 / (slowdown + 0.01)}. Cairn's own {@code max_backoff} caps the retry
 * back-off of a failing pending (see {@link ObjectUpdater}).
 *
 * <p>Immutable.
 */
public final class ObjectUpdaterConfig extends StorageDaemonConfig {
    /** The section holding the updater's options. */
    public static final String SECTION = "object-updater";

    private static final Setting<Duration> INTERVAL =
            Setting.seconds("interval", 300, 0.001, 1e9).doc("Seconds between passes.");
    private static final Setting<Integer> CONCURRENCY =
            Setting.integer("concurrency", 8, 1, 1024).doc("Updates in flight at once.");
    private static final Setting<Double> OBJECTS_PER_SECOND = Setting.number("objects_per_second", 50, 0, 1e9)
            .defaultDescribed("50, or 1 / (slowdown + 0.01) when slowdown is set")
            .doc("Async pendings processed per second (0: unlimited).");
    private static final Setting<Double> SLOWDOWN = Setting.number("slowdown", 0.01, 0, 1e6)
            .doc("Deprecated in Swift: seconds between updates, used only without `objects_per_second`.");
    private static final Setting<Duration> NODE_TIMEOUT =
            Setting.seconds("node_timeout", 10, 0.001, 1e6).doc("Waiting for a container server's answer.");
    private static final Setting<Duration> CONN_TIMEOUT =
            Setting.seconds("conn_timeout", 0.5, 0.001, 1e6).doc("Connecting to a container server.");
    private static final Setting<Duration> MAX_BACKOFF = Setting.seconds("max_backoff", 3600, 0.001, 1e9)
            .cairnOnly()
            .doc("Cap of the retry back-off of a failing pending.");

    /** Keys the sample leaves to {@code [DEFAULT]}. */
    public static final Set<String> FROM_DEFAULT = Set.of("devices", "mount_check", "swift_dir");

    /** Every setting of {@code [object-updater]} (with what it inherits), and the Swift keys it accepts. */
    public static final ConfigDefinition DEFINITION = ConfigDefinition.of(
            "object-updater",
            List.of(
                    ServerSettings.DEVICES,
                    ServerSettings.MOUNT_CHECK,
                    ServerSettings.SWIFT_DIR,
                    INTERVAL,
                    CONCURRENCY,
                    OBJECTS_PER_SECOND,
                    SLOWDOWN,
                    NODE_TIMEOUT,
                    CONN_TIMEOUT,
                    MAX_BACKOFF),
            ServerSettings.withProcessKeys(
                    "updater_workers",
                    "max_objects_per_container_per_second",
                    "per_container_ratelimit_buckets",
                    "max_deferred_updates",
                    "report_interval",
                    "recon_cache_path"));

    private final Path swiftDir;
    private final Duration interval;
    private final int concurrency;
    private final double objectsPerSecond;
    private final Duration nodeTimeout;
    private final Duration connTimeout;
    private final Duration maxBackoff;

    private ObjectUpdaterConfig(ConfigValues v) {
        super(v);
        this.swiftDir = v.get(ServerSettings.SWIFT_DIR);
        this.interval = v.get(INTERVAL);
        this.concurrency = v.get(CONCURRENCY);
        if (v.isSet(OBJECTS_PER_SECOND) || !v.isSet(SLOWDOWN)) {
            this.objectsPerSecond = v.get(OBJECTS_PER_SECOND);
        } else {
            this.objectsPerSecond = 1 / (v.get(SLOWDOWN) + 0.01);
        }
        this.nodeTimeout = v.get(NODE_TIMEOUT);
        this.connTimeout = v.get(CONN_TIMEOUT);
        this.maxBackoff = v.get(MAX_BACKOFF);
    }

    /**
     * From a parsed section ({@code ini.section("object-updater")}).
     *
     * @throws io.cairn.common.config.ConfigException naming the key and the reason for a bad value
     */
    public static ObjectUpdaterConfig from(ConfigSection section) {
        return new ObjectUpdaterConfig(DEFINITION.parse(section));
    }

    /**
     * From a parsed {@code object-server.conf}: its {@code [object-updater]}, or Swift's defaults over
     * {@code [DEFAULT]} when the file has no such section.
     */
    public static ObjectUpdaterConfig from(IniFile ini) {
        return from(ini.hasSection(SECTION) ? ini.section(SECTION) : ini.defaults());
    }

    /** Swift's defaults, for tests. */
    public static ObjectUpdaterConfig defaults() {
        return from(IniFile.parse("[object-updater]\n", "defaults"));
    }

    /** {@code swift_dir} (default {@code /etc/swift}): where {@code container.ring.gz} is. */
    public Path swiftDir() {
        return swiftDir;
    }

    /** {@code interval} (default 300 s): time between passes, and the first retry back-off. */
    public Duration interval() {
        return interval;
    }

    /** {@code concurrency} (default 8): pendings whose container updates are in flight at once. */
    public int concurrency() {
        return concurrency;
    }

    /** {@code objects_per_second} (default 50, or from {@code slowdown}); 0 means unlimited. */
    public double objectsPerSecond() {
        return objectsPerSecond;
    }

    /** {@code node_timeout} (default 10 s): a container server's answer. */
    public Duration nodeTimeout() {
        return nodeTimeout;
    }

    /** {@code conn_timeout} (default 0.5 s): connecting to a container server. */
    public Duration connTimeout() {
        return connTimeout;
    }

    /** Cairn's {@code max_backoff} (default 3600 s): longest wait before a failing pending is retried. */
    public Duration maxBackoff() {
        return maxBackoff;
    }
}
